import { patch } from "@web/core/utils/patch";
import { PosPayment } from "@point_of_sale/app/models/pos_payment";

patch(PosPayment.prototype, {
    export_for_printing() {
        return {
            ...super.export_for_printing(...arguments),
            retailReference:
                (this.payment_method_id.retail_requires_reference && this.transaction_id) || "",
        };
    },
});
