import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as Utils from "@point_of_sale/../tests/tours/utils/common";
import { holdOrder, listHeldOrders } from "@retail_pos_ext/../tests/tours/utils/till_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_pos_ext_held_lot_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickDisplayedProduct("Retail Fresh Milk"),
            {
                content: "the lot picked by FEFO, at the markdown price",
                trigger: ".orderline:contains('MILK-SOON') .retail-markdown",
            },
            holdOrder("Milk later"),
            // nothing of the lot stays in the till's memory
            Utils.refresh(),
            ProductScreen.orderIsEmpty(),
            listHeldOrders(),
            {
                content: "resume the held order",
                trigger: ".selection-item:contains('Milk later')",
                run: "click",
            },
            Dialog.isNot(),
            {
                content: "the same lot is back on the line, without asking",
                trigger: ".orderline:contains('Retail Fresh Milk'):contains('MILK-SOON')",
            },
            {
                content: "with its markdown",
                trigger: ".orderline:contains('MILK-SOON') .retail-markdown:contains('-30%')",
            },
            ProductScreen.totalAmountIs("4.20"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            ReceiptScreen.clickNextOrder(),
            // a lot that expired while the order was held is refused, not resumed
            listHeldOrders(),
            {
                content: "resume the order held with a lot that expired since",
                trigger: ".selection-item:contains('Old milk')",
                run: "click",
            },
            Dialog.is({ title: "Expired lot" }),
            Dialog.bodyIs("MILK-OLD"),
            Dialog.confirm(),
            ProductScreen.orderIsEmpty(),
            Chrome.endTour(),
        ].flat(),
});
