import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as Utils from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";

function stockBadgeIs(product, quantity) {
    return {
        content: `${product} shows ${quantity} on hand in this store`,
        trigger: `article.product:has(.product-name:contains('${product}')) .retail-stock-badge:contains('Stock ${quantity}')`,
    };
}

registry.category("web_tour.tours").add("retail_pos_ext_late_product_stock_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            Utils.negateStep({
                content: "Retail Late Soap was not loaded at start-up",
                trigger: "article.product .product-name:contains('Retail Late')",
            }),
            // a barcode the till does not know: the product is found on the server
            Utils.scan_barcode("0100999"),
            ProductScreen.selectedOrderlineHas("Retail Late Soap", "1"),
            stockBadgeIs("Retail Late Soap", "7"),
            // a search on the server ("Search more")
            ProductScreen.searchProduct("Retail Late Towel"),
            {
                content: "search the server",
                trigger: ".search-more-button button",
                run: "click",
            },
            stockBadgeIs("Retail Late Towel", "4"),
            Chrome.endTour(),
        ].flat(),
});
