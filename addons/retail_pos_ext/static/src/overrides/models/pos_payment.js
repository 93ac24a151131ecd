import { patch } from "@web/core/utils/patch";
import { PosPayment } from "@point_of_sale/app/models/pos_payment";
import { printedReference } from "@retail_pos_ext/app/payment/collect_references";

patch(PosPayment.prototype, {
    export_for_printing() {
        return {
            ...super.export_for_printing(...arguments),
            retailReference: printedReference(this),
        };
    },
});
