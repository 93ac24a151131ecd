from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.retail_pos_ext.tests.common import RetailPosHttpCommon

from .common import reward_line, running_window


@tagged("post_install", "-at_install")
class TestCouponGivenAtTheTill(RetailPosHttpCommon):
    """满200送20元券 at the cashier's till: the coupon printed on the receipt as a QR
    code and used on the next order from 100."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        store = cls.main_pos_config.picking_type_id.warehouse_id
        cls.rice = cls._create_retail_product("Given Rice", 50.0)
        start, end = running_window(cls.env)
        cls.promotion = (
            cls.env["retail.promotion"]
            .sudo()
            .create(
                {
                    "name": "满200送20元券",
                    "date_start": start,
                    "date_end": end,
                    "warehouse_ids": [Command.set(store.ids)],
                    "promotion_type": "coupon",
                    "coupon_issue": "till",
                    "coupon_given_from": 200.0,
                    "coupon_discount": 20.0,
                    "coupon_threshold": 100.0,
                }
            )
        )
        cls.program = cls.promotion.program_ids

    def test_the_coupon_on_the_receipt_used_on_the_next_order(self):
        self.start_pos_tour("retail_promotion_pos_coupon_given_tour", login="pos_user")
        first, second = self.env["pos.order"].search(
            [("session_id", "=", self.main_pos_config.current_session_id.id)],
            order="id",
        )
        coupon = self.program.coupon_ids
        self.assertEqual(len(coupon), 1)
        self.assertEqual(coupon.source_pos_order_id, first)
        self.assertEqual(coupon.expiration_date, self.promotion.date_end)
        self.assertEqual(coupon.points, 0)
        self.assertAlmostEqual(second.amount_total, 80.0)
        self.assertEqual(second.lines.filtered("is_reward_line").coupon_id, coupon)
        self.assertFalse(first.retail_review_state or second.retail_review_state)

    def test_a_coupon_used_below_its_threshold_is_flagged(self):
        session = self._open_session()
        cash = self.main_pos_config.payment_method_ids.filtered("is_cash_count")[:1]
        data = self._order_payload(session, [(self.rice, 1, 50.0)], [(cash, 30.0)])
        data["lines"].append(reward_line(self.program, 20.0))
        data["amount_total"] = data["amount_paid"] = 30.0
        result = self.env["pos.order"].with_user(self.pos_user).sync_from_ui([data])
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.retail_review_state, "to_review")
        self.assertIn(
            "Promotion 满200送20元券 should not have been given: usable on orders from "
            "100.",
            order.retail_review_note,
        )
        # the rule that gives the coupon (orders from 200) is not asked of its use
        self.assertNotIn("it needs 200", order.retail_review_note)

    def test_a_coupon_of_another_company_is_refused_naming_it(self):
        other = self.env["res.company"].create({"name": "Till Other Company"})
        promotion = (
            self.env["retail.promotion"]
            .sudo()
            .with_company(other)
            .create(
                {
                    "name": "别家券",
                    "company_id": other.id,
                    "promotion_type": "coupon",
                    "coupon_discount": 10.0,
                    "date_start": running_window(self.env)[0],
                    "date_end": running_window(self.env)[1],
                }
            )
        )
        self.env["loyalty.card"].sudo().create(
            {
                "program_id": promotion.program_ids.id,
                "code": "OTHER-TILL-1",
                "points": 1,
            }
        )
        self._open_session()
        answer = self.main_pos_config.with_user(self.pos_user).use_coupon_code(
            "OTHER-TILL-1",
            fields.Datetime.to_string(fields.Datetime.now()),
            False,
            False,
        )
        self.assertFalse(answer["successful"])
        self.assertIn(
            "is a coupon of promotion “别家券” of Till Other Company",
            answer["payload"]["error_message"],
        )
