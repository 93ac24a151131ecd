import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/** 储值卡充值 in the back office: a store manager sells a member a top-up of 1,000 on a
 * sale order (充1000送100 running) and opens the member's e-member card. */
registry.category("web_tour.tours").add("retail_member_top_up_tour", {
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
            run: "edit Tour Member Sun",
        },
        {
            trigger: '.ui-menu-item > a:contains("Tour Member Sun")',
            run: "click",
        },
        {
            trigger: "a:contains('Add a product')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=product_template_id] input",
            run: "edit Stored Value Top-up",
        },
        {
            trigger: 'ul.ui-autocomplete a:contains("Stored Value Top-up")',
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=price_unit] input",
            run: "edit 1000",
        },
        {
            trigger: ".o_field_widget[name=tax_totals]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=tax_totals]:contains('1,000.00')",
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
