import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as Utils from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";

function stockBadgeIs(product, quantity) {
    return {
        content: `${product} shows ${quantity} on hand in this store`,
        trigger: `article.product:has(.product-name:contains('${product}')) .retail-stock-badge:contains('Stock ${quantity}')`,
    };
}

registry.category("web_tour.tours").add("retail_pos_ext_store_stock_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            stockBadgeIs("Retail Stock Soap", "12"),
            stockBadgeIs("Retail Stock Towel", "0"),
            Utils.negateStep({
                content: "a consumable has no stock badge",
                trigger:
                    "article.product:has(.product-name:contains('Retail Stock Service')) .retail-stock-badge",
            }),
            ProductScreen.addOrderline("Retail Stock Soap", "3"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            ReceiptScreen.clickNextOrder(),
            stockBadgeIs("Retail Stock Soap", "9"),
            // after a reload, the quantity comes from the server's stock
            Utils.refresh(),
            stockBadgeIs("Retail Stock Soap", "9"),
            Chrome.endTour(),
        ].flat(),
});
