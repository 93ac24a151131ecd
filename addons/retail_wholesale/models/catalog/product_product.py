from odoo import fields, models


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _retail_below_floor(self, net_price, currency, company, date=None):
        """What is wrong when this product sells at ``net_price`` (in ``currency``, after
        discounts) below its floor price (最低售价), or None. One rule: a sale order is
        refused until a sales manager approves its prices, a till's order is flagged."""
        self.ensure_one()
        floor = self.retail_floor_price
        if not floor:
            return None
        floor = self.currency_id._convert(
            floor, currency, company, date or fields.Date.today()
        )
        if currency.compare_amounts(net_price, floor) >= 0:
            return None
        return self.env._(
            "%(product)s: sold at %(price)s, below its floor price of %(floor)s.",
            product=self.display_name,
            price=currency.round(net_price),
            floor=currency.round(floor),
        )
