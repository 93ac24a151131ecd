from odoo import api, fields, models
from odoo.tools import SQL

COST_GROUPS = (
    "retail_wholesale.retail_wholesale_group_store_manager,"
    "retail_wholesale.retail_wholesale_group_accountant"
)


class RetailSalesReport(models.Model):
    """One row per sold line: confirmed sale order lines and paid POS order lines.

    Revenue is the untaxed line amount in the company currency. Cost is the quantity
    (in the product's unit) times the product's cost price (``standard_price``) in the
    company when the report is read: the same definition for wholesale and POS lines, so
    that margins compare across channels.
    """

    _name = "retail.sales.report"
    _description = "Retail Sales Analysis"
    _auto = False
    _rec_name = "order_name"
    _order = "date desc"

    source = fields.Selection(
        [("sale", "Wholesale"), ("pos", "Point of Sale")], readonly=True
    )
    order_name = fields.Char(string="Order", readonly=True)
    date = fields.Datetime(string="Order Date", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    currency_id = fields.Many2one("res.currency", string="Currency", readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", string="Store", readonly=True)
    channel_id = fields.Many2one("retail.channel", string="Channel", readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Salesperson / Cashier", readonly=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    grade_id = fields.Many2one(
        "retail.customer.grade", string="Customer Grade", readonly=True
    )
    product_id = fields.Many2one("product.product", string="Product", readonly=True)
    product_tmpl_id = fields.Many2one(
        "product.template", string="Product Template", readonly=True
    )
    categ_id = fields.Many2one(
        "product.category", string="Product Category", readonly=True
    )
    brand_id = fields.Many2one("retail.brand", string="Brand", readonly=True)
    quantity = fields.Float(string="Quantity", readonly=True)
    revenue = fields.Monetary(string="Revenue", readonly=True)
    cost = fields.Monetary(string="Cost", readonly=True, groups=COST_GROUPS)
    margin = fields.Monetary(string="Margin", readonly=True, groups=COST_GROUPS)

    @property
    def _table_query(self):
        return self._sales_query()

    @api.model
    def _sales_query(self):
        """The union of the wholesale and the POS lines, one row per line."""
        return SQL(
            "(%s) UNION ALL (%s)", self._sale_lines_query(), self._pos_lines_query()
        )

    @api.model
    def _sale_lines_query(self):
        return SQL(
            """
            SELECT l.id * 2 AS id,
                   'sale' AS source,
                   s.name AS order_name,
                   s.date_order AS date,
                   s.company_id,
                   c.currency_id,
                   s.warehouse_id,
                   s.retail_channel_id AS channel_id,
                   s.user_id,
                   s.partner_id,
                   s.retail_grade_id AS grade_id,
                   l.product_id,
                   p.product_tmpl_id,
                   t.categ_id,
                   t.retail_brand_id AS brand_id,
                   l.product_uom_qty / u.factor * u2.factor AS quantity,
                   l.price_subtotal / COALESCE(NULLIF(s.currency_rate, 0), 1.0)
                       AS revenue,
                   l.product_uom_qty / u.factor * u2.factor
                       * COALESCE((p.standard_price->>s.company_id::text)::numeric, 0)
                       AS cost,
                   l.price_subtotal / COALESCE(NULLIF(s.currency_rate, 0), 1.0)
                       - l.product_uom_qty / u.factor * u2.factor
                       * COALESCE((p.standard_price->>s.company_id::text)::numeric, 0)
                       AS margin
              FROM sale_order_line l
              JOIN sale_order s ON s.id = l.order_id
              JOIN res_company c ON c.id = s.company_id
              JOIN product_product p ON p.id = l.product_id
              JOIN product_template t ON t.id = p.product_tmpl_id
              JOIN uom_uom u ON u.id = l.product_uom
              JOIN uom_uom u2 ON u2.id = t.uom_id
             WHERE s.state = 'sale'
               AND l.display_type IS NULL
               AND l.is_downpayment IS NOT TRUE
            """
        )

    @api.model
    def _pos_lines_query(self):
        return SQL(
            """
            SELECT l.id * 2 + 1 AS id,
                   'pos' AS source,
                   o.name AS order_name,
                   o.date_order AS date,
                   o.company_id,
                   c.currency_id,
                   cfg.retail_warehouse_id AS warehouse_id,
                   o.retail_channel_id AS channel_id,
                   o.user_id,
                   o.partner_id,
                   (partner.retail_grade_id->>o.company_id::text)::integer AS grade_id,
                   l.product_id,
                   p.product_tmpl_id,
                   t.categ_id,
                   t.retail_brand_id AS brand_id,
                   l.qty AS quantity,
                   l.price_subtotal / COALESCE(NULLIF(o.currency_rate, 0), 1.0)
                       AS revenue,
                   l.qty * COALESCE((p.standard_price->>o.company_id::text)::numeric, 0)
                       AS cost,
                   l.price_subtotal / COALESCE(NULLIF(o.currency_rate, 0), 1.0)
                       - l.qty
                       * COALESCE((p.standard_price->>o.company_id::text)::numeric, 0)
                       AS margin
              FROM pos_order_line l
              JOIN pos_order o ON o.id = l.order_id
              JOIN res_company c ON c.id = o.company_id
              JOIN pos_session ses ON ses.id = o.session_id
              JOIN pos_config cfg ON cfg.id = ses.config_id
              JOIN product_product p ON p.id = l.product_id
              JOIN product_template t ON t.id = p.product_tmpl_id
              LEFT JOIN res_partner partner ON partner.id = o.partner_id
             WHERE o.state IN ('paid', 'done', 'invoiced')
            """
        )
