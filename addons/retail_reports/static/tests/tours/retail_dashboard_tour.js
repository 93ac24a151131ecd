import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_reports_dashboard_tour", {
    steps: () => [
        {
            content: "the month's revenue is shown",
            trigger: ".o_retail_kpi_month .o_retail_kpi_revenue:contains(99.00)",
        },
        {
            content: "the store of the sales is listed",
            trigger: ".o_retail_stores td:contains(Test Store East)",
        },
        {
            content: "the top product is listed",
            trigger: ".o_retail_top_products td:contains(花生油 5L)",
        },
        {
            content: "charts are drawn",
            trigger: ".o_retail_dashboard_graph .o_graph_renderer canvas",
        },
        {
            content: "open the sales analysis",
            trigger: ".o_retail_dashboard_analysis",
            run: "click",
        },
        {
            content: "the sales analysis opens",
            trigger: ".o_pivot",
        },
    ],
});
