import { patch } from "@web/core/utils/patch";
import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { receiptAdditions } from "@retail_pos_ext/app/receipt/receipt";

patch(PosOrder.prototype, {
    /** A Chinese receipt: the total in capitals, the member and the points earned. */
    export_for_printing(baseUrl, headerData) {
        const result = super.export_for_printing(...arguments);
        Object.assign(result, receiptAdditions(this, result));
        return result;
    },
});
