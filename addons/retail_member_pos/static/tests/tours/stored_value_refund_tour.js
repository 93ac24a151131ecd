import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as TicketScreen from "@point_of_sale/../tests/tours/utils/ticket_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import { registry } from "@web/core/registry";

/** A member holding 100 on their stored value card buys tea of 300: 100 paid with the
 * card, 200 in cash; the member brings the tea back and the cashier refunds the order
 * to the card (core's eWallet Refund). */
registry.category("web_tour.tours").add("retail_member_pos_stored_value_refund_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.inputCustomerSearchbar("Member Li"),
            ProductScreen.clickCustomer("Member Li"),
            ProductScreen.addOrderline("Retail SV Tea", "1"),
            PosLoyalty.eWalletButtonState({
                highlighted: true,
                text: "eWallet Pay",
                click: true,
            }),
            PosLoyalty.orderTotalIs("200.00"),
            PosLoyalty.finalizeOrder("Cash", "200"),
            ProductScreen.clickRefund(),
            TicketScreen.filterIs("Paid"),
            TicketScreen.selectOrder("0001"),
            ProductScreen.clickNumpad("1"),
            TicketScreen.toRefundTextContains("To Refund: 1.00"),
            TicketScreen.confirmRefund(),
            ProductScreen.isShown(),
            PosLoyalty.eWalletButtonState({
                highlighted: true,
                text: "eWallet Refund",
                click: true,
            }),
            PosLoyalty.orderTotalIs("0.00"),
            PosLoyalty.finalizeOrder("Cash", "0"),
        ].flat(),
});
