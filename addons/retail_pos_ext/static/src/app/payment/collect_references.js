import { _t } from "@web/core/l10n/translation";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { paymentReferenceAdapters } from "@retail_pos_ext/app/payment/reference_adapters";

/**
 * Ask the adapter of each payment method that needs one for the payer's transaction
 * reference of the order's payments (WeChat Pay, Alipay) that have none yet.
 * @returns {Promise<boolean>} false when a reference is missing or already used: the
 *      order must not be validated
 */
export async function collectPaymentReferences(pos, order) {
    for (const line of order.payment_ids) {
        const method = line.payment_method_id;
        if (!method.retail_requires_reference || line.transaction_id || !line.get_amount()) {
            continue;
        }
        const Adapter = paymentReferenceAdapters.get(method.retail_reference_adapter || "manual");
        const reference = await new Adapter(pos).collectReference(line);
        if (!reference) {
            pos.dialog.add(AlertDialog, {
                title: _t("Transaction reference missing"),
                body: _t(
                    "The %(method)s payment of %(amount)s needs the payer's transaction reference. Enter it, or remove that payment.",
                    {
                        method: method.name,
                        amount: pos.env.utils.formatCurrency(line.get_amount()),
                    },
                ),
            });
            return false;
        }
        const usedBy = pos.models["pos.payment"].find(
            (payment) =>
                payment !== line &&
                payment.transaction_id === reference &&
                payment.payment_method_id?.id === method.id,
        );
        if (usedBy) {
            pos.dialog.add(AlertDialog, {
                title: _t("Transaction reference already used"),
                body: _t(
                    "The transaction reference %(reference)s was already recorded for another %(method)s payment. Check the customer's bill.",
                    { reference, method: method.name },
                ),
            });
            return false;
        }
        line.transaction_id = reference;
    }
    return true;
}

/** The reference printed under a payment that needed one. */
export function printedReference(payment) {
    return (payment.payment_method_id.retail_requires_reference && payment.transaction_id) || "";
}
