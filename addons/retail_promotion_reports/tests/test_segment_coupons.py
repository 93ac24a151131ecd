from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestSegmentCoupons(BaseCommon):
    """发券 to a segment of the customer analysis, as the store manager."""

    def test_the_segment_gets_the_coupons(self):
        store = self.env["stock.warehouse"].create(
            {"name": "Segment Store", "code": "SGS"}
        )
        manager = new_test_user(
            self.env,
            login="segment_store_manager",
            groups="retail_wholesale.retail_wholesale_group_store_manager",
            lang="en_US",
        )
        manager.retail_warehouse_ids = store
        today = fields.Date.context_today(manager)
        promotion = (
            self.env["retail.promotion"]
            .with_user(manager)
            .create(
                {
                    "name": "流失客户券",
                    "promotion_type": "coupon",
                    "coupon_discount": 15.0,
                    "date_start": today,
                    "date_end": today + timedelta(days=7),
                    "warehouse_ids": [Command.set(store.ids)],
                }
            )
        )
        lost = self.env["res.partner"].create(
            [{"name": f"Lost Customer {i}"} for i in range(3)]
        )
        analysis = self.env["retail.customer.analysis"].with_user(manager).create({})
        lines = (
            self.env["retail.customer.analysis.rfm"]
            .with_user(manager)
            .create(
                [
                    {
                        "analysis_id": analysis.id,
                        "partner_id": p.id,
                        "segment": "important_retain",
                    }
                    for p in lost[:2]
                ]
            )
        )
        action = self.env.ref(
            "retail_promotion_reports.retail_customer_analysis_rfm_action_issue_coupons"
        )
        result = (
            action.with_user(manager)
            .with_context(
                active_model="retail.customer.analysis.rfm", active_ids=lines.ids
            )
            .run()
        )
        self.assertEqual(result["res_model"], "retail.promotion.coupon.issue")
        wizard = (
            self.env["retail.promotion.coupon.issue"]
            .with_user(manager)
            .with_context(**result["context"])
            .create({"promotion_id": promotion.id})
        )
        self.assertEqual(wizard.partner_ids, lost[:2])
        wizard.action_issue()
        self.assertEqual(promotion.sudo().program_ids.coupon_ids.partner_id, lost[:2])
