import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { formatFloat, formatMonetary, formatPercentage } from "@web/views/fields/formatters";
import { useService } from "@web/core/utils/hooks";
import { View } from "@web/views/view";

export class RetailDashboard extends Component {
    static template = "retail_reports.RetailDashboard";
    static components = { View };
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ data: null });
        this.scope = this.props.action.params?.scope || "store";
        onWillStart(async () => {
            this.state.data = await this.orm.call(
                "retail.sales.report",
                "retail_dashboard_data",
                []
            );
        });
    }

    get title() {
        return this.scope === "hq" ? _t("Head Office Dashboard") : _t("Store Dashboard");
    }

    get periods() {
        const data = this.state.data;
        return [
            { key: "today", label: _t("Today"), kpis: data.today },
            { key: "month", label: _t("This Month"), kpis: data.month },
            { key: "days_30", label: _t("Last 30 Days"), kpis: data.days_30 },
        ];
    }

    money(value) {
        return formatMonetary(value, { currencyId: this.state.data.currency_id });
    }

    number(value) {
        return formatFloat(value, { digits: [16, 0] });
    }

    percent(value) {
        return formatPercentage(value);
    }

    graphProps(key) {
        return {
            resModel: "retail.sales.report",
            type: "graph",
            viewId: this.state.data.views[key],
            views: [[this.state.data.views[key], "graph"], [false, "search"]],
            domain: this.state.data.graph_domain,
            display: { controlPanel: false },
        };
    }

    openAnalysis() {
        this.action.doAction("retail_reports.retail_sales_report_action");
    }
}

registry.category("actions").add("retail_reports.dashboard", RetailDashboard);
