import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import { registry } from "@web/core/registry";

/** 积分抵扣: a member holding 250 points buys tea of 300 and redeems 200 of them for
 * 20 off; pays 280 in cash. */
registry.category("web_tour.tours").add("retail_member_pos_points_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.inputCustomerSearchbar("Member Li"),
            ProductScreen.clickCustomer("Member Li"),
            ProductScreen.addOrderline("Retail SV Tea", "1"),
            PosLoyalty.orderTotalIs("300.00"),
            PosLoyalty.claimReward("Points: 20 off"),
            PosLoyalty.orderTotalIs("280.00"),
            PosLoyalty.finalizeOrder("Cash", "280"),
        ].flat(),
});
