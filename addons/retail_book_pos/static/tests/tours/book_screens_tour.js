import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import { checkNotCut, openChineseTill } from "@retail_pos_ext/../tests/tours/utils/till_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_book_pos_till_layout_tour", {
    steps: () =>
        [
            openChineseTill(),
            {
                content: "sell the book: the till's cases/bundles button joins the row",
                trigger: "article.product .product-name:contains('城市的记忆')",
                run: "click",
            },
            {
                trigger: ".control-buttons .retail-pack-qty-button",
            },
            checkNotCut(".product-screen .set-partner", "the customer button"),
            checkNotCut(".product-screen .control-buttons button", "the row's buttons"),
            Chrome.endTour(),
        ].flat(),
});
