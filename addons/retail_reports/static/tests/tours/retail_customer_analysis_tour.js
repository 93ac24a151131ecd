import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_reports_customer_analysis_tour", {
    steps: () => [
        {
            content: "analyse the customers of the last year",
            trigger: ".o_form_view button[name=action_compute]",
            run: "click",
        },
        {
            content: "the loyal customer comes first, with their segment",
            trigger:
                ".o_field_widget[name=rfm_line_ids] .o_data_row:first-child:contains(老主顾):contains(Important Retention)",
        },
        {
            content: "the repurchase rate of the store's customers: 1 of 5",
            trigger: ".o_field_widget[name=repurchase_rate]:contains(20)",
        },
        {
            content: "open the segment chart",
            trigger: ".o_form_view button[name=action_view_segments]",
            run: "click",
        },
        {
            content: "the chart is drawn",
            trigger: ".o_graph_renderer canvas",
        },
    ],
});
