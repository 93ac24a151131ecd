import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import { registry } from "@web/core/registry";

function pickMember() {
    return [
        ProductScreen.clickPartnerButton(),
        ProductScreen.inputCustomerSearchbar("Member Li"),
        ProductScreen.clickCustomer("Member Li"),
    ].flat();
}

/** 充100送10: a cashier tops up a member's card by 100 in cash; the card holds 110
 * when the till hears back from the server (the receipt shows the bonus), and the member pays 110 of a 300 tea
 * with it, 190 in cash. */
registry.category("web_tour.tours").add("retail_member_pos_stored_value_bonus_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            pickMember(),
            ProductScreen.addOrderline("Stored Value Top-up", "1"),
            PosLoyalty.orderTotalIs("100.00"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickNumpad("1 0 0"),
            PaymentScreen.clickValidate(),
            {
                content: "the receipt shows the bonus the server gave",
                trigger: ".receipt-screen .retail-stored-value-bonus:contains('10.00')",
            },
            ReceiptScreen.clickNextOrder(),
            pickMember(),
            ProductScreen.addOrderline("Retail SV Tea", "1"),
            PosLoyalty.orderTotalIs("300.00"),
            PosLoyalty.eWalletButtonState({
                highlighted: true,
                text: "eWallet Pay",
                click: true,
            }),
            PosLoyalty.orderTotalIs("190.00"),
            PosLoyalty.finalizeOrder("Cash", "190"),
        ].flat(),
});
