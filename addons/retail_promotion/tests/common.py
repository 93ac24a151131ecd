from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class PromotionCommon(BaseCommon):
    """A store manager, a salesman, teas, cups and bags, and the helpers of the
    promotions' tests: a promotion of the store manager's store, a salesman's order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.company = cls.env.company
        Warehouse = cls.env["stock.warehouse"]
        cls.store = Warehouse.create({"name": "Promo Store East", "code": "PSE"})
        cls.other_store = Warehouse.create({"name": "Promo Store West", "code": "PSW"})
        cls.manager = new_test_user(
            cls.env,
            login="promo_store_manager",
            groups="retail_wholesale.retail_wholesale_group_store_manager",
            lang="en_US",
        )
        cls.manager.retail_warehouse_ids = cls.store
        cls.hq = new_test_user(
            cls.env,
            login="promo_hq_admin",
            groups="retail_wholesale.retail_wholesale_group_hq_admin",
            lang="en_US",
        )
        cls.salesman = new_test_user(
            cls.env,
            login="promo_salesman",
            groups="sales_team.group_sale_salesman",
            lang="en_US",
        )
        Product = cls.env["product.product"]
        cls.brand = cls.env["retail.brand"].create({"name": "Promo Tea Brand"})
        cls.tea = Product.create(
            {
                "name": "Promo Longjing",
                "list_price": 50.0,
                "taxes_id": [Command.clear()],
                "retail_brand_id": cls.brand.id,
            }
        )
        cls.cup = Product.create(
            {"name": "Promo Cup", "list_price": 20.0, "taxes_id": [Command.clear()]}
        )
        cls.bag = Product.create(
            {"name": "Promo Bag", "list_price": 2.0, "taxes_id": [Command.clear()]}
        )
        cls.customer = cls.env["res.partner"].create({"name": "Promo Customer"})
        cls.today = fields.Date.context_today(cls.env["retail.promotion"])
        cls.Promotion = cls.env["retail.promotion"].with_user(cls.manager)

    def _promotion(self, **values):
        return self.Promotion.create(
            dict(
                {
                    "name": "Promo",
                    "date_start": self.today,
                    "date_end": self.today + timedelta(days=7),
                    "warehouse_ids": [Command.set(self.store.ids)],
                    "wholesale_ok": True,
                },
                **values,
            )
        )

    def _order(self, *lines, confirm=True):
        order = (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "product_uom_qty": qty}
                        )
                        for product, qty in lines
                    ],
                }
            )
        )
        if confirm:
            order.action_confirm()
        return order

    def _discount(self, order):
        return sum(order.order_line.filtered("is_reward_line").mapped("price_total"))
