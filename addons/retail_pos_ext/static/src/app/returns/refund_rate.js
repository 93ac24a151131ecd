import { _t } from "@web/core/l10n/translation";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { ConnectionLostError } from "@web/core/network/rpc";
import { ask } from "@point_of_sale/app/store/make_awaitable_dialog";

/**
 * 退货率: before a refund for a customer is paid, the server says whether it takes them
 * over their return rate limit: "block" refuses it here, "warn" asks the cashier.
 * Offline, the refund goes through and the server flags it if needed.
 * @returns {Promise<boolean>} whether the order may be paid
 */
export async function checkRefundRate(pos, order) {
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
        check = await pos.data.call("res.partner", "retail_check_pos_refund", [
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
        pos.dialog.add(AlertDialog, {
            title: _t("Return rate limit reached"),
            body: check.message,
        });
        return false;
    }
    return await ask(pos.dialog, {
        title: _t("Return rate above the limit"),
        body: check.message + "\n" + _t("Make the refund anyway?"),
        confirmLabel: _t("Refund"),
    });
}
