import io
from datetime import timedelta

from openpyxl import load_workbook

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

STORE_MANAGER = "retail_wholesale.retail_wholesale_group_store_manager"
CASHIER = "retail_wholesale.retail_wholesale_group_cashier"


def read_workbook(content):
    """[{(row, column): value}] per sheet, 0-based."""
    return [
        {
            (cell.row - 1, cell.column - 1): cell.value
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        }
        for sheet in load_workbook(io.BytesIO(content)).worksheets
    ]


class MemberAnalysisCommon(AccountTestInvoicingCommon):
    """Members at two levels registered by the cashiers of two stores and at head
    office; stored value topped up on a sale order (invoiced: on 预收账款), spent in the
    other store (booked by hand), a bonus and an older top-up; points issued, redeemed,
    adjusted and cleared at the year end. The analysis is run as the store manager of
    both stores."""

    @classmethod
    @AccountTestInvoicingCommon.setup_chart_template("cn")
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.company = cls.company_data["company"]
        cls.env = cls.env(
            context=dict(
                cls.env.context, lang="en_US", allowed_company_ids=cls.company.ids
            )
        )
        Warehouse = cls.env["stock.warehouse"]
        cls.store_a = Warehouse.create({"name": "会员东店", "code": "MRA"})
        cls.store_b = Warehouse.create({"name": "会员西店", "code": "MRB"})
        user = {"company_id": cls.company.id, "company_ids": cls.company.ids}
        cls.cashier_a = new_test_user(
            cls.env, login="mr_cashier_a", groups=CASHIER, **user
        )
        cls.cashier_b = new_test_user(
            cls.env, login="mr_cashier_b", groups=CASHIER, **user
        )
        cls.cashier_a.retail_warehouse_ids = cls.store_a
        cls.cashier_b.retail_warehouse_ids = cls.store_b
        cls.manager = new_test_user(
            cls.env, login="mr_manager", groups=STORE_MANAGER, **user
        )
        cls.manager.retail_warehouse_ids = cls.store_a | cls.store_b
        cls.manager_a = new_test_user(
            cls.env, login="mr_manager_a", groups=STORE_MANAGER, **user
        )
        cls.manager_a.retail_warehouse_ids = cls.store_a
        cls.accountant = new_test_user(
            cls.env,
            login="mr_accountant",
            groups="retail_wholesale.retail_wholesale_group_accountant",
            **user,
        )
        cls._levels()
        cls._members()
        cls._stored_value()
        cls._points()

    @classmethod
    def _levels(cls):
        Grade = cls.env["retail.customer.grade"]
        pricelist = cls.env["product.pricelist"].create(
            {"name": "会员价", "company_id": cls.company.id}
        )
        cls.silver, cls.gold = Grade.create(
            [
                {
                    "name": name,
                    "code": code,
                    "sequence": sequence,
                    "pricelist_id": pricelist.id,
                    "company_id": cls.company.id,
                    "retail_member_level": True,
                    "retail_level_spend": spend,
                }
                for name, code, sequence, spend in (
                    ("银卡", "MRS", 1, 0.0),
                    ("金卡", "MRG", 2, 5000.0),
                )
            ]
        )
        cls.wholesale = Grade.create(
            {
                "name": "批发一级",
                "code": "MRW",
                "pricelist_id": pricelist.id,
                "company_id": cls.company.id,
            }
        )

    @classmethod
    def _member(cls, name, grade, user=None):
        Partner = cls.env["res.partner"].with_company(cls.company)
        if user:  # registered by the user (create_uid), at their store
            Partner = Partner.with_user(user).sudo()
        return Partner.create({"name": name, "retail_grade_id": grade.id}).with_env(
            cls.env
        )

    @classmethod
    def _members(cls):
        member = cls._member
        cls.m1 = member("张一", cls.silver, cls.cashier_a)
        cls.m2 = member("李二", cls.gold, cls.cashier_a)
        cls.m3 = member("王三", cls.silver, cls.cashier_b)
        cls.m4 = member("赵四", cls.gold)  # at head office: no store
        cls.m5 = member("钱五", cls.silver, cls.cashier_a)  # long ago
        cls.env.cr.execute(
            "UPDATE res_partner SET create_date = %s WHERE id = %s",
            (fields.Datetime.now() - timedelta(days=100), cls.m5.id),
        )
        # not members: a wholesale customer, a customer without grade, a contact
        member("批发客户", cls.wholesale, cls.cashier_a)
        cls.env["res.partner"].create({"name": "散客"})
        cls.env["res.partner"].create({"name": "张一的同事", "parent_id": cls.m1.id})

    @classmethod
    def _entry(cls, debit_account, credit_account, amount, date=None):
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "date": date or fields.Date.today(),
                "journal_id": cls.company_data["default_journal_misc"].id,
                "line_ids": [
                    Command.create({"account_id": debit_account.id, "debit": amount}),
                    Command.create({"account_id": credit_account.id, "credit": amount}),
                ],
            }
        )
        move.action_post()
        return move

    @classmethod
    def _stored_value(cls):
        """Top-up of 1,000 in store A on a sale order, invoiced (2203 credited);
        300 spent in store B (2203 debited by hand); 50 of bonus at store B (the
        member's store), not on the ledger; 200 topped up 100 days ago."""
        cls.program = cls.company.retail_stored_value_program_id
        cls.account = cls.company._retail_stored_value_account()
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.m1.id,
                "warehouse_id": cls.store_a.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.program.trigger_product_ids.id,
                            "price_unit": 1000.0,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        order._create_invoices().action_post()
        Card = cls.env["loyalty.card"]
        cls.card = Card.search(
            [("partner_id", "=", cls.m1.id), ("program_id", "=", cls.program.id)]
        )
        spend_order = cls.env["sale.order"].create(
            {"partner_id": cls.m1.id, "warehouse_id": cls.store_b.id}
        )
        History = cls.env["loyalty.history"]
        History.create(
            {
                "card_id": cls.card.id,
                "order_model": "sale.order",
                "order_id": spend_order.id,
                "description": "spent",
                "used": 300.0,
            }
        )
        cls.card.points -= 300.0
        income = cls.company_data["default_account_revenue"]
        cls._entry(cls.account, income, 300.0)
        bonus_card = Card.create(
            {
                "program_id": cls.program.id,
                "partner_id": cls.m3.id,
                "points": 50.0,
                "retail_stored_value_bonus": 50.0,
            }
        )
        History.create({"card_id": bonus_card.id, "description": "赠送", "issued": 50})
        old_card = Card.create(
            {"program_id": cls.program.id, "partner_id": cls.m2.id, "points": 200.0}
        )
        old = History.create(
            {"card_id": old_card.id, "description": "充值", "issued": 200}
        )
        cls.env.cr.execute(
            "UPDATE loyalty_history SET create_date = %s WHERE id = %s",
            (fields.Datetime.now() - timedelta(days=100), old.id),
        )
        cash = cls.company_data["default_journal_cash"].default_account_id
        cls._entry(cash, cls.account, 200.0, fields.Date.today() - timedelta(days=100))

    @classmethod
    def _points(cls):
        """m1 earns 120 in store A and redeems 20 in store B; m2 is given 80 by hand
        (their store: A); at the year end (run in Chinese) m1's 100 and m2's 80
        expire."""
        cls.points = cls.env["loyalty.program"].create(
            {
                "name": "会员积分",
                "program_type": "loyalty",
                "company_id": cls.company.id,
                "retail_points_expire_yearly": True,
            }
        )
        Card = cls.env["loyalty.card"]
        card1 = Card.create(
            {"program_id": cls.points.id, "partner_id": cls.m1.id, "points": 100}
        )
        card2 = Card.create(
            {"program_id": cls.points.id, "partner_id": cls.m2.id, "points": 80}
        )
        order_a, order_b = cls.env["sale.order"].create(
            [
                {"partner_id": cls.m1.id, "warehouse_id": store.id}
                for store in (cls.store_a, cls.store_b)
            ]
        )
        cls.env["loyalty.history"].create(
            [
                {
                    "card_id": card1.id,
                    "order_model": "sale.order",
                    "order_id": order_a.id,
                    "description": order_a.name,
                    "issued": 120,
                },
                {
                    "card_id": card1.id,
                    "order_model": "sale.order",
                    "order_id": order_b.id,
                    "description": order_b.name,
                    "used": 20,
                },
                {"card_id": card2.id, "description": "投诉补偿", "issued": 80},
            ]
        )
        expired = (
            cls.env["retail.member.points"]
            .with_context(lang="zh_CN")
            ._cron_expire_points()
        )
        assert card1 | card2 <= expired
