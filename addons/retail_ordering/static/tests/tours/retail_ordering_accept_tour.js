import { registry } from "@web/core/registry";

// the dealer, on a phone, accepts head office's changed quantities
registry.category("web_tour.tours").add("retail_ordering_accept_tour", {
    steps: () => [
        {
            content: "My Orders",
            trigger: ".o_retail_ordering_nav a[href='/my/ordering']",
            run: "click",
        },
        {
            content: "the order head office changed",
            trigger: ".o_retail_order_row:contains(Changed)",
            run: "click",
        },
        {
            content: "the changed line: 30 asked, 12 now",
            trigger:
                ".o_retail_order_line_changed:contains(Dealer Test Tea):contains(30):contains(12)",
        },
        {
            content: "accept",
            trigger: ".o_retail_order_accept",
            run: "click",
        },
        {
            content: "approved",
            trigger: ".o_retail_order .o_retail_order_state:contains(Approved)",
        },
    ],
});

// later: the delivery with its tracking number, then core's page of the order and its invoice
registry.category("web_tour.tours").add("retail_ordering_follow_tour", {
    steps: () => [
        {
            content: "My Orders",
            trigger: ".o_retail_ordering_nav a[href='/my/ordering']",
            run: "click",
        },
        {
            content: "the approved order",
            trigger: ".o_retail_order_row:contains(Approved)",
            run: "click",
        },
        {
            content: "its delivery with the carrier's tracking number",
            trigger: ".o_retail_order_deliveries:contains(SF1234567890)",
        },
        {
            content: "deliveries and invoices on core's page",
            trigger: ".o_retail_order_follow",
            run: "click",
        },
        {
            content: "the invoice is listed",
            trigger: "a[href*='/my/invoices/']",
        },
    ],
});
