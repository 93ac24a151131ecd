import { registry } from "@web/core/registry";

/** Fails when two of the dashboard's blocks overlap on screen (a chart drawn over a
 * table, as the graph view's own minimum height did), or a chart leaves its box. */
export function assertDashboardBlocksApart() {
    const rect = (el) => el.getBoundingClientRect();
    const intersect = (a, b) =>
        a.left < b.right - 1 &&
        b.left < a.right - 1 &&
        a.top < b.bottom - 1 &&
        b.top < a.bottom - 1;
    const boxes = [
        ...document.querySelectorAll(
            ".o_retail_dashboard .o_retail_dashboard_graph, .o_retail_dashboard table, .o_retail_dashboard .o_retail_kpi, .o_retail_dashboard h5",
        ),
    ];
    const problems = [];
    for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
            if (!a.contains(b) && !b.contains(a) && intersect(rect(a), rect(b))) {
                problems.push(`${a.className} / ${b.className}`);
            }
        }
    }
    for (const graph of document.querySelectorAll(".o_retail_dashboard_graph")) {
        const box = rect(graph);
        for (const canvas of graph.querySelectorAll("canvas")) {
            const drawn = rect(canvas);
            if (drawn.bottom > box.bottom + 1 || drawn.right > box.right + 1) {
                problems.push(`chart out of its box: ${graph.className}`);
            }
        }
    }
    if (!document.querySelector(".o_retail_dashboard_graph canvas")) {
        problems.push("no chart drawn");
    }
    if (problems.length) {
        throw new Error(`dashboard blocks overlap: ${problems.join("; ")}`);
    }
}

function setDate(selector, value) {
    const input = document.querySelector(selector);
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
}

registry.category("web_tour.tours").add("retail_reports_dashboard_tour", {
    steps: () => [
        {
            content: "the last 30 days are shown by default",
            trigger: ".o_retail_period_days_30.active",
        },
        {
            content: "the period's revenue is shown",
            trigger: ".o_retail_kpi_revenue .o_retail_kpi_value:contains(99.00)",
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
            trigger: ".o_retail_dashboard_graph_daily .o_graph_renderer canvas",
        },
        {
            content: "no chart is drawn over a table",
            trigger: ".o_retail_dashboard_graph_store .o_graph_renderer canvas",
            run: assertDashboardBlocksApart,
        },
        {
            content: "pick the last 7 days",
            trigger: ".o_retail_period_days_7",
            run: "click",
        },
        {
            content: "head office's sale of 8 days ago is the previous period's",
            trigger: ".o_retail_kpi_revenue .o_retail_kpi_previous:contains(30.00)",
        },
        {
            trigger: ".o_retail_kpi_revenue .o_retail_kpi_value:contains(69.00)",
        },
        {
            content: "with the change in percent",
            trigger: ".o_retail_kpi_revenue .o_retail_kpi_change:contains(+130)",
        },
        {
            content: "a custom period",
            trigger: ".o_retail_period_custom",
            run: "click",
        },
        {
            trigger: ".o_retail_date_from",
            run: () => setDate(".o_retail_date_from", "2020-01-01"),
        },
        {
            trigger: ".o_retail_date_to",
            run: () => setDate(".o_retail_date_to", "2020-01-31"),
        },
        {
            trigger: ".o_retail_dashboard_apply",
            run: "click",
        },
        {
            content: "nothing was sold in January 2020",
            trigger: ".o_retail_dashboard_period:contains(2020-01-01):contains(2019-12-01)",
        },
        {
            trigger: ".o_retail_kpi_revenue .o_retail_kpi_value:contains(0.00)",
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

registry.category("web_tour.tours").add("retail_reports_dashboard_layout_tour", {
    steps: () => [
        {
            content: "the dashboard is in Chinese",
            trigger: ".o_retail_dashboard h5:contains(每日销售额)",
        },
        {
            trigger: ".o_retail_period_today:contains(今天)",
        },
        {
            content: "the charts are drawn",
            trigger: ".o_retail_dashboard_graph_category .o_graph_renderer canvas",
        },
        {
            trigger: ".o_retail_stores td:contains(Test Store East)",
            run: assertDashboardBlocksApart,
        },
        {
            content: "this month",
            trigger: ".o_retail_period_month",
            run: "click",
        },
        {
            trigger: ".o_retail_period_month.active",
        },
        {
            trigger: ".o_retail_dashboard_graph_daily .o_graph_renderer canvas",
            run: assertDashboardBlocksApart,
        },
    ],
});
