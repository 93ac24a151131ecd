from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import StatementCommon


@tagged("post_install", "-at_install")
class TestRetailAgingReport(StatementCommon):
    def test_open_items_fall_in_their_bucket_per_partner(self):
        today = fields.Date.context_today(self.env["retail.aging.report"])
        other = self.env["res.partner"].create({"name": "北方批发"})
        for days, amount in ((-5, 500), (0, 50), (10, 100), (45, 200), (75, 300)):
            due = today - timedelta(days=days)
            self.entry(today, [("1122", amount, 0, due), ("5001", 0, amount)])
        self.entry(
            today,
            [("1122", 400, 0, today - timedelta(days=120)), ("5001", 0, 400)],
            partner=other,
        )
        # a payable, 35 days late, and a receivable paid in full
        self.entry(
            today,
            [("1405", 700, 0), ("2202", 0, 700, today - timedelta(days=35))],
            partner=self.supplier,
        )
        paid = self.entry(today, [("1122", 80, 0), ("5001", 0, 80)])
        payment = self.entry(today, [("1002", 80, 0), ("1122", 0, 80)])
        (paid | payment).line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        ).reconcile()

        Aging = self.cn_env["retail.aging.report"].with_user(self.accountant)
        measures = [
            "amount_not_due:sum",
            "amount_0_30:sum",
            "amount_31_60:sum",
            "amount_61_90:sum",
            "amount_90_plus:sum",
            "amount_residual:sum",
        ]
        rows = {
            (partner.name, kind): values
            for partner, kind, *values in Aging._read_group(
                [("company_id", "=", self.cn_company.id)],
                ["partner_id", "kind"],
                measures,
            )
        }
        self.assertEqual(
            rows,
            {
                ("华东商贸", "receivable"): [500, 150, 200, 300, 0, 1150],
                ("北方批发", "receivable"): [0, 0, 0, 0, 400, 400],
                ("江南食品厂", "payable"): [0, 0, 700, 0, 0, 700],
            },
        )

        # printed per partner with a total per kind
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.accountant)
            .with_context(lang="zh_CN")
            ._render_qweb_html(
                "retail_reports.retail_aging_report_pdf",
                Aging.search([("company_id", "=", self.cn_company.id)]).ids,
            )
        )
        page = html.decode().split('<div class="page">')[1]
        for text in (
            "应收应付账龄",
            "往来单位",
            "90天以上",
            "华东商贸",
            "1,150.00",
            "1,550.00",
            "合计",
        ):
            self.assertIn(text, page)

    def test_aging_is_for_accountants_only(self):
        for role in ("cashier", "store_manager", "buyer"):
            with self.assertRaises(AccessError, msg=role):
                self.env["retail.aging.report"].with_user(self.role_users[role]).search(
                    []
                )
