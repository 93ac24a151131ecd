from odoo.tests import tagged

from odoo.addons.retail_wholesale.tests.setup_common import SetupCommon


@tagged("post_install", "-at_install")
class TestSetupTills(SetupCommon):
    def test_each_new_store_gets_a_till_with_chinese_payments(self):
        wizard = self.run_company_step()
        wizard.write(
            {
                "hq_code": "HQ",
                "store_ids": [
                    (0, 0, {"name": "徐汇店", "code": "XH"}),
                    (0, 0, {"name": "浦东店", "code": "PD"}),
                    (0, 0, {"name": "网店仓", "code": "WEB", "retail_till": False}),
                ],
            }
        )
        wizard.action_apply_stores()
        stores = {line.code: line.warehouse_id for line in wizard.store_ids}
        tills = self.company_env()["pos.config"].search(
            [("company_id", "=", self.new_company.id)]
        )
        self.assertEqual(
            set(tills.mapped("retail_warehouse_id")), {stores["XH"], stores["PD"]}
        )
        for till in tills:
            store = till.retail_warehouse_id
            self.assertEqual(till.name, f"{store.name} Till")
            self.assertEqual(till.picking_type_id, store.pos_type_id)
            self.assertEqual(
                set(till.payment_method_ids.mapped("retail_payment_kind")),
                {"cash", "wechat", "alipay", "unionpay"},
            )
            self.assertEqual(till.currency_id, self.env.ref("base.CNY"))
        # each till counts its own cash; the others are shared by the company's tills
        cash = tills.payment_method_ids.filtered(
            lambda m: m.retail_payment_kind == "cash"
        )
        self.assertEqual(len(cash), 2)
        self.assertEqual(len(tills.payment_method_ids), 5)
