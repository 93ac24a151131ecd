import { registry } from "@web/core/registry";

function fitsTheScreen(selector) {
    const element = document.querySelector(selector);
    if (element.scrollWidth > window.innerWidth) {
        throw new Error(
            `${selector} is ${element.scrollWidth}px wide on a ${window.innerWidth}px screen`,
        );
    }
}

registry.category("web_tour.tours").add("retail_ordering_order_tour", {
    steps: () => [
        {
            content: "My Account: order goods",
            trigger: "a[href='/my/catalog']",
            run: "click",
        },
        {
            content: "the catalogue shows the tea at the dealer's price",
            trigger:
                ".o_retail_catalog_item:contains(Dealer Test Tea) .o_retail_catalog_price:contains(10.00)",
            run() {
                fitsTheScreen(".o_retail_catalog");
            },
        },
        {
            content: "add a case of tea (6, the case pack, is proposed)",
            trigger: ".o_retail_catalog_item:contains(Dealer Test Tea) .o_retail_catalog_add",
            run: "click",
        },
        {
            content: "the cart has it",
            trigger: ".o_retail_ordering_nav a[href='/my/cart']:contains(1)",
            run: "click",
        },
        {
            content: "paste a line of biscuits",
            trigger: "textarea.o_retail_paste",
            run: "edit BIS-002 10",
        },
        {
            content: "add it",
            trigger: ".o_retail_paste_add",
            run: "click",
        },
        {
            content: "two lines in the cart, which fits the phone",
            trigger: ".o_retail_cart:has(.o_retail_cart_line:nth-child(2))",
            run() {
                fitsTheScreen(".o_retail_cart");
            },
        },
        {
            content: "send the order to head office",
            trigger: ".o_retail_cart_submit",
            run: "click",
        },
        {
            content: "it waits for head office",
            trigger: ".o_retail_order .o_retail_order_state:contains(To Approve)",
        },
    ],
});
