from odoo import fields, models

from odoo.addons.retail_reports.report.retail_sales_report import COST_GROUPS


class RetailPromotionEffectLine(models.TransientModel):
    _name = "retail.promotion.effect.line"
    _description = "Promotion Effect Line"
    _order = "promotion_id, warehouse_id"

    effect_id = fields.Many2one(
        "retail.promotion.effect", required=True, ondelete="cascade"
    )
    promotion_id = fields.Many2one("retail.promotion")
    warehouse_id = fields.Many2one("stock.warehouse", string="Store")
    date_start = fields.Date(string="From")
    date_end = fields.Date(string="To")
    orders_reached = fields.Integer(help="Orders that got the promotion.")
    customers_reached = fields.Integer(help="Customers of those orders.")
    discount = fields.Float(string="Discount Given", help="Untaxed, as the revenue.")
    gift_cost = fields.Float(string="Gifts at Cost")
    coupons_issued = fields.Integer()
    coupons_used = fields.Integer()
    redemption_rate = fields.Float(
        string="Redemption %", compute="_compute_rates", digits=(16, 1)
    )
    revenue = fields.Float()
    revenue_before = fields.Float()
    margin = fields.Float(groups=COST_GROUPS)
    margin_before = fields.Float(groups=COST_GROUPS)
    orders = fields.Integer()
    orders_before = fields.Integer()
    basket = fields.Float(string="Basket Size", compute="_compute_rates")
    basket_before = fields.Float(string="Basket Size Before", compute="_compute_rates")
    basket_change = fields.Float(
        string="Basket Change %", compute="_compute_rates", digits=(16, 1)
    )

    def _compute_rates(self):
        for line in self:
            line.basket = line.revenue / line.orders if line.orders else 0.0
            line.basket_before = (
                line.revenue_before / line.orders_before if line.orders_before else 0.0
            )
            line.basket_change = (
                (line.basket / line.basket_before - 1) * 100
                if line.basket_before
                else 0.0
            )
            line.redemption_rate = (
                line.coupons_used / line.coupons_issued * 100
                if line.coupons_issued
                else 0.0
            )
