import { patch } from "@web/core/utils/patch";
import { PosOrderline } from "@point_of_sale/app/models/pos_order_line";
import {
    bookDisplayData,
    isAccessory,
    syncAccessoryQuantities,
} from "@retail_book_pos/app/books/book_lines";

patch(PosOrderline.prototype, {
    /** A book line's accessories follow its quantity. */
    set_quantity(quantity, keep_price) {
        const result = super.set_quantity(...arguments);
        if (result === true || result === undefined) {
            syncAccessoryQuantities(this);
        }
        return result;
    },

    /** An accessory line stays apart from other lines of its product. */
    can_be_merged_with(orderline) {
        if (isAccessory(this) || isAccessory(orderline)) {
            return false;
        }
        return super.can_be_merged_with(...arguments);
    },

    getDisplayData() {
        return {
            ...super.getDisplayData(...arguments),
            ...bookDisplayData(this),
        };
    },
});
