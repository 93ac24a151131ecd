import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import { registry } from "@web/core/registry";

/** 满100减10 / 满200减30: two teas of 50 reach the first tier, five the second (30 off in
 * all, never 10 + 30); paid in cash. */
registry.category("web_tour.tours").add("retail_promotion_pos_tiers_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.addOrderline("Promo Till Tea", "2"),
            PosLoyalty.hasRewardLine("Spend 100 save 10", "-10.00"),
            PosLoyalty.orderTotalIs("90.00"),
            ProductScreen.clickDisplayedProduct("Promo Till Tea"),
            ProductScreen.clickDisplayedProduct("Promo Till Tea"),
            ProductScreen.clickDisplayedProduct("Promo Till Tea"),
            PosLoyalty.hasRewardLine("Spend 200 save 30", "-30.00"),
            PosLoyalty.orderTotalIs("220.00"),
            PosLoyalty.finalizeOrder("Cash", "220"),
        ].flat(),
});
