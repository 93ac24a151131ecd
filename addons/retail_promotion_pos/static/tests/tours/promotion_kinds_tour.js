/* global posmodel */
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import { registry } from "@web/core/registry";

/** Each kind of promotion at the till: 限时折扣, 买二送一, 满199赠, a coupon entered by its
 * code, 第二件半价, and 限时折扣 again made offline and sent when the server is back. */
registry.category("web_tour.tours").add("retail_promotion_pos_kinds_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            // 限时折扣: the brand's tea at 8折
            ProductScreen.addOrderline("Promo Brand Tea", "1"),
            PosLoyalty.hasRewardLine("20% off", "-10.00"),
            PosLoyalty.orderTotalIs("40.00"),
            PosLoyalty.finalizeOrder("Cash", "40"),
            // 买二送一: three soaps scanned, the third given (core's buy X get Y)
            ProductScreen.clickDisplayedProduct("Promo Soap"),
            ProductScreen.clickDisplayedProduct("Promo Soap"),
            ProductScreen.clickDisplayedProduct("Promo Soap"),
            PosLoyalty.hasRewardLine("Buy 2 get 1 free", "-10.00"),
            PosLoyalty.orderTotalIs("20.00"),
            PosLoyalty.finalizeOrder("Cash", "20"),
            // 满199赠: four bags of rice; the Reward button offers the gift (core's till
            // gives a free product from that button)
            ProductScreen.addOrderline("Promo Rice", "4"),
            PosLoyalty.claimReward("Spend 199 get Promo Bag"),
            PosLoyalty.hasRewardLine("Spend 199 get Promo Bag", "-2.00"),
            PosLoyalty.orderTotalIs("200.00"),
            PosLoyalty.finalizeOrder("Cash", "200"),
            // 优惠券: 满100减20 by its code
            ProductScreen.addOrderline("Promo Rice", "3"),
            PosLoyalty.enterCode("PROMO-COUPON-20"),
            PosLoyalty.hasRewardLine("Coupon: 20 off from 100", "-20.00"),
            PosLoyalty.orderTotalIs("130.00"),
            PosLoyalty.finalizeOrder("Cash", "130"),
            // 第二件半价: two teas of 30, the second at half price
            ProductScreen.clickDisplayedProduct("Promo Nth Tea"),
            ProductScreen.clickDisplayedProduct("Promo Nth Tea"),
            PosLoyalty.hasRewardLine("Item 2 at 50% off", "-15.00"),
            PosLoyalty.orderTotalIs("45.00"),
            PosLoyalty.finalizeOrder("Cash", "45"),
            // 限时折扣 again, made offline and sent when the server is back
            {
                content: "the server becomes unreachable",
                trigger: ".pos",
                run() {
                    posmodel.data.network.offline = true;
                    posmodel.data.network.warningTriggered = true;
                    const consoleError = console.error;
                    console.error = (...args) => {
                        if (!String(args[0]).includes("ConnectionLostError")) {
                            consoleError(...args);
                        }
                    };
                },
            },
            ProductScreen.addOrderline("Promo Brand Tea", "1"),
            PosLoyalty.hasRewardLine("20% off", "-10.00"),
            PosLoyalty.orderTotalIs("40.00"),
            PosLoyalty.finalizeOrder("Cash", "40"),
            {
                content: "the server is back: the offline order is sent",
                trigger: ".pos",
                async run() {
                    posmodel.data.network.offline = false;
                    await posmodel.syncAllOrders();
                    if (posmodel.getPendingOrder().orderToCreate.length) {
                        throw new Error("the offline order was not sent");
                    }
                },
            },
        ].flat(),
});
