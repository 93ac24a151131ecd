import { patch } from "@web/core/utils/patch";
import { PosOrderline } from "@point_of_sale/app/models/pos_order_line";
import { lotDisplayData } from "@retail_pos_ext/app/lot_expiry/lot_expiry";

patch(PosOrderline.prototype, {
    getDisplayData() {
        return {
            ...super.getDisplayData(...arguments),
            ...lotDisplayData(this),
        };
    },
});
