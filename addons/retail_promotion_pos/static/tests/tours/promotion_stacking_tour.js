import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import { registry } from "@web/core/registry";

/** 互斥: four cups reach 满100减10; a tea brings 茶叶8折, which does not stack and comes
 * first: the till takes 满100减10 off again and says why. */
registry.category("web_tour.tours").add("retail_promotion_pos_stacking_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.addOrderline("Stack Cup", "4"),
            PosLoyalty.hasRewardLine("Spend 100 save 10", "-10.00"),
            PosLoyalty.orderTotalIs("110.00"),
            PosLoyalty.finalizeOrder("Cash", "110"),
            ProductScreen.addOrderline("Stack Cup", "4"),
            PosLoyalty.hasRewardLine("Spend 100 save 10", "-10.00"),
            ProductScreen.clickDisplayedProduct("Stack Tea"),
            PosLoyalty.hasRewardLine("20% off", "-10.00"),
            {
                content: "the till says why 满100减10 is left out",
                trigger:
                    ".retail-promotion-skipped:contains('满100减10: does not stack with 茶叶8折, which comes first')",
            },
            {
                content: "满100减10 is no longer on the order",
                trigger: ".order-container:not(:has(.orderline:contains('Spend 100 save 10')))",
            },
            PosLoyalty.orderTotalIs("160.00"),
            PosLoyalty.finalizeOrder("Cash", "160"),
        ].flat(),
});
