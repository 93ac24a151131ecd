import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("retail_reports_purchase_analysis_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "open the retail app",
            trigger: '.o_app[data-menu-xmlid="retail_wholesale.retail_wholesale_menu_root"]',
            run: "click",
        },
        {
            content: "open the reports",
            trigger:
                '.o_main_navbar [data-menu-xmlid="retail_reports.retail_reports_menu_reports"]',
            run: "click",
        },
        {
            content: "open the supplier analysis",
            trigger:
                '.dropdown-item[data-menu-xmlid="retail_reports.retail_reports_menu_supplier_analysis"]',
            run: "click",
        },
        {
            content: "analyse the last 30 days",
            trigger: ".o_form_view button[name=action_compute]",
            run: "click",
        },
        {
            content: "the late supplier comes first: 1 receipt of 2 on time",
            trigger:
                ".o_field_widget[name=ontime_line_ids] .o_data_row:first-child:contains(迟到供应商):contains(50.00)",
        },
        {
            content: "the on-time rate of all receipts: 2 of 3",
            trigger: ".o_field_widget[name=on_time_rate]:contains(66.67)",
        },
        {
            content: "open the price chart",
            trigger: ".o_form_view button[name=action_view_price_trend]",
            run: "click",
        },
        {
            content: "the chart is drawn",
            trigger: ".o_graph_renderer canvas",
        },
    ],
});
