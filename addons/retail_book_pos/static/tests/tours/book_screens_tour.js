import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import { registry } from "@web/core/registry";

function checkNotCut(selector, label) {
    return {
        content: `${label} is shown whole`,
        trigger: selector,
        run: () => {
            for (const el of document.querySelectorAll(selector)) {
                if (el.offsetParent && el.scrollWidth > el.clientWidth + 1) {
                    throw new Error(`${label} is cut: "${el.textContent.trim()}"`);
                }
            }
        },
    };
}

registry.category("web_tour.tours").add("retail_book_pos_till_layout_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            {
                content: "open the register",
                trigger: ".modal .modal-footer .btn-primary",
                run: "click",
            },
            {
                content: "the till is in Chinese",
                trigger: ".product-screen .set-partner:contains('客户')",
            },
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
