from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import formatLang

from ..tools.xlsx import download_action, tables_xlsx


class RetailPeriodMixin(models.AbstractModel):
    """A period of whole days, the analyses' and the statements': by default the last
    30 days of the user's time zone (a statement redefines its default period). Its
    wizards compute their results and show them again in their form."""

    _name = "retail.period.mixin"
    _description = "Analysis Period"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: (
            self.env["retail.sales.report"]._retail_today() - relativedelta(days=29)
        ),
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: self.env["retail.sales.report"]._retail_today(),
    )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(
                    self.env._("The start of the period is after its end.")
                )

    def _retail_reopen(self):
        """The action showing the wizard with its results."""
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }


class RetailTableMixin(models.AbstractModel):
    """An analysis printed as a table: ``_retail_table()`` gives its title, subtitle,
    headers, rows and the indexes of its total rows, the same table as its xlsx
    export; the PDF template prints ``_retail_print_table()``."""

    _name = "retail.table.mixin"
    _description = "Printable Analysis"

    def _retail_table(self):
        """{"title", "subtitle", "headers", "rows", "bold_rows"} of these records."""
        raise NotImplementedError()

    def _retail_print_table(self):
        table = self._retail_table()
        bold = set(table.get("bold_rows", ()))
        return {
            **table,
            "rows": [
                {
                    "bold": index in bold,
                    "cells": [self._retail_print_cell(value) for value in row],
                }
                for index, row in enumerate(table["rows"])
            ],
        }

    def _retail_print_cell(self, value):
        """{"text", "numeric"}: amounts with two decimals and thousands separators,
        integers as they are, empty values blank."""
        if isinstance(value, bool) or value is None:
            return {"text": "", "numeric": False}
        if isinstance(value, int):
            return {"text": str(value), "numeric": True}
        if isinstance(value, float):
            return {"text": formatLang(self.env, value), "numeric": True}
        return {"text": str(value), "numeric": False}


class RetailAnalysisWizard(models.AbstractModel):
    """An analysis of a period and stores computed into lines by ``action_compute``,
    printed to PDF (``_retail_pdf_report``, the xmlid of its report action) and exported
    to xlsx: one sheet per table of ``_retail_tables()``."""

    _name = "retail.analysis.wizard"
    _inherit = ["retail.period.mixin", "retail.table.mixin"]
    _description = "Analysis"

    _retail_pdf_report = None
    # the one2many fields holding the results of ``action_compute``
    _retail_line_fields = ("line_ids",)

    warehouse_ids = fields.Many2many(
        "stock.warehouse",
        string="Stores",
        help="Leave empty for every store you may see.",
    )

    def _period_domain(self):
        """The sales fact's rows of the period (whole days of the user's time zone)
        and stores; read through the sales fact's record rules (a store manager sees
        their stores only)."""
        Report = self.env["retail.sales.report"]
        start = Report._retail_day_start(self.date_from)
        end = Report._retail_day_start(self.date_to + relativedelta(days=1))
        domain = [("date", ">=", start), ("date", "<", end)]
        if self.warehouse_ids:
            domain.append(("warehouse_id", "in", self.warehouse_ids.ids))
        return domain

    def _period_warehouses(self, archived=False):
        """The subquery of the ids of the stores analysed, for analyses reading other
        tables than the sales fact: those chosen, else every (active, unless
        ``archived``) store of the user's companies, as far as the record rules of
        ``retail.analysis.store`` let the user see them (a store manager: their
        stores)."""
        domain = (
            [("warehouse_id", "in", self.warehouse_ids.ids)]
            if self.warehouse_ids
            else [("company_id", "in", self.env.companies.ids)]
        )
        Store = self.env["retail.analysis.store"].with_context(active_test=not archived)
        return Store._warehouse_ids_query(domain)

    def _period_subtitle(self):
        return self.env._(
            "%(date_from)s to %(date_to)s, %(stores)s",
            date_from=self.date_from,
            date_to=self.date_to,
            stores=", ".join(self.warehouse_ids.mapped("name"))
            or self.env._("all stores"),
        )

    @api.depends("date_from", "date_to")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # breadcrumbs read the analysis and its period, not "retail.xxx,1"
        title = self.env["ir.model"]._get(self._name).name
        for wizard in self:
            wizard.display_name = self.env._(
                "%(analysis)s %(date_from)s to %(date_to)s",
                analysis=title,
                date_from=wizard.date_from or "",
                date_to=wizard.date_to or "",
            )

    def action_compute(self):
        raise NotImplementedError()

    def _retail_computed(self):
        """Whether ``action_compute`` has run (its lines are there)."""
        return any(self[name] for name in self._retail_line_fields)

    def _retail_file_name(self):
        """The name of the xlsx file."""
        raise NotImplementedError()

    def _retail_tables(self):
        return [self._retail_table()]

    def _xlsx_content(self):
        return tables_xlsx(self._retail_tables())

    def action_print_pdf(self):
        self.ensure_one()
        if not self._retail_computed():
            self.action_compute()
        return self.env.ref(self._retail_pdf_report).report_action(self)

    def action_export_xlsx(self):
        self.ensure_one()
        return download_action(self, self._retail_file_name(), self._xlsx_content())
