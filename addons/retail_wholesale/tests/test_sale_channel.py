from odoo import Command
from odoo.tests import Form, tagged

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestSaleChannel(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.online_pl = cls.env["product.pricelist"].create({"name": "线上价"})
        cls.team = cls.env["crm.team"].create({"name": "线上团队"})
        cls.journal = cls.env["account.journal"].create(
            {"name": "线上销售", "code": "ONL", "type": "sale"}
        )
        cls.online = cls.env.ref("retail_wholesale.retail_channel_online")
        cls.online.write(
            {
                "pricelist_id": cls.online_pl.id,
                "team_id": cls.team.id,
                "journal_id": cls.journal.id,
            }
        )
        cls.customer = cls.env["res.partner"].create({"name": "网店顾客"})
        cls.product = cls.env["product.product"].create(
            {"name": "抽纸", "list_price": 20.0}
        )

    def test_new_orders_start_in_the_default_channel(self):
        order = self.env["sale.order"].create({"partner_id": self.customer.id})
        self.assertEqual(
            order.retail_channel_id,
            self.env.ref("retail_wholesale.retail_channel_wholesale"),
        )

    def test_channel_sets_pricelist_team_and_journal(self):
        with Form(self.env["sale.order"]) as form:
            form.partner_id = self.customer
            form.retail_channel_id = self.online
        order = form.save()
        self.assertEqual(order.pricelist_id, self.online_pl)
        self.assertEqual(order.team_id, self.team)
        self.assertEqual(order.journal_id, self.journal)

    def test_grade_pricelist_wins_over_channel_pricelist(self):
        grade_pl = self.env["product.pricelist"].create({"name": "VIP价"})
        self.customer.retail_grade_id = self.env["retail.customer.grade"].create(
            {"name": "VIP", "pricelist_id": grade_pl.id}
        )
        with Form(self.env["sale.order"]) as form:
            form.partner_id = self.customer
            form.retail_channel_id = self.online
        self.assertEqual(form.save().pricelist_id, grade_pl)

    def test_sales_analysis_groups_by_channel(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "retail_channel_id": self.online.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_uom_qty": 3}
                    )
                ],
            }
        )
        order.action_confirm()
        groups = dict(
            self.env["sale.report"]._read_group(
                [("order_reference", "=", f"sale.order,{order.id}")],
                ["retail_channel_id"],
                ["product_uom_qty:sum"],
            )
        )
        self.assertEqual(groups, {self.online: 3.0})
