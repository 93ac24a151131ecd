from odoo import fields, models
from odoo.tools import SQL


class RetailMemberAnalysisMove(models.TransientModel):
    _name = "retail.member.analysis.move"
    _description = "Member Analysis: Card Movements per Store"
    _order = "kind, program_id, warehouse_id, id"

    analysis_id = fields.Many2one(
        "retail.member.analysis", required=True, ondelete="cascade"
    )
    kind = fields.Selection(
        [("stored_value", "Stored Value"), ("points", "Points")], required=True
    )
    program_id = fields.Many2one("loyalty.program", string="Loyalty Program")
    warehouse_id = fields.Many2one("stock.warehouse", string="Store")
    issued = fields.Float(
        help="Stored value: topped up (bonuses included); points: points issued "
        "(adjustments up included)."
    )
    used = fields.Float(
        help="Stored value: spent; points: redeemed (adjustments down included)."
    )
    expired = fields.Float(help="Points cleared at the year end (积分年底清零).")

    def _history_store(self):
        """(joins, store column) of a card history line's order: a sale order's
        warehouse, and with the till's addon installed a till's store. Without the
        till, pos.order is no model and its table is not read."""
        joins = SQL(
            """
            LEFT JOIN sale_order sale
                   ON history.order_model = 'sale.order'
                  AND sale.id = history.order_id
            """
        )
        stores = [SQL("sale.warehouse_id")]
        if "pos.order" in self.env and "retail_warehouse_id" in (
            self.env["pos.config"]._fields
        ):
            joins = SQL(
                """%s
                LEFT JOIN pos_order pos
                       ON history.order_model = 'pos.order'
                      AND pos.id = history.order_id
                LEFT JOIN pos_config till ON till.id = pos.config_id
                """,
                joins,
            )
            stores.append(SQL("till.retail_warehouse_id"))
        return joins, SQL(", ").join(stores)

    def _rows(self, analysis):
        """Dicts of kind, program_id, warehouse_id, issued, used, expired: the card
        history of the period of the company's stored value card and points
        programs, per program and store (the order's store, else the member's)."""
        start, end = analysis._sql_bounds()
        company = analysis.company_id
        joins, order_stores = self._history_store()
        self.env.cr.execute(
            SQL(
                """
                WITH user_store AS (%(user_store)s),
                moves AS (
                    SELECT CASE WHEN program.id = %(stored_value)s
                                THEN 'stored_value' ELSE 'points' END AS kind,
                           program.id AS program_id,
                           COALESCE(%(order_stores)s, user_store.warehouse_id)
                               AS warehouse_id,
                           history.issued,
                           history.used,
                           history.order_id IS NULL
                               AND history.description IN %(expiry)s AS expiry
                      FROM loyalty_history history
                      JOIN loyalty_card card ON card.id = history.card_id
                      JOIN loyalty_program program ON program.id = card.program_id
                 LEFT JOIN res_partner member ON member.id = card.partner_id
                 LEFT JOIN user_store ON user_store.user_id = member.create_uid
                           %(joins)s
                     WHERE program.company_id = %(company)s
                       AND (program.id = %(stored_value)s
                            OR program.program_type = 'loyalty')
                       AND history.create_date >= %(start)s
                       AND history.create_date < %(end)s
                )
                SELECT kind, program_id, warehouse_id,
                       COALESCE(SUM(issued), 0) AS issued,
                       COALESCE(SUM(used) FILTER (WHERE NOT expiry), 0) AS used,
                       COALESCE(SUM(used) FILTER (WHERE expiry), 0) AS expired
                  FROM moves
                 WHERE %(stores)s
              GROUP BY kind, program_id, warehouse_id
              ORDER BY kind, program_id, warehouse_id
                """,
                user_store=analysis._user_store_query(),
                stored_value=company.sudo().retail_stored_value_program_id.id or 0,
                order_stores=order_stores,
                expiry=analysis._expiry_descriptions(),
                joins=joins,
                company=company.id,
                start=start,
                end=end,
                stores=analysis._store_filter(SQL("warehouse_id")),
            )
        )
        return self.env.cr.dictfetchall()
