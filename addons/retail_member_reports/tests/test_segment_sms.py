from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSegmentSms(TransactionCase):
    """短信群发 to an RFM segment of the customer analysis, as the store manager who
    runs it: core's SMS composer for the segment's customers with a number."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="seg_store_manager",
            groups="retail_wholesale.retail_wholesale_group_store_manager",
        )
        Partner = cls.env["res.partner"]
        cls.li = Partner.create({"name": "Seg Li", "mobile": "13900001111"})
        cls.wang = Partner.create({"name": "Seg Wang", "phone": "13900002222"})
        cls.zhao = Partner.create({"name": "Seg Zhao"})  # no number
        cls.other = Partner.create({"name": "Seg Other", "mobile": "13900003333"})
        cls.analysis = (
            cls.env["retail.customer.analysis"]
            .with_user(cls.manager)
            .create(
                {
                    "rfm_line_ids": [
                        Command.create({"partner_id": partner.id, "segment": segment})
                        for partner, segment in (
                            (cls.li, "important_value"),
                            (cls.wang, "important_value"),
                            (cls.zhao, "important_value"),
                            (cls.other, "general_develop"),
                        )
                    ]
                }
            )
        )

    def test_store_manager_texts_a_segment(self):
        lines = self.analysis.rfm_line_ids.filtered(
            lambda line: line.segment == "important_value"
        )
        action = lines.with_user(self.manager).action_retail_send_sms()
        self.assertEqual(action["res_model"], "sms.composer")
        self.assertEqual(
            set(action["context"]["default_res_ids"]), {self.li.id, self.wang.id}
        )
        composer = Form(
            self.env["sms.composer"]
            .with_user(self.manager)
            .with_context(**action["context"])
        )
        composer.body = "会员日全场九折"
        composer.save().action_send_sms()
        sms = self.env["sms.sms"].search([("body", "=", "会员日全场九折")])
        self.assertEqual(sms.partner_id, self.li | self.wang)
        self.assertNotIn(self.other, sms.partner_id)

    def test_no_number_in_the_segment_is_a_clear_error(self):
        line = self.analysis.rfm_line_ids.filtered(
            lambda line: line.partner_id == self.zhao
        )
        with self.assertRaises(UserError) as caught:
            line.with_user(self.manager).action_retail_send_sms()
        self.assertIn(
            "None of the 1 customers chosen has a mobile number", str(caught.exception)
        )
