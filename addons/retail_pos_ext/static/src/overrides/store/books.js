import { _t } from "@web/core/l10n/translation";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { ConnectionLostError } from "@web/core/network/rpc";
import { patch } from "@web/core/utils/patch";
import { PosStore } from "@point_of_sale/app/store/pos_store";
import { ask, makeAwaitable } from "@point_of_sale/app/store/make_awaitable_dialog";
import { TextInputPopup } from "@point_of_sale/app/utils/input_popups/text_input_popup";
import { formatPackQty, PackQtyError, parsePackQty } from "@retail_pos_ext/app/books/pack_qty";

patch(PosStore.prototype, {
    async addLineToOrder(vals, order, opts = {}, configure = true) {
        const result = await super.addLineToOrder(...arguments);
        // a merged line is deleted: the line that holds the quantity is the selected one
        const line = order?.get_selected_orderline();
        if (line && !line.retail_accessory_parent_uuid) {
            await this.retailAddAccessories(line);
        }
        return result;
    },

    /** 配件: the accessories of a book line that it does not have yet, for its quantity. */
    async retailAddAccessories(line) {
        const accessories = line.product_id.retail_pos_accessories || [];
        if (!accessories.length || line.get_quantity() <= 0 || line.refunded_orderline_id) {
            return;
        }
        const order = line.order_id;
        const existing = new Set(
            order.lines
                .filter((other) => other.retail_accessory_parent_uuid === line.uuid)
                .map((other) => other.product_id.id)
        );
        for (const [productId, perCopy] of accessories) {
            const product = this.models["product.product"].get(productId);
            if (!product || existing.has(productId)) {
                continue;
            }
            await this.addLineToOrder(
                {
                    product_id: product,
                    qty: line.get_quantity() * perCopy,
                    retail_accessory_parent_uuid: line.uuid,
                },
                order,
                { merge: false },
                false
            );
        }
        order.select_orderline(line);
    },

    /** 件/包/本: the cashier types the quantity of the selected book line in cases,
     * bundles and copies (3件2包5本); the line takes the copies. */
    async retailEnterPackQty() {
        const line = this.get_order()?.get_selected_orderline();
        const product = line?.product_id;
        if (!product?.retail_bundle_qty) {
            return false;
        }
        const text = await makeAwaitable(this.dialog, TextInputPopup, {
            title: _t("Quantity in cases, bundles and copies"),
            placeholder: _t("e.g. 3件2包5本, 3件, 2包5本 or 12"),
            startingValue: formatPackQty(
                line.get_quantity(),
                product.retail_bundle_qty,
                product.retail_case_bundles
            ),
        });
        if (text === undefined || text === null) {
            return false;
        }
        let quantity;
        try {
            quantity = parsePackQty(text, product.retail_bundle_qty, product.retail_case_bundles);
        } catch (error) {
            if (!(error instanceof PackQtyError)) {
                throw error;
            }
            this.dialog.add(AlertDialog, {
                title: _t("Not a quantity"),
                body: this.retailPackQtyErrorMessage(error, product),
            });
            return false;
        }
        const problem = line.set_quantity(line.get_quantity() < 0 ? -quantity : quantity);
        if (problem && problem !== true) {
            this.dialog.add(AlertDialog, problem);
            return false;
        }
        return quantity;
    },

    retailPackQtyErrorMessage(error, product) {
        if (error.code === "no_case") {
            return _t(
                "%(product)s is not packed in cases (件): enter the quantity in bundles (包) or copies (本).",
                { product: product.display_name }
            );
        }
        if (error.code === "no_bundle") {
            return _t(
                "%(product)s is not bundled (包): enter the quantity in copies (本).",
                { product: product.display_name }
            );
        }
        return _t(
            "%(text)s is not a quantity: enter copies (12) or cases, bundles and copies such as 3件2包5本, 3件 or 2包5本.",
            { text: error.text }
        );
    },

    /**
     * 退货率: before a refund for a customer is paid, the server says whether it takes
     * them over their return rate limit: "block" refuses it here, "warn" asks the
     * cashier. Offline, the refund goes through and the server flags it if needed.
     */
    async retailCheckRefundRate(order) {
        const partner = order.get_partner();
        const refunded = -order
            .get_orderlines()
            .filter((line) => line.get_quantity() < 0)
            .reduce((total, line) => total + line.get_price_without_tax(), 0);
        if (!partner || refunded <= 0) {
            return true;
        }
        let check;
        try {
            check = await this.data.call("res.partner", "retail_check_pos_refund", [
                partner.id,
                refunded,
            ]);
        } catch (error) {
            if (error instanceof ConnectionLostError) {
                return true;
            }
            throw error;
        }
        if (!check) {
            return true;
        }
        if (check.action === "block") {
            this.dialog.add(AlertDialog, {
                title: _t("Return rate limit reached"),
                body: check.message,
            });
            return false;
        }
        return await ask(this.dialog, {
            title: _t("Return rate above the limit"),
            body: check.message + "\n" + _t("Make the refund anyway?"),
            confirmLabel: _t("Refund"),
        });
    },
});
