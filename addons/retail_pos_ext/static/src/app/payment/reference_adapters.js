import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { makeAwaitable } from "@point_of_sale/app/store/make_awaitable_dialog";
import { TextInputPopup } from "@point_of_sale/app/utils/input_popups/text_input_popup";

/**
 * Where the payer's transaction reference of a WeChat Pay or Alipay payment comes from.
 *
 * An adapter is registered in the "retail_pos_ext.payment_reference_adapters" registry
 * under the key its payment method names in `retail_reference_adapter`. A payment
 * gateway integration registers its own class (asking the gateway, then returning the
 * reference it answers) and adds its key to that field's selection on the server.
 */
export class PaymentReferenceAdapter {
    constructor(pos) {
        this.pos = pos;
    }
    /**
     * @param {Object} paymentLine the pos.payment that needs a reference
     * @returns {Promise<string|null>} the reference, or null when there is none (cancelled)
     */
    async collectReference(paymentLine) {
        throw new Error("collectReference is not implemented");
    }
}

/** The cashier scans the payment code shown in the customer's bill, or types it. */
export class ManualReferenceAdapter extends PaymentReferenceAdapter {
    async collectReference(paymentLine) {
        const reference = await makeAwaitable(this.pos.dialog, TextInputPopup, {
            title: _t("%(method)s reference for %(amount)s", {
                method: paymentLine.payment_method_id.name,
                amount: this.pos.env.utils.formatCurrency(paymentLine.get_amount()),
            }),
            placeholder: _t("Scan or type the transaction number of the payer's bill"),
        });
        return reference ? reference.trim() : null;
    }
}

export const paymentReferenceAdapters = registry.category(
    "retail_pos_ext.payment_reference_adapters",
);
paymentReferenceAdapters.add("manual", ManualReferenceAdapter);
