import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_reports_stock_turnover_tour", {
    steps: () => [
        {
            content: "analyse the stock turnover of the last 30 days",
            trigger: ".o_form_view button[name=action_compute]",
            run: "click",
        },
        {
            content: "T1: average stock value 825, turnover 0.42, 70.7 days of inventory",
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row:contains(T1):contains(825.00):contains(0.42):contains(70.70)",
        },
        {
            content: "per store",
            trigger: ".o_field_widget[name=group_by] input[data-value=warehouse]",
            run: "click",
        },
        {
            content: "analyse again",
            trigger: ".o_form_view button[name=action_compute]",
            run: "click",
        },
        {
            content: "the store manager's store only",
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row:contains(Test Store East):contains(825.00)",
        },
        {
            content: "one store",
            trigger: ".o_field_widget[name=line_ids]:not(:has(.o_data_row:nth-child(2)))",
        },
    ],
});
