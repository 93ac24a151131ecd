import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as Utils from "@point_of_sale/../tests/tours/utils/common";
import { holdOrder, listHeldOrders } from "@retail_pos_ext/../tests/tours/utils/till_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_pos_ext_held_order_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.addOrderline("Retail Held Tea", "2"),
            ProductScreen.addOrderline("Retail Held Cake", "1"),
            holdOrder("Zhang table 3"),
            // held orders live on the server: they survive a reload of the till
            Utils.refresh(),
            ProductScreen.orderIsEmpty(),
            listHeldOrders(),
            Dialog.is({ title: "Resume a held order" }),
            Utils.negateStep({
                content: "an order held in another store is not listed",
                trigger: ".selection-item:contains('Other Store Order')",
            }),
            {
                content: "resume the held order",
                trigger: ".selection-item:contains('Zhang table 3')",
                run: "click",
            },
            ProductScreen.orderLineHas("Retail Held Tea", "2"),
            ProductScreen.orderLineHas("Retail Held Cake", "1"),
            ProductScreen.totalAmountIs("25.50"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            ReceiptScreen.clickNextOrder(),
            {
                content: "a resumed order is no longer held",
                trigger: ".control-buttons .retail-held-orders-button",
                run: "click",
            },
            Dialog.bodyIs("No order is on hold in this store."),
            Dialog.confirm(),
            Chrome.endTour(),
        ].flat(),
});
