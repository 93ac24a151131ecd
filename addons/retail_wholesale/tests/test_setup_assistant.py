import base64
import io
from datetime import date, datetime

from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from ..wizard.retail_opening_import import BALANCE_COLUMNS, STOCK_COLUMNS
from .setup_common import SetupCommon

GOOD_BALANCES = [
    ("1002", "银行存款", "", 10000, None, "工商银行"),
    ("1122", "应收账款", "华东商贸", 3000, None, ""),
    ("1405", "库存商品", "", 124, None, ""),
    ("2202", "应付账款", "江南食品厂", None, 2000, ""),
    ("3001", "实收资本", "", None, 11124, ""),
]


@tagged("post_install", "-at_install")
class TestSetupAssistant(SetupCommon):
    def ledger(self, code):
        """{partner: balance} of the new company's posted items on account ``code``."""
        env = self.company_env()
        account = env["account.account"].search(
            [("company_ids", "in", self.new_company.ids), ("code", "=", code)]
        )
        self.assertEqual(len(account), 1, code)
        groups = env["account.move.line"]._read_group(
            [("account_id", "=", account.id), ("parent_state", "=", "posted")],
            ["partner_id"],
            ["balance:sum"],
        )
        return {partner.name or "": balance for partner, balance in groups}

    def stores(self, wizard):
        wizard.write(
            {
                "hq_name": "总部仓",
                "hq_code": "HQ",
                "store_ids": [
                    (0, 0, {"name": "徐汇店", "code": "XH"}),
                    (0, 0, {"name": "浦东店", "code": "PD"}),
                ],
            }
        )
        wizard.action_apply_stores()
        return {w.code: w for w in wizard.store_ids.warehouse_id}

    def test_company_step_makes_a_chinese_company(self):
        company = self.new_company
        self.assertNotEqual(company.chart_template, "cn")
        wizard = self.admin_env["retail.setup.wizard"].create(
            {"company_name": "上海新开零售有限公司", "vat": "12345"}
        )
        self.assertEqual(wizard.step, "company")
        with self.assertRaisesRegex(ValidationError, "12345 is not valid"):
            wizard.action_apply_company()
        self.assertNotEqual(company.chart_template, "cn")
        self.run_company_step()
        self.assertEqual(company.name, "上海新开零售有限公司")
        self.assertEqual(company.vat, "91310000MA1K4ABC2X")
        self.assertEqual(company.chart_template, "cn")
        self.assertEqual(company.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(company.country_id, self.env.ref("base.cn"))
        self.assertEqual(company.account_price_include, "tax_included")
        self.assertEqual(
            (company.fiscalyear_last_month, company.fiscalyear_last_day), ("12", 31)
        )
        self.assertEqual(company.account_opening_date, self.opening_date)
        # a category made now is valued perpetually at moving average
        category = (
            self.company_env()["product.category"]
            .with_company(company)
            .create({"name": "新分类"})
        )
        self.assertEqual(category.property_cost_method, "average")
        self.assertEqual(category.property_valuation, "real_time")
        self.assertTrue(category.property_stock_valuation_account_id.code, "140500")

    def test_stores(self):
        wizard = self.run_company_step()
        # a code given twice: nothing is made
        wizard.write(
            {
                "hq_code": "HQ",
                "store_ids": [
                    (0, 0, {"name": "徐汇店", "code": "XH"}),
                    (0, 0, {"name": "徐汇二店", "code": "xh"}),
                ],
            }
        )
        Warehouse = self.company_env()["stock.warehouse"]
        count = Warehouse.search_count([("company_id", "=", self.new_company.id)])
        with self.assertRaisesRegex(ValidationError, "Code xh is given to two stores"):
            wizard.action_apply_stores()
        self.assertEqual(
            Warehouse.search_count([("company_id", "=", self.new_company.id)]), count
        )
        wizard.store_ids = [(5, 0, 0)]
        stores = self.stores(wizard)
        hq = Warehouse.search(
            [("company_id", "=", self.new_company.id), ("code", "=", "HQ")]
        )
        self.assertEqual((hq.name, hq.retail_role), ("总部仓", "hq"))
        self.assertEqual(set(stores), {"XH", "PD"})
        for store in stores.values():
            self.assertEqual(store.retail_role, "store")
            self.assertEqual(store.resupply_wh_ids, hq)
            self.assertTrue(store.resupply_route_ids)
        self.assertEqual(wizard.step, "staff")
        # reopened, the assistant goes on where the company stands
        self.assertEqual(
            self.admin_env["retail.setup.wizard"].create({}).step, "imports"
        )

    @staticmethod
    def person(name, login, role, stores=None):
        values = {"name": name, "login": login, "password": "secret1", "role": role}
        if stores:
            values["warehouse_ids"] = [Command.set(stores.ids)]
        return Command.create(values)

    def test_staff(self):
        wizard = self.run_company_step()
        stores = self.stores(wizard)
        # a cashier without a store is refused, naming the person
        wizard.user_ids = [self.person("王芳", "wangfang", "cashier")]
        with self.assertRaisesRegex(ValidationError, "王芳 .* works in a store"):
            wizard.action_apply_staff()
        wizard.user_ids = [Command.clear()]
        wizard.user_ids = [
            self.person("王芳", "wangfang", "cashier", stores["XH"]),
            self.person("李会计", "likuaiji", "accountant"),
        ]
        wizard.action_apply_staff()
        # the first passwords are not kept in the assistant
        self.assertFalse(wizard.user_ids)
        Users = self.env["res.users"]
        cashier = Users.search([("login", "=", "wangfang")])
        accountant = Users.search([("login", "=", "likuaiji")])
        self.assertTrue(
            cashier.has_group("retail_wholesale.retail_wholesale_group_cashier")
        )
        self.assertFalse(
            cashier.has_group("retail_wholesale.retail_wholesale_group_store_manager")
        )
        self.assertEqual(cashier.retail_warehouse_ids, stores["XH"])
        self.assertEqual(cashier.company_id, self.new_company)
        self.assertEqual(cashier.tz, "Asia/Shanghai")
        # signed with the login at the company's domain
        self.assertEqual(cashier.email, "wangfang@xinkai-retail.cn")
        self.assertTrue(
            accountant.has_group("retail_wholesale.retail_wholesale_group_accountant")
        )
        # the first password works
        Users.with_user(cashier)._check_credentials(
            {"type": "password", "password": "secret1"}, {"interactive": False}
        )
        # a login taken is refused
        again = self.admin_env["retail.setup.wizard"].create(
            {"step": "staff", "user_ids": [self.person("王芳", "wangfang", "buyer")]}
        )
        with self.assertRaisesRegex(ValidationError, "wangfang is already a user"):
            again.action_apply_staff()

    def test_only_the_users_companies_and_stores(self):
        other = self.env["res.company"].create({"name": "Someone Else's"})
        wizard = self.admin_env["retail.setup.wizard"].create(
            {"company_name": "Taken Over", "company_id": other.id}
        )
        with self.assertRaisesRegex(AccessError, "You may not set up Someone Else's"):
            wizard.action_apply_company()
        self.assertEqual(other.name, "Someone Else's")
        wizard = self.run_company_step()
        foreign = self.env["stock.warehouse"].search(
            [("company_id", "=", other.id)], limit=1
        )
        wizard.user_ids = [self.person("王芳", "wangfang", "cashier", foreign)]
        with self.assertRaisesRegex(ValidationError, "is not a store of"):
            wizard.action_apply_staff()
        self.assertFalse(self.env["res.users"].search([("login", "=", "wangfang")]))

    def test_templates_download(self):
        for kind, columns in (("stock", STOCK_COLUMNS), ("balances", BALANCE_COLUMNS)):
            wizard = self.admin_env["retail.opening.import"].create({"kind": kind})
            action = wizard.action_download_template()
            attachment_id = int(action["url"].split("/")[3].split("?")[0])
            attachment = self.admin_env["ir.attachment"].browse(attachment_id)
            book = load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
            header = [cell.value for cell in book.worksheets[0][1]]
            self.assertEqual(tuple(header), columns)
            self.assertEqual(book.sheetnames[1], "说明")

    def opening_stock(self):
        return self.import_opening(
            "stock",
            STOCK_COLUMNS,
            [
                ("HQ", "M001", "L1", "2027-06-30", 10, 5),
                ("XH", "M001", "L2", datetime(2027, 5, 31), 4, 6),
                ("HQ", "6920000000017", "", None, 20, 2.5),
            ],
        )

    def test_opening_stock(self):
        self.stores(self.run_company_step())
        self.make_goods()
        Quant = self.company_env()["stock.quant"]

        # a file with wrong rows imports nothing and names each of them
        wizard = self.import_opening(
            "stock",
            STOCK_COLUMNS,
            [
                ("ZZ", "M001", "L1", "2027-06-30", 10, 5),
                ("HQ", "M001", "", "2027-06-30", 10, 5),
                ("HQ", "T001", "", None, "abc", 1),
            ],
        )
        self.assertEqual(wizard.state, "error")
        self.assertIn(
            "Row 2, column 仓库编码: Unknown warehouse code ZZ.", wizard.report
        )
        self.assertIn("Row 3, column 批次号", wizard.report)
        self.assertIn("Row 4, column 数量", wizard.report)
        self.assertFalse(
            Quant.search([("product_id", "in", (self.milk | self.towel).ids)])
        )

        wizard = self.opening_stock()
        self.assertEqual(wizard.state, "done", wizard.report)
        self.assertIn("124.00", wizard.report)
        self.assertEqual(self.milk.with_company(self.new_company).qty_available, 14)
        self.assertEqual(self.towel.with_company(self.new_company).qty_available, 20)
        lot = self.company_env()["stock.lot"].search(
            [("product_id", "=", self.milk.id), ("name", "=", "L1")]
        )
        self.assertEqual(lot.expiration_date.date(), date(2027, 6, 30))
        # valued at the rows' costs; the moving average of the two lots
        self.assertAlmostEqual(
            self.milk.with_company(self.new_company).standard_price, 74 / 14, 2
        )
        self.assertEqual(self.ledger("140500"), {"": 124})
        self.assertEqual(self.ledger("310300"), {"": -124})

        # once only
        wizard = self.import_opening(
            "stock", STOCK_COLUMNS, [("HQ", "T001", "", None, 5, 2.5)]
        )
        self.assertIn("already has stock in 总部仓", wizard.report)
        self.assertEqual(self.towel.with_company(self.new_company).qty_available, 20)

    def test_opening_balances(self):
        self.stores(self.run_company_step())
        self.make_goods()
        self.assertEqual(self.opening_stock().state, "done")
        # refused unless debit = credit, nothing posted
        unbalanced = [*GOOD_BALANCES[:-1], ("3001", "实收资本", "", None, 11000, "")]
        wizard = self.import_opening("balances", BALANCE_COLUMNS, unbalanced)
        self.assertEqual(wizard.state, "error")
        self.assertIn(
            "The debits (13,124.00) do not equal the credits (13,000.00)", wizard.report
        )
        self.assertFalse(self.new_company.account_opening_move_id)
        # the inventory account must be the opening stock's value
        other_stock = [
            ("1405", "库存商品", "", 100, None, "") if row[0] == "1405" else row
            for row in GOOD_BALANCES[:-1]
        ] + [("3001", "实收资本", "", None, 11100, "")]
        wizard = self.import_opening("balances", BALANCE_COLUMNS, other_stock)
        self.assertIn("differs from the opening stock imported", wizard.report)
        self.assertIn("124.00", wizard.report)
        # receivables per customer
        no_partner = [
            ("1122", "应收账款", "", 3000, None, "") if row[0] == "1122" else row
            for row in GOOD_BALANCES
        ]
        wizard = self.import_opening("balances", BALANCE_COLUMNS, no_partner)
        self.assertIn("Row 3, column 往来单位", wizard.report)
        self.assertFalse(self.new_company.account_opening_move_id)

        wizard = self.import_opening("balances", BALANCE_COLUMNS, GOOD_BALANCES)
        self.assertEqual(wizard.state, "done", wizard.report)
        move = self.new_company.account_opening_move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.date, date(self.opening_date.year - 1, 12, 31))
        self.assertEqual(self.ledger("100200"), {"": 10000})
        self.assertEqual(self.ledger("112200"), {"华东商贸": 3000})
        self.assertEqual(self.ledger("220200"), {"江南食品厂": -2000})
        self.assertEqual(self.ledger("300100"), {"": -11124})
        # the inventory once, at the stock's value; the opening stock's other side
        # taken back
        self.assertEqual(self.ledger("140500"), {"": 124})
        self.assertEqual(sum(self.ledger("310300").values()), 0)
        # the customer owes what was imported
        self.assertEqual(self.customer.with_company(self.new_company).credit, 3000)
        # posted once: a second import is refused
        wizard = self.admin_env["retail.opening.import"].create(
            {
                "kind": "balances",
                "file": wizard.file,
                "filename": "balances.xlsx",
            }
        )
        with self.assertRaisesRegex(Exception, "is already posted"):
            wizard.action_import()
