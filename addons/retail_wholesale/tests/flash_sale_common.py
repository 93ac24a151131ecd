from datetime import timedelta

from odoo import Command, fields

from .common import RetailCommon


class FlashSaleCommon(RetailCommon):
    """A product, two pricelists and two customers for flash sales."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.account_use_credit_limit = False
        currency = cls.env.company.currency_id
        cls.rice = cls.env["product.product"].create(
            {
                "name": "五常大米 5kg",
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {"name": "Flash Retail", "currency_id": currency.id}
        )
        cls.other_pricelist = cls.env["product.pricelist"].create(
            {"name": "Flash Franchise", "currency_id": currency.id}
        )
        cls.shop = cls.env["res.partner"].create(
            {"name": "万家福超市", "is_company": True}
        )
        cls.shop_buyer = cls.env["res.partner"].create(
            {"name": "万家福 采购 李雷", "parent_id": cls.shop.id}
        )
        cls.other_shop = cls.env["res.partner"].create(
            {"name": "好又多便利店", "is_company": True}
        )
        cls.manager = cls.role_users["hq_admin"]
        cls.salesman = cls.role_users["store_manager"]
        cls.now = fields.Datetime.now()

    def _flash(self, **vals):
        values = {
            "name": "双十一大米秒杀",
            "product_id": self.rice.id,
            "price": 59.0,
            "date_start": self.now - timedelta(hours=1),
            "date_end": self.now + timedelta(hours=1),
            "total_cap": 100.0,
            "pricelist_ids": [Command.set(self.pricelist.ids)],
        }
        values.update(vals)
        return self.env["retail.flash.sale"].with_user(self.manager).create(values)

    def _order(self, qty, partner=None, pricelist=None, date_order=None):
        vals = {
            "partner_id": (partner or self.shop).id,
            "pricelist_id": (pricelist or self.pricelist).id,
            "order_line": [
                Command.create({"product_id": self.rice.id, "product_uom_qty": qty})
            ],
        }
        if date_order:
            vals["date_order"] = date_order
        return self.env["sale.order"].with_user(self.salesman).create(vals)

    def _rules(self, flash_sale):
        return self.env["product.pricelist.item"].search(
            [("retail_flash_sale_id", "=", flash_sale.id)], order="pricelist_id"
        )
