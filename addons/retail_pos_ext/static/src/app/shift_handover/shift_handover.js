import { _t } from "@web/core/l10n/translation";
import { makeAwaitable } from "@point_of_sale/app/store/make_awaitable_dialog";
import { NumberPopup } from "@point_of_sale/app/utils/input_popups/number_popup";
import { ShiftHandoverDialog } from "@retail_pos_ext/app/shift_handover/shift_handover_dialog";

/** 交班: the cashier counts their cash; the server computes their shift's figures. */
export async function shiftHandover(pos) {
    const counted = await makeAwaitable(pos.dialog, NumberPopup, {
        title: _t("Shift Handover: cash counted"),
        subtitle: _t("Count the cash of your shift, without the opening float."),
        formatDisplayedValue: (value) => `${pos.currency.symbol} ${value}`,
    });
    if (counted === undefined || counted === null || counted === "") {
        return null;
    }
    // sales of this till not yet on the server would be missing from the handover
    await pos.syncAllOrders({ throw: true });
    const summary = await pos.data.call("retail.pos.shift.handover", "retail_create_from_ui", [
        pos.session.id,
        pos.env.utils.parseValidFloat(counted),
    ]);
    pos.dialog.add(ShiftHandoverDialog, {
        summary,
        print: () =>
            pos.env.services.report.doAction(
                "retail_pos_ext.retail_pos_shift_handover_report_action",
                [summary.id],
            ),
    });
    return summary;
}
