import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as Utils from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_pos_ext_lot_expiry_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            // FEFO: the lot that expires first among those not expired, without asking
            ProductScreen.clickDisplayedProduct("Retail Fresh Milk"),
            Dialog.isNot(),
            {
                content: "the first lot to expire is on the line",
                trigger: ".orderline:contains('Retail Fresh Milk'):contains('MILK-SOON')",
            },
            {
                content: "it is close to its expiry",
                trigger: ".orderline:contains('MILK-SOON') .retail-near-expiry",
            },
            {
                content: "临期促销: it is sold at the markdown price, with a badge",
                trigger: ".orderline:contains('MILK-SOON') .retail-markdown:contains('-30%')",
            },
            ProductScreen.selectedOrderlineHas("Retail Fresh Milk", "1", "4.20"),
            // the two units of MILK-SOON used, the next one comes from MILK-LATER
            ProductScreen.clickDisplayedProduct("Retail Fresh Milk"),
            ProductScreen.clickDisplayedProduct("Retail Fresh Milk"),
            Dialog.isNot(),
            {
                trigger: ".orderline:contains('MILK-LATER')",
            },
            Utils.negateStep({
                content: "a lot not near its expiry has no badge",
                trigger: ".orderline:contains('MILK-LATER') .retail-near-expiry",
            }),
            Utils.negateStep({
                content: "nor a markdown",
                trigger: ".orderline:contains('MILK-LATER') .retail-markdown",
            }),
            ProductScreen.totalAmountIs("14.40"),
            // only expired lots on hand: refused
            ProductScreen.clickDisplayedProduct("Retail Old Yogurt"),
            Dialog.is({ title: "Expired lot" }),
            Dialog.bodyIs("YOG-OLD"),
            Dialog.confirm(),
            Utils.negateStep({
                content: "the expired product was not added",
                trigger: ".orderline:contains('Retail Old Yogurt')",
            }),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            {
                content: "the receipt shows the markdown",
                trigger: ".pos-receipt .retail-markdown:contains('-30%')",
            },
            ReceiptScreen.totalAmountContains("14.40"),
            ReceiptScreen.clickNextOrder(),
            Chrome.endTour(),
        ].flat(),
});
