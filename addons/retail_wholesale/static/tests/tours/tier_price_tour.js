import { registry } from "@web/core/registry";

function setQuantityAndExpectPrice(quantity, price) {
    return [
        {
            content: "edit the quantity of the line",
            trigger: ".o_data_row td.o_data_cell[name=product_uom_qty]",
            run: "click",
        },
        {
            content: `order ${quantity}`,
            trigger: ".o_data_row .o_field_widget[name=product_uom_qty] input",
            run: `edit ${quantity}`,
        },
        {
            content: "leave the line so the price is recomputed",
            trigger: ".o_field_widget[name=tax_totals]",
            run: "click",
        },
        {
            content: `the tier price for ${quantity} is ${price}`,
            trigger: `.o_data_row td.o_data_cell[name=price_unit]:contains(${price})`,
        },
    ];
}

registry.category("web_tour.tours").add("retail_wholesale_tier_price_tour", {
    url: "/odoo/action-sale.action_orders",
    steps: () => [
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tier Test Shop",
        },
        {
            trigger: '.ui-menu-item > a:contains("Tier Test Shop")',
            run: "click",
        },
        {
            content: "the customer's grade is shown on the order",
            trigger: ".o_field_widget[name=retail_grade_id]:contains(Wholesale Tier 1)",
        },
        {
            trigger: "a:contains('Add a product')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=product_template_id] input",
            run: "edit Tier Biscuits",
        },
        {
            trigger: 'ul.ui-autocomplete a:contains("Tier Biscuits")',
            run: "click",
        },
        ...setQuantityAndExpectPrice(5, "10.00"),
        ...setQuantityAndExpectPrice(12, "9.00"),
        ...setQuantityAndExpectPrice(60, "8.50"),
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
