import { patch } from "@web/core/utils/patch";
import { PaymentScreen } from "@point_of_sale/app/screens/payment_screen/payment_screen";

patch(PaymentScreen.prototype, {
    async _isOrderValid(isForceValidate) {
        if (!(await super._isOrderValid(...arguments))) {
            return false;
        }
        if (!(await this.pos.retailCheckRefundRate(this.currentOrder))) {
            return false;
        }
        return await this.pos.retailCollectPaymentReferences(this.currentOrder);
    },
    async _finalizeValidation() {
        this.pos.retailConsumeStoreStock(this.currentOrder);
        return await super._finalizeValidation(...arguments);
    },
});
