import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("retail_wholesale_order_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="retail_wholesale.retail_wholesale_menu_root"]',
            run: "click",
        },
        {
            trigger:
                '.o_main_navbar [data-menu-xmlid="retail_wholesale.retail_wholesale_menu_sales"]',
            run: "click",
        },
        {
            trigger:
                '.dropdown-item[data-menu-xmlid="retail_wholesale.retail_wholesale_menu_sale_orders"]',
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour Wholesale",
        },
        {
            trigger: '.ui-menu-item > a:contains("Tour Wholesale Buyer")',
            run: "click",
        },
        {
            trigger: "a:contains('Add a product')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=product_template_id] input",
            run: "edit Tour Green Tea",
        },
        {
            trigger: 'ul.ui-autocomplete a:contains("Tour Green Tea 250g")',
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=product_uom_qty] input",
            run: "edit 12",
        },
        {
            trigger: ".o_field_widget[name=tax_totals]",
            run: "click",
        },
        {
            trigger: "button[name=action_confirm]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value=sale]",
        },
    ],
});
