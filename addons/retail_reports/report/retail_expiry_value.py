from odoo import models

from ..tools.xlsx import download_action, table_xlsx


class RetailExpiryReport(models.Model):
    """临期商品金额: the near-expiry board's lots as a value per store and expiry bucket
    (expired / within 7 / 30 / 90 days), printed and exported like every analysis."""

    _name = "retail.expiry.report"
    _inherit = ["retail.expiry.report", "retail.table.mixin"]

    def _retail_table(self):
        buckets = [
            key for key, __ in self._fields["bucket"]._description_selection(self.env)
        ]
        labels = dict(self._fields["bucket"]._description_selection(self.env))
        groups = self._read_group(
            [("id", "in", self.ids)],
            ["warehouse_id", "bucket"],
            ["value:sum", "quantity:sum"],
        )
        per_store = {}
        for warehouse, bucket, value, __ in groups:
            per_store.setdefault(warehouse, dict.fromkeys(buckets, 0.0))[bucket] = value
        rows = [
            (
                warehouse.display_name or self.env._("No store"),
                *(values[bucket] for bucket in buckets),
                sum(values.values()),
            )
            for warehouse, values in sorted(
                per_store.items(), key=lambda item: item[0].display_name or ""
            )
        ]
        totals = [
            sum(row[index] for row in rows) for index in range(1, 2 + len(buckets))
        ]
        return {
            "title": self.env._("Near-expiry Value"),
            "subtitle": self.env._(
                "%(count)s lots in stock at cost, as of %(date)s",
                count=len(self),
                date=self.env["retail.sales.report"]._retail_today(),
            ),
            "headers": [
                self.env._("Store"),
                *(labels[bucket] for bucket in buckets),
                self.env._("Total"),
            ],
            "rows": [*rows, (self.env._("Total"), *totals)],
            "bold_rows": [len(rows)],
        }

    def action_export_value_xlsx(self):
        table = self._retail_table()
        content = table_xlsx(
            table["title"],
            table["subtitle"],
            table["headers"],
            table["rows"],
            bold_rows=table["bold_rows"],
        )
        name = self.env._(
            "Near-expiry value %(date)s.xlsx",
            date=self.env["retail.sales.report"]._retail_today(),
        )
        return download_action(self.browse(), name, content)
