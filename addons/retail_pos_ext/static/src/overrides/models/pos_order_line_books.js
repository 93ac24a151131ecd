import { patch } from "@web/core/utils/patch";
import { PosOrderline } from "@point_of_sale/app/models/pos_order_line";
import { formatCurrency } from "@point_of_sale/app/models/utils/currency";
import { discountLabel, formatPackQty } from "@retail_pos_ext/app/books/pack_qty";

patch(PosOrderline.prototype, {
    /** The accessory lines (配件) that were added with this book line. */
    retailAccessoryLines() {
        return (this.order_id?.lines || []).filter(
            (line) => line.retail_accessory_parent_uuid === this.uuid
        );
    },

    set_quantity(quantity, keep_price) {
        const result = super.set_quantity(...arguments);
        if (result === true || result === undefined) {
            const perCopy = Object.fromEntries(this.product_id.retail_pos_accessories || []);
            for (const accessory of this.retailAccessoryLines()) {
                const wanted = this.get_quantity() * (perCopy[accessory.product_id.id] || 0);
                if (accessory.get_quantity() !== wanted) {
                    accessory.set_quantity(wanted);
                }
            }
        }
        return result;
    },

    can_be_merged_with(orderline) {
        if (this.retail_accessory_parent_uuid || orderline.retail_accessory_parent_uuid) {
            return false;
        }
        return super.can_be_merged_with(...arguments);
    },

    /** 定价, 码洋 (quantity × 定价) and the discount of a book line; null otherwise. */
    retailBookAmounts() {
        const product = this.product_id;
        if (!product?.retail_is_book || !product.retail_cover_price) {
            return null;
        }
        const cover = this.get_quantity() * product.retail_cover_price;
        const net = this.get_price_without_tax();
        return {
            coverPrice: product.retail_cover_price,
            cover,
            net,
            discount: cover ? discountLabel((100 * net) / cover) : "",
        };
    },

    getDisplayData() {
        const data = super.getDisplayData(...arguments);
        const product = this.product_id;
        if (product?.retail_bundle_qty) {
            const packs = formatPackQty(
                this.get_quantity(),
                product.retail_bundle_qty,
                product.retail_case_bundles
            );
            data.retailPackQty = `${packs} = ${this.get_quantity()}本`;
        }
        const book = this.retailBookAmounts();
        if (book) {
            data.retailBook = {
                coverPrice: formatCurrency(book.coverPrice, this.currency),
                cover: formatCurrency(book.cover, this.currency),
                discount: book.discount,
            };
        }
        return data;
    },
});
