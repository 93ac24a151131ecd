from odoo import fields, models
from odoo.tools import SQL


class RetailAnalysisStore(models.Model):
    """The stores an analysis may read: one row per warehouse, whose record rules are
    the sales analysis's (own companies; a store manager their stores, head office and
    buyers every store).

    The analyses that do not read the sales fact (stock turnover, purchases) take
    their stores from ``_search`` on this model, so that their store scope is the
    record rules', as the analyses over the sales fact have it."""

    _name = "retail.analysis.store"
    _description = "Analysed Store"
    _auto = False
    _order = "warehouse_id"
    _depends = {"stock.warehouse": ["company_id", "active"]}

    warehouse_id = fields.Many2one("stock.warehouse", string="Store", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    active = fields.Boolean(readonly=True)

    @property
    def _table_query(self):
        return SQL(
            "SELECT id, id AS warehouse_id, company_id, active FROM stock_warehouse"
        )

    def _warehouse_ids_query(self, domain):
        """The subquery of the ids of the stores matching ``domain`` that the record
        rules let the user see."""
        query = self._search(domain)
        return query.subselect(self._field_to_sql(query.table, "warehouse_id", query))
