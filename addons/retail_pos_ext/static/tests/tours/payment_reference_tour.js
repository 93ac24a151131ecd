import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as TextInputPopup from "@point_of_sale/../tests/tours/utils/text_input_popup_util";
import { registry } from "@web/core/registry";

function payWith(method) {
    return [
        ProductScreen.addOrderline("Retail Pay Tea", "1"),
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod(method),
        PaymentScreen.clickValidate(),
        Dialog.is({ title: `${method} reference` }),
    ].flat();
}

function enterReference(reference) {
    return [TextInputPopup.inputText(reference), Dialog.confirm("Apply")];
}

registry.category("web_tour.tours").add("retail_pos_ext_payment_reference_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            // WeChat Pay: the payer's reference is scanned and printed
            payWith("WeChat Pay"),
            enterReference("4200001234"),
            ReceiptScreen.receiptIsThere(),
            {
                content: "the receipt prints the payer's transaction reference",
                trigger: ".pos-receipt .retail-payment-reference:contains('4200001234')",
            },
            ReceiptScreen.clickNextOrder(),
            // Alipay: without a reference the order is not validated
            payWith("Alipay"),
            Dialog.discard(),
            Dialog.is({ title: "Transaction reference missing" }),
            Dialog.confirm(),
            PaymentScreen.isShown(),
            PaymentScreen.clickValidate(),
            Dialog.is({ title: "Alipay reference" }),
            enterReference("2026112222001"),
            ReceiptScreen.receiptIsThere(),
            ReceiptScreen.clickNextOrder(),
            // WeChat Pay again: a reference already recorded is refused
            payWith("WeChat Pay"),
            enterReference("4200001234"),
            Dialog.is({ title: "Transaction reference already used" }),
            Dialog.confirm(),
            PaymentScreen.isShown(),
            PaymentScreen.clickValidate(),
            Dialog.is({ title: "WeChat Pay reference" }),
            enterReference("4200009999"),
            ReceiptScreen.receiptIsThere(),
            ReceiptScreen.clickNextOrder(),
            Chrome.endTour(),
        ].flat(),
});
