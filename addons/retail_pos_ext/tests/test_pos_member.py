from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import RetailPosHttpCommon


@tagged("post_install", "-at_install")
class TestPosMember(RetailPosHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rice = cls._create_retail_product("Retail Member Rice", 100.0)
        Pricelist = cls.env["product.pricelist"]
        # the VIP price is 20 % off a base pricelist that no till lists either
        cls.base_pl = Pricelist.create({"name": "Retail Base Prices"})
        cls.vip_pl = Pricelist.create(
            {
                "name": "Retail VIP Prices",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "formula",
                            "base": "pricelist",
                            "base_pricelist_id": cls.base_pl.id,
                            "price_discount": 20,
                        }
                    )
                ],
            }
        )
        cls.wholesale_pl = Pricelist.create(
            {
                "name": "Retail Wholesale Prices",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.rice.id,
                            "compute_price": "fixed",
                            "fixed_price": 70,
                        }
                    )
                ],
            }
        )
        Grade = cls.env["retail.customer.grade"]
        cls.vip = Grade.create(
            {"name": "Retail VIP", "code": "RVIP", "pricelist_id": cls.vip_pl.id}
        )
        cls.wholesale = Grade.create(
            {
                "name": "Retail Wholesale",
                "code": "RW1",
                "pricelist_id": cls.wholesale_pl.id,
            }
        )
        cls.member = cls.env["res.partner"].create(
            {"name": "Retail Member Wang", "retail_grade_id": cls.vip.id}
        )
        cls.shop = cls.env["res.partner"].create(
            {
                "name": "Retail Shop Li",
                "phone": "13900001111",
                "retail_grade_id": cls.wholesale.id,
            }
        )
        program = cls.env["loyalty.program"].create(
            {"name": "Retail Card", "program_type": "loyalty", "pos_ok": True}
        )
        cls.env["loyalty.card"].create(
            {"program_id": program.id, "partner_id": cls.member.id, "code": "VIP-0002"}
        )

    def test_member_is_found_by_loyalty_card_number(self):
        Partner = self.env["res.partner"]
        self.assertEqual(self.member.retail_card_code, "VIP-0002")
        self.assertEqual(
            Partner.search([("retail_card_code", "=", "VIP-0002")]), self.member
        )
        self.assertEqual(
            Partner.search([("retail_card_code", "ilike", "vip-000")]), self.member
        )
        self.assertFalse(Partner.search([("retail_card_code", "=", "VIP-9999")]))

    def test_till_loads_grade_pricelists_and_what_they_are_based_on(self):
        # none of the grade pricelists is listed on the till
        self.assertFalse(
            (self.vip_pl | self.base_pl | self.wholesale_pl)
            & self.main_pos_config._get_available_pricelists()
        )
        session = self._open_session()
        data = session.load_data([])
        pricelist_ids = {row["id"] for row in data["product.pricelist"]["data"]}
        self.assertTrue(
            {self.vip_pl.id, self.base_pl.id, self.wholesale_pl.id} <= pricelist_ids
        )
        self.assertTrue(
            set(self.main_pos_config._get_available_pricelists().ids) <= pricelist_ids
        )
        item_ids = {row["id"] for row in data["product.pricelist.item"]["data"]}
        self.assertTrue((self.vip_pl | self.wholesale_pl).item_ids.ids)
        self.assertTrue(set((self.vip_pl | self.wholesale_pl).item_ids.ids) <= item_ids)
        # the grade and the card number come with the partners
        partner_fields = set(data["res.partner"]["fields"])
        self.assertTrue({"retail_grade_name", "retail_card_code"} <= partner_fields)

    def test_grade_pricelist_applies_at_the_till(self):
        session = self._open_session()
        self.start_pos_tour("retail_pos_ext_member_pricelist_tour", login="pos_user")
        orders = self._session_orders(session).sorted("id")
        self.assertEqual(
            [(o.partner_id, o.pricelist_id, o.amount_total) for o in orders],
            [
                (self.member, self.vip_pl, 80.0),
                (self.shop, self.wholesale_pl, 70.0),
                (self.env["res.partner"], self.main_pos_config.pricelist_id, 100.0),
                # held, resumed, then the member was picked
                (self.member, self.vip_pl, 80.0),
            ],
        )
        self.assertEqual(orders[-1].lines.price_unit, 80.0)
        self.assertFalse(orders[-1].retail_review_state)

    def test_walk_in_customer_gets_the_flash_price(self):
        """A flash sale on the till's pricelist reaches a customer the cashier does
        not pick, in a store whose till offers no choice of pricelist."""
        config = self.main_pos_config
        config.picking_type_id.warehouse_id.retail_role = "store"
        config.use_pricelist = False
        now = fields.Datetime.now()
        self.env["retail.flash.sale"].create(
            {
                "name": "Rice flash sale",
                "product_id": self.rice.id,
                "price": 15.0,
                "date_start": now - timedelta(hours=1),
                "date_end": now + timedelta(hours=5),
                "total_cap": 100,
                "pricelist_ids": [Command.set(config.pricelist_id.ids)],
            }
        )
        session = self._open_session()
        data = session.load_data([])
        self.assertEqual(
            data["pos.config"]["data"][0]["pricelist_id"], config.pricelist_id.id
        )
        self.start_pos_tour("retail_pos_ext_walk_in_flash_tour", login="pos_user")
        order = self._session_orders(session)
        self.assertEqual(
            (order.partner_id, order.pricelist_id, order.amount_total),
            (self.env["res.partner"], config.pricelist_id, 15.0),
        )
        self.assertFalse(order.retail_review_state)
