from datetime import timedelta

from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import RetailCommon


@tagged("post_install", "-at_install")
class TestRetailScrap(RetailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock = cls.hq_warehouse.lot_stock_id
        cls.env.company.retail_scrap_approval_amount = 100
        cls.vase = cls.env["product.product"].create(
            {"name": "Glass Vase", "is_storable": True, "standard_price": 30.0}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.vase, cls.stock, 10)
        cls.keeper = cls.role_users["keeper"]
        cls.manager = cls.role_users["store_manager"]
        cls.damaged = cls.env.ref("retail_wholesale.stock_scrap_reason_tag_damaged")

    def _scrap(self, qty, reasons=True):
        return (
            self.env["stock.scrap"]
            .with_user(self.keeper)
            .create(
                {
                    "product_id": self.vase.id,
                    "scrap_qty": qty,
                    "location_id": self.stock.id,
                    "scrap_reason_tag_ids": [Command.set(self.damaged.ids)]
                    if reasons
                    else [],
                }
            )
        )

    def test_scrap_made_by_a_person_needs_a_reason(self):
        # the Validate buttons of both scrap forms say a person is scrapping
        for view in ("stock.stock_scrap_form_view", "stock.stock_scrap_form_view2"):
            arch = self.env["stock.scrap"].get_view(self.env.ref(view).id)["arch"]
            button = etree.fromstring(arch).xpath("//button[@name='action_validate']")
            self.assertIn(
                "'retail_scrap_reason_required': True", button[0].get("context")
            )
        scrap = self._scrap(1, reasons=False)
        with self.assertRaises(UserError) as caught:
            scrap.with_context(retail_scrap_reason_required=True).action_validate()
        self.assertIn("Give a reason", str(caught.exception))
        self.assertEqual(scrap.state, "draft")

    def test_scrap_made_in_code_needs_no_reason(self):
        # other modules and core flows scrap without a reason tag
        scrap = self._scrap(1, reasons=False)
        scrap.action_validate()
        self.assertEqual(scrap.state, "done")
        self.assertEqual(self.vase.qty_available, 9)

    def test_small_scrap_goes_through(self):
        scrap = self._scrap(3)  # 90 at cost, under 100
        self.assertFalse(scrap.retail_needs_approval)
        scrap.action_validate()
        self.assertEqual(scrap.state, "done")
        self.assertEqual(self.vase.qty_available, 7)

    def test_large_scrap_needs_approval_once(self):
        scrap = self._scrap(4)  # 120 at cost
        self.assertEqual(scrap.retail_value, 120)
        self.assertTrue(scrap.retail_needs_approval)
        with self.assertRaises(UserError) as caught:
            scrap.action_validate()
        self.assertIn("must approve it first", str(caught.exception))
        self.assertEqual(self.vase.qty_available, 10)
        with self.assertRaises(AccessError):
            scrap.action_retail_approve()
        scrap.with_user(self.manager).action_retail_approve()
        self.assertEqual(scrap.retail_approved_by_id, self.manager)
        with self.assertRaises(UserError) as caught:
            scrap.with_user(self.manager).action_retail_approve()
        self.assertIn("already approved", str(caught.exception))
        scrap.action_validate()
        self.assertEqual(scrap.state, "done")
        self.assertEqual(self.vase.qty_available, 6)


@tagged("post_install", "-at_install")
class TestRetailExpiryDisposal(RetailCommon):
    def test_expired_lots_are_scrapped_with_a_reason(self):
        stock = self.hq_warehouse.lot_stock_id
        cheese = self.env["product.product"].create(
            {
                "name": "Soft Cheese",
                "is_storable": True,
                "tracking": "lot",
                "use_expiration_date": True,
                "standard_price": 50.0,
            }
        )
        now = fields.Datetime.now()
        old, fresh = self.env["stock.lot"].create(
            [
                {
                    "name": name,
                    "product_id": cheese.id,
                    "expiration_date": now + timedelta(days=days),
                }
                for name, days in (("CH-OLD", -1), ("CH-NEW", 40))
            ]
        )
        Quant = self.env["stock.quant"]
        Quant._update_available_quantity(cheese, stock, 4, lot_id=old)
        Quant._update_available_quantity(cheese, stock, 6, lot_id=fresh)
        manager = self.role_users["store_manager"]
        wizard = (
            self.env["retail.expiry.disposal"]
            .with_user(manager)
            .create({"warehouse_id": self.hq_warehouse.id, "note": "Weekly check"})
        )
        self.assertEqual(wizard.quant_ids.lot_id, old)
        self.assertEqual(
            wizard.reason_tag_ids,
            self.env.ref("retail_wholesale.stock_scrap_reason_tag_expired"),
        )
        wizard.action_dispose()
        scrap = self.env["stock.scrap"].search([("product_id", "=", cheese.id)])
        self.assertEqual(scrap.state, "done")
        self.assertEqual(scrap.lot_id, old)
        self.assertEqual(scrap.scrap_qty, 4)
        self.assertEqual(scrap.origin, "Weekly check")
        self.assertEqual(old.product_qty, 0)
        self.assertEqual(fresh.product_qty, 6)
        # 200 at cost, over the default threshold: approved by the manager who disposed
        self.assertEqual(scrap.retail_approved_by_id, manager)
        layer = self.env["stock.valuation.layer"].search(
            [("stock_move_id", "in", scrap.move_ids.ids)]
        )
        self.assertEqual(layer.value, -200)
        # nothing expired any more
        again = (
            self.env["retail.expiry.disposal"]
            .with_user(manager)
            .create({"warehouse_id": self.hq_warehouse.id})
        )
        with self.assertRaises(UserError) as caught:
            again.action_dispose()
        self.assertIn("has no expired stock", str(caught.exception))
