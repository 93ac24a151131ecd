from odoo import api, fields, models
from odoo.tools import SQL

VALUE_GROUPS = (
    "stock.group_stock_user,"
    "retail_wholesale.retail_wholesale_group_buyer,"
    "retail_wholesale.retail_wholesale_group_accountant"
)


class RetailExpiryReport(models.Model):
    """临期看板: the lots in stock that expired or expire within 90 days, per warehouse,
    by days left, with their value at cost and a suggested markdown price."""

    _name = "retail.expiry.report"
    _description = "Near-expiry Board"
    _auto = False
    _order = "expiration_date, product_id"
    _rec_name = "lot_id"
    _depends = {
        "stock.quant": [
            "company_id",
            "location_id",
            "lot_id",
            "product_id",
            "quantity",
        ],
        "stock.lot": ["expiration_date"],
        "stock.location": ["usage", "warehouse_id"],
        "product.product": ["standard_price"],
        "product.template": ["categ_id", "list_price", "uom_id"],
        "res.company": ["retail_markdown_days", "retail_markdown_percent"],
    }

    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    warehouse_id = fields.Many2one(comodel_name="stock.warehouse", readonly=True)
    location_id = fields.Many2one(comodel_name="stock.location", readonly=True)
    product_id = fields.Many2one(comodel_name="product.product", readonly=True)
    categ_id = fields.Many2one(
        comodel_name="product.category", string="Product Category", readonly=True
    )
    lot_id = fields.Many2one(comodel_name="stock.lot", readonly=True)
    expiration_date = fields.Datetime(readonly=True)
    days_left = fields.Integer(readonly=True)
    bucket = fields.Selection(
        selection=[
            ("expired", "Expired"),
            ("7", "Within 7 Days"),
            ("30", "Within 30 Days"),
            ("90", "Within 90 Days"),
        ],
        string="Expiry",
        readonly=True,
    )
    quantity = fields.Float(digits="Product Unit of Measure", readonly=True)
    product_uom_id = fields.Many2one(
        comodel_name="uom.uom", string="Unit", readonly=True
    )
    currency_id = fields.Many2one(comodel_name="res.currency", readonly=True)
    unit_cost = fields.Monetary(readonly=True, groups=VALUE_GROUPS)
    value = fields.Monetary(string="Value at Cost", readonly=True, groups=VALUE_GROUPS)
    list_price = fields.Monetary(string="Sales Price", readonly=True)
    markdown_price = fields.Monetary(
        string="Suggested Markdown Price",
        readonly=True,
        help="Sales price less the company's near-expiry markdown for lots within its "
        "markdown window (临期促销).",
    )

    @api.model
    def _retail_board_query(self, at=None):
        at = SQL("%s", at) if at else SQL("(now() at time zone 'UTC')")
        return SQL(
            """
            SELECT q.id AS id, q.company_id, loc.warehouse_id, q.location_id,
                   q.product_id, pt.categ_id, q.lot_id, lot.expiration_date,
                   lot.expiration_date::date - %(at)s::date AS days_left,
                   CASE WHEN lot.expiration_date <= %(at)s THEN 'expired'
                        WHEN lot.expiration_date <= %(at)s + interval '7 days' THEN '7'
                        WHEN lot.expiration_date <= %(at)s + interval '30 days' THEN '30'
                        ELSE '90' END AS bucket,
                   q.quantity, pt.uom_id AS product_uom_id, c.currency_id,
                   COALESCE((pp.standard_price ->> q.company_id::text)::numeric, 0)
                       AS unit_cost,
                   q.quantity * COALESCE(
                       (pp.standard_price ->> q.company_id::text)::numeric, 0) AS value,
                   pt.list_price,
                   CASE WHEN lot.expiration_date > %(at)s
                         AND lot.expiration_date::date - %(at)s::date
                             <= COALESCE(c.retail_markdown_days, 0)
                        THEN ROUND((pt.list_price
                                    * (100 - COALESCE(c.retail_markdown_percent, 0))
                                    / 100)::numeric, 2)
                        END AS markdown_price
              FROM stock_quant q
              JOIN stock_lot lot ON lot.id = q.lot_id
              JOIN stock_location loc ON loc.id = q.location_id
              JOIN product_product pp ON pp.id = q.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              JOIN res_company c ON c.id = q.company_id
             WHERE loc.usage = 'internal'
               AND q.quantity > 0
               AND lot.expiration_date IS NOT NULL
               AND lot.expiration_date <= %(at)s + interval '90 days'
            """,
            at=at,
        )

    @property
    def _table_query(self):
        return self._retail_board_query()
