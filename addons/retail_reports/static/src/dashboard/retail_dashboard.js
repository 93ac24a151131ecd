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
        this.notification = useService("notification");
        this.state = useState({
            data: null,
            period: "days_30",
            dateFrom: "",
            dateTo: "",
            // remounts the charts when the period changes
            version: 0,
        });
        this.scope = this.props.action.params?.scope || "store";
        onWillStart(() => this.load());
    }

    async load() {
        const { period, dateFrom, dateTo } = this.state;
        const data = await this.orm.call("retail.sales.report", "retail_dashboard_data", [], {
            period,
            date_from: period === "custom" ? dateFrom : null,
            date_to: period === "custom" ? dateTo : null,
        });
        this.state.data = data;
        this.state.dateFrom = data.period.date_from;
        this.state.dateTo = data.period.date_to;
        this.state.version++;
    }

    get title() {
        return this.scope === "hq" ? _t("Head Office Dashboard") : _t("Store Dashboard");
    }

    get periodChoices() {
        return [
            { key: "today", label: _t("Today") },
            { key: "days_7", label: _t("Last 7 Days") },
            { key: "days_30", label: _t("Last 30 Days") },
            { key: "month", label: _t("This Month") },
            { key: "custom", label: _t("Custom") },
        ];
    }

    get periodLabel() {
        const period = this.state.data.period;
        return _t("%(from)s to %(to)s, compared with %(previousFrom)s to %(previousTo)s", {
            from: period.date_from,
            to: period.date_to,
            previousFrom: period.previous_from,
            previousTo: period.previous_to,
        });
    }

    get kpiCards() {
        const kpis = this.state.data.kpis;
        const cards = [
            { key: "revenue", label: _t("Revenue"), format: (v) => this.money(v) },
            { key: "margin", label: _t("Margin"), format: (v) => this.money(v) },
            { key: "margin_rate", label: _t("Margin Rate"), format: (v) => this.percent(v) },
            { key: "orders", label: _t("Transactions"), format: (v) => this.number(v) },
            { key: "basket", label: _t("Basket"), format: (v) => this.money(v) },
            { key: "quantity", label: _t("Quantity"), format: (v) => this.number(v) },
        ];
        return cards
            .filter((card) => kpis[card.key])
            .map((card) => ({ ...card, kpi: kpis[card.key] }));
    }

    async selectPeriod(key) {
        this.state.period = key;
        if (key !== "custom") {
            await this.load();
        }
    }

    async applyCustom() {
        if (!this.state.dateFrom || !this.state.dateTo) {
            this.notification.add(_t("Give the period's From and To dates."), { type: "warning" });
            return;
        }
        await this.load();
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

    change(kpi) {
        if (kpi.change === null || kpi.change === undefined) {
            return kpi.value ? _t("new") : "–";
        }
        const sign = kpi.change > 0 ? "+" : "";
        return sign + formatPercentage(kpi.change, { digits: [16, 1] });
    }

    changeClass(kpi) {
        if (!kpi.change) {
            return "text-muted";
        }
        return kpi.change > 0 ? "text-success" : "text-danger";
    }

    graphProps(key) {
        return {
            resModel: "retail.sales.report",
            type: "graph",
            viewId: this.state.data.views[key],
            views: [
                [this.state.data.views[key], "graph"],
                [false, "search"],
            ],
            domain: this.state.data.graph_domain,
            display: { controlPanel: false },
        };
    }

    openAnalysis() {
        this.action.doAction("retail_reports.retail_sales_report_action");
    }
}

registry.category("actions").add("retail_reports.dashboard", RetailDashboard);
