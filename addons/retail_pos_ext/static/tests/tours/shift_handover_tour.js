import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as NumberPopup from "@point_of_sale/../tests/tours/utils/number_popup_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { registry } from "@web/core/registry";

function sell(quantity, method) {
    return [
        ProductScreen.addOrderline("Retail Shift Tea", quantity),
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod(method),
        PaymentScreen.clickValidate(),
        ReceiptScreen.receiptIsThere(),
        ReceiptScreen.clickNextOrder(),
    ].flat();
}

registry.category("web_tour.tours").add("retail_pos_ext_shift_handover_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            ProductScreen.enterOpeningAmount("100"),
            Dialog.confirm("Open Register"),
            sell("1", "Cash"),
            sell("2", "Cash"),
            sell("1", "Bank"),
            Chrome.clickMenuOption("Shift Handover"),
            NumberPopup.enterValue("128"),
            Dialog.confirm(),
            {
                content: "cash payments of the shift",
                trigger:
                    ".retail-handover-payment:contains('Cash'):contains('2'):contains('30.00')",
            },
            {
                trigger:
                    ".retail-handover-payment:contains('Bank'):contains('1'):contains('10.00')",
            },
            {
                trigger: ".retail-handover-sales:contains('3'):contains('40.00')",
            },
            {
                content: "the opening float stays in the drawer",
                trigger: ".retail-handover-cash-float:contains('100.00')",
            },
            {
                content: "cash expected against cash counted",
                trigger: ".retail-handover-cash-expected:contains('130.00')",
            },
            {
                trigger: ".retail-handover-cash-counted:contains('128.00')",
            },
            {
                trigger: ".retail-handover-cash-difference:contains('-2.00')",
            },
            { trigger: ".modal-footer button:contains('Close')", run: "click" },
            Chrome.endTour(),
        ].flat(),
});
