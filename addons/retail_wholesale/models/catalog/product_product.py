from odoo import api, fields, models


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

    @api.model
    def _retail_find_barcode(self, barcode, company, lots=True):
        """(product, lot, quantity) that a scanned ``barcode`` names in ``company``: a
        product's barcode (one), a packaging's (its quantity), an internal reference
        (one), or, with ``lots``, a lot's name. One lookup for every scanning form:
        stocktakes, wholesale orders, receipts."""
        company_domain = [("company_id", "in", [company.id, False])]
        Lot = self.env["stock.lot"]
        product = self.search([("barcode", "=", barcode), *company_domain], limit=1)
        if product:
            return product, Lot, 1.0
        packaging = self.env["product.packaging"].search(
            [("barcode", "=", barcode), *company_domain], limit=1
        )
        if packaging.product_id:
            return packaging.product_id, Lot, packaging.qty or 1.0
        product = self.search(
            [("default_code", "=", barcode), *company_domain], limit=1
        )
        if product:
            return product, Lot, 1.0
        if not lots:
            return self.browse(), Lot, 1.0
        lot = Lot.search([("name", "=", barcode), *company_domain], limit=1)
        return lot.product_id, lot, 1.0
