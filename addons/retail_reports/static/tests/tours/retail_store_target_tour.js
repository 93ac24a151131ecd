import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_reports_store_target_tour", {
    steps: () => [
        {
            content: "the store's target of the month is shown",
            trigger: ".o_retail_targets td:contains(Test Store East)",
        },
        {
            content: "with the month's target",
            trigger: ".o_retail_targets td:contains(100.00)",
        },
        {
            content: "and the sales",
            trigger: ".o_retail_targets td:contains(69.00)",
        },
        {
            content: "and the achievement",
            trigger: ".o_retail_targets .o_retail_target_achievement:contains(69)",
        },
    ],
});
