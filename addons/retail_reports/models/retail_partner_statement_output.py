from odoo import models
from odoo.tools import format_date

from ..tools.xlsx import download_action, table_xlsx


class RetailPartnerStatement(models.Model):
    """The statement of account printed (PDF) and exported (xlsx): one table, the
    same in both."""

    _inherit = "retail.partner.statement"

    def _retail_table(self):
        self.ensure_one()
        kinds = dict(
            self.env["retail.partner.statement.line"]
            ._fields["move_kind"]
            ._description_selection(self.env)
        )
        rows = [
            (
                "",
                "",
                self.env._("Opening balance"),
                "",
                None,
                None,
                self.opening_balance,
            )
        ]
        for line in self.line_ids:
            rows.append(
                (
                    format_date(self.env, line.date),
                    line.reference or "",
                    kinds[line.move_kind],
                    line.description or "",
                    line.increase or None,
                    line.decrease or None,
                    line.balance,
                )
            )
        rows.append(
            (
                "",
                "",
                self.env._("Closing balance"),
                "",
                self.total_increase,
                self.total_decrease,
                self.closing_balance,
            )
        )
        return {
            "title": self.env._("Statement of Account"),
            "subtitle": self.env._(
                "%(company)s - %(partner)s, %(start)s to %(end)s, in %(currency)s",
                company=self.company_id.name,
                partner=self.partner_id.name,
                start=format_date(self.env, self.date_from),
                end=format_date(self.env, self.date_to),
                currency=self.currency_id.name,
            ),
            "headers": [
                self.env._("Date"),
                self.env._("Document"),
                self.env._("Kind"),
                self.env._("Reference"),
                self.env._("Increase"),
                self.env._("Decrease"),
                self.env._("Balance"),
            ],
            "rows": rows,
            "bold_rows": (0, len(rows) - 1),
        }

    def _retail_xlsx(self):
        table = self._retail_table()
        return table_xlsx(
            table["title"],
            table["subtitle"],
            table["headers"],
            table["rows"],
            bold_rows=table["bold_rows"],
        )

    def _retail_file_name(self, extension):
        return f"{self.partner_id.name}-{self.date_from}-{self.date_to}.{extension}"

    def action_export_xlsx(self):
        self.ensure_one()
        return download_action(
            self, self._retail_file_name("xlsx"), self._retail_xlsx()
        )
