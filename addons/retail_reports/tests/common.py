from odoo import Command

from odoo.addons.retail_wholesale.tests.common import RetailCommon


class StatementCommon(RetailCommon):
    """A company on the Chinese small-business chart and a hand-written journal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cn_company = cls.env["res.company"].create(
            {
                "name": "测试零售有限公司",
                "country_id": cls.env.ref("base.cn").id,
                "currency_id": cls.env.ref("base.CNY").id,
            }
        )
        cls.env["account.chart.template"].try_loading(
            "cn", cls.cn_company, install_demo=False
        )
        cls.accountant = cls.role_users["accountant"]
        cls.accountant.write(
            {
                "company_ids": [Command.link(cls.cn_company.id)],
                "company_id": cls.cn_company.id,
            }
        )
        cls.cn_env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.cn_company.id])
        )
        cls.journal = cls.cn_env["account.journal"].search(
            [("company_id", "=", cls.cn_company.id), ("type", "=", "general")],
            limit=1,
        )
        cls.customer = cls.env["res.partner"].create({"name": "华东商贸"})
        cls.supplier = cls.env["res.partner"].create({"name": "江南食品厂"})

    @classmethod
    def account(cls, prefix):
        return (
            cls.cn_env["account.account"]
            .with_company(cls.cn_company)
            .search(
                [
                    ("company_ids", "in", cls.cn_company.id),
                    ("code", "=like", f"{prefix}%"),
                ],
                order="code",
                limit=1,
            )
        )

    @classmethod
    def entry(cls, date, lines, post=True, partner=None):
        """A journal entry: ``lines`` are (account prefix, debit, credit[, due])."""
        move = cls.cn_env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": cls.journal.id,
                "date": date,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": cls.account(line[0]).id,
                            "debit": line[1],
                            "credit": line[2],
                            "partner_id": (partner or cls.customer).id,
                            "date_maturity": line[3] if len(line) > 3 else date,
                        }
                    )
                    for line in lines
                ],
            }
        )
        if post:
            move.action_post()
        return move
