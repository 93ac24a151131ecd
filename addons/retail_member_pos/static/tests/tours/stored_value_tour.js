import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import { registry } from "@web/core/registry";

function pickMember() {
    return [
        ProductScreen.clickPartnerButton(),
        ProductScreen.inputCustomerSearchbar("Member Li"),
        ProductScreen.clickCustomer("Member Li"),
    ].flat();
}

/** A cashier tops up a member's stored value card (储值卡) by 100 in cash, then the
 * member buys tea of 300: 100 paid with the card's balance, 200 in cash. */
registry.category("web_tour.tours").add("retail_member_pos_stored_value_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            pickMember(),
            ProductScreen.addOrderline("Stored Value Top-up", "1"),
            PosLoyalty.orderTotalIs("100.00"),
            PosLoyalty.finalizeOrder("Cash", "100"),
            pickMember(),
            ProductScreen.addOrderline("Retail SV Tea", "1"),
            PosLoyalty.orderTotalIs("300.00"),
            PosLoyalty.eWalletButtonState({
                highlighted: true,
                text: "eWallet Pay",
                click: true,
            }),
            PosLoyalty.orderTotalIs("200.00"),
            PosLoyalty.finalizeOrder("Cash", "200"),
        ].flat(),
});
