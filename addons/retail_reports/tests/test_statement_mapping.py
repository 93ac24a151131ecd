from odoo import Command, fields
from odoo.tests import tagged

from .common import StatementCommon

# What each line of the 小企业会计准则 forms holds, written out from the standard's
# instructions and the Chinese chart (l10n_cn "cn"), independently of the line formulas:
# line code: (sign, account code prefixes, prefixes left out)
INTERIM = ("140201", "140202")
BALANCE_SHEET = {
    "BS01": (1, ("1001", "1002", "1012"), ()),
    "BS02": (1, ("1101",), ()),
    "BS03": (1, ("1121",), ()),
    "BS04": (1, ("1122",), ()),
    "BS05": (1, ("1123",), ()),
    "BS06": (1, ("1131",), ()),
    "BS07": (1, ("1132",), ()),
    "BS08": (1, ("1221",), ()),
    "BS09": (
        1,
        ("1401", "1402", "1403", "1404", "1405", "1406", "1407", "1408", "1411")
        + ("1421", "4001", "4101", "4401", "4403"),
        INTERIM,
    ),
    "BS10": (1, ("1231",), ()),
    "BS12": (1, ("1501",), ()),
    "BS13": (1, ("1511",), ()),
    "BS14": (1, ("1601", "1602"), ()),
    "BS15": (1, ("1604",), ()),
    "BS16": (1, ("1605",), ()),
    "BS17": (1, ("1606",), ()),
    "BS18": (1, ("1621", "1622"), ()),
    "BS19": (1, ("1701", "1702"), ()),
    "BS20": (1, ("1802", "4301"), ()),
    "BS21": (1, ("1801",), ()),
    "BS22": (1, ("1901",), ()),
    "BS25": (-1, ("2001",), ()),
    "BS26": (-1, ("2201",), ()),
    "BS27": (-1, ("2202",), ()),
    "BS28": (-1, ("2203",), ()),
    "BS29": (-1, ("2211",), ()),
    "BS30": (-1, ("2221",), ()),
    "BS31": (-1, ("2231",), ()),
    "BS32": (-1, ("2232",), ()),
    "BS33": (-1, ("2241",), ()),
    "BS34": (-1, ("2301", "1003"), ()),
    "BS36": (-1, ("2501",), ()),
    "BS37": (-1, ("2701",), ()),
    "BS38": (-1, ("2401",), ()),
    "BS39": (-1, ("2801",), ()),
    "BS42": (-1, ("3001",), ()),
    "BS43": (-1, ("3002",), ()),
    "BS44": (-1, ("3101",), ()),
    # the profit of the year not yet closed: the income statement's accounts
    "BS45": (-1, ("3103", "3104", "5", *INTERIM), ()),
}
BALANCE_TOTALS = {
    "BS11": ["BS01", "BS02", "BS03", "BS04", "BS05", "BS06", "BS07", "BS08", "BS09"]
    + ["BS10"],
    "BS23": ["BS12", "BS13", "BS14", "BS15", "BS16", "BS17", "BS18", "BS19", "BS20"]
    + ["BS21", "BS22"],
    "BS24": ["BS11", "BS23"],
    "BS35": ["BS25", "BS26", "BS27", "BS28", "BS29", "BS30", "BS31", "BS32", "BS33"]
    + ["BS34"],
    "BS40": ["BS36", "BS37", "BS38", "BS39"],
    "BS41": ["BS35", "BS40"],
    "BS46": ["BS42", "BS43", "BS44", "BS45"],
    "BS47": ["BS41", "BS46"],
}
INCOME_STATEMENT = {
    "IS01": (-1, ("5001", "5051"), ()),
    "IS02": (1, ("5401", "5402", *INTERIM), ()),
    "IS03": (1, ("5403",), ()),
    "IS04": (1, ("5601",), ()),
    "IS05": (1, ("5602",), ()),
    "IS06": (1, ("5603",), ()),
    "IS07": (-1, ("5111",), ()),
    "IS09": (-1, ("5301",), ()),
    "IS10": (1, ("5711",), ()),
    "IS12": (1, ("5801",), ()),
}
# cash flow (direct method): the counterparts of the moves of cash
CASH_FLOW = {
    "CF01": (-1, ("1121", "1122", "2203", "2221", "5001", "5051"), ()),
    "CF02": (-1, ("1221", "1231", "2241", "2301", "5301"), ()),
    "CF03": (
        1,
        ("1123", "1401", "1402", "1403", "1404", "1405", "1406", "1407", "1408")
        + ("1411", "1421", "2201", "2202", "4", "5401", "5402"),
        (),
    ),
    "CF04": (1, ("2211",), ()),
    "CF05": (1, ("5403", "5801"), ()),
    "CF06": (1, ("1003", "1801", "2401", "5601", "5602", "5711"), ()),
    "CF08": (-1, ("1101", "1131", "1132", "1501", "1511", "5111"), ()),
    "CF09": (
        -1,
        ("1601", "1602", "1604", "1605", "1606", "1621", "1622", "1701", "1702")
        + ("1802", "1901"),
        (),
    ),
    "CF11": (-1, ("2001", "2231", "2501", "2701", "2801", "5603"), ()),
    "CF12": (-1, ("3001", "3002"), ()),
    "CF13": (1, ("2232", "3101", "3103", "3104"), ()),
}
CASH = ("1001", "1002", "1012")


def holds(mapping, code):
    """The line codes of ``mapping`` an account code falls in."""
    return [
        line
        for line, (__, prefixes, left_out) in mapping.items()
        if code.startswith(prefixes) and not code.startswith(left_out)
    ]


class StatementMappingCommon(StatementCommon):
    def statement(self, kind, date_from, date_to):
        wizard = (
            self.cn_env(user=self.accountant)["retail.statement"]
            .with_context(lang="zh_CN")
            .create(
                {
                    "statement": kind,
                    "company_id": self.cn_company.id,
                    "date_from": date_from,
                    "date_to": date_to,
                }
            )
        )
        wizard.action_compute()
        return {row.code: row.amount_1 for row in wizard.row_ids}

    def ledger(self, date_to, date_from=None):
        """{account code: balance} of the posted journal items, straight from the
        ledger."""
        domain = [
            ("company_id", "=", self.cn_company.id),
            ("parent_state", "=", "posted"),
            ("date", "<=", date_to),
        ]
        if date_from:
            domain.append(("date", ">=", date_from))
        groups = self.cn_env["account.move.line"]._read_group(
            domain, ["account_id"], ["balance:sum"]
        )
        return {
            account.with_company(self.cn_company).code: balance
            for account, balance in groups
        }

    def expected(self, mapping, balances):
        return {
            line: self.cn_company.currency_id.round(
                sign
                * sum(
                    balance
                    for code, balance in balances.items()
                    if line in holds({line: (sign, prefixes, left_out)}, code)
                )
            )
            for line, (sign, prefixes, left_out) in mapping.items()
        }


@tagged("post_install", "-at_install")
class TestStatementAccountMapping(StatementMappingCommon):
    """Every account of the Chinese chart posted to, each line read against the ledger."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.cn_env["res.company"])
        cls.year_start = cls.today.replace(month=1, day=1)
        Account = cls.cn_env["account.account"].with_company(cls.cn_company)
        cls.accounts = Account.search([("company_ids", "in", cls.cn_company.id)])
        cls.bank = cls.account("1002")
        cls.entry(cls.today, [("1002", 1000000, 0), ("3001", 0, 1000000)])
        # one entry per account against the bank, each with its own amount
        lines = [
            Command.create(
                {
                    "account_id": account.id,
                    "debit": 100 + index,
                    "partner_id": cls.customer.id,
                }
            )
            for index, account in enumerate(cls.accounts)
            if not account.code.startswith(CASH)
            and account.account_type != "asset_cash"
        ]
        moves = cls.cn_env["account.move"].create(
            [
                {
                    "journal_id": cls.journal.id,
                    "date": cls.today,
                    "line_ids": [
                        line,
                        Command.create(
                            {
                                "account_id": cls.bank.id,
                                "credit": line[2]["debit"],
                                "partner_id": cls.customer.id,
                            }
                        ),
                    ],
                }
                for line in lines
            ]
        )
        moves.action_post()

    def test_every_account_of_the_chart_is_on_one_line_of_each_statement(self):
        self.assertGreater(len(self.accounts), 70)
        for account in self.accounts:
            code = account.code
            with self.subTest(account=code):
                self.assertEqual(len(holds(BALANCE_SHEET, code)), 1)
                if code.startswith("5") or code in INTERIM:
                    self.assertEqual(len(holds(INCOME_STATEMENT, code)), 1)
                if not code.startswith(CASH) and account.account_type != "asset_cash":
                    self.assertEqual(len(holds(CASH_FLOW, code)), 1)

    def test_balance_sheet_lines_are_the_balances_of_their_accounts(self):
        figures = self.statement("balance", self.year_start, self.today)
        balances = self.ledger(self.today)
        expected = self.expected(BALANCE_SHEET, balances)
        self.assertEqual({code: figures[code] for code in expected}, expected)
        for total, parts in BALANCE_TOTALS.items():
            self.assertAlmostEqual(
                figures[total], sum(figures[part] for part in parts), msg=total
            )
        # 资产 = 负债 + 所有者权益
        self.assertGreater(figures["BS24"], 0)
        self.assertAlmostEqual(figures["BS24"], figures["BS47"])
        self.assertEqual(figures["BS09"], expected["BS09"])
        self.assertNotEqual(figures["BS09"], 0)

    def test_income_statement_lines_are_the_movements_of_their_accounts(self):
        figures = self.statement("income", self.year_start, self.today)
        expected = self.expected(
            INCOME_STATEMENT, self.ledger(self.today, self.year_start)
        )
        self.assertEqual({code: figures[code] for code in expected}, expected)
        self.assertAlmostEqual(
            figures["IS13"],
            figures["IS01"]
            - sum(figures[c] for c in ("IS02", "IS03", "IS04", "IS05", "IS06"))
            + figures["IS07"]
            + figures["IS09"]
            - figures["IS10"]
            - figures["IS12"],
        )
        # the profit of the year is the equity's undistributed profit
        balance_sheet = self.statement("balance", self.year_start, self.today)
        self.assertAlmostEqual(
            balance_sheet["BS45"],
            figures["IS13"]
            - sum(
                self.ledger(self.today).get(code, 0) for code in ("310300", "310400")
            ),
        )

    def test_cash_flow_lines_are_the_counterparts_of_cash(self):
        figures = self.statement("cash_flow", self.year_start, self.today)
        balances = self.ledger(self.today, self.year_start)
        counterparts = {
            code: balance
            for code, balance in balances.items()
            if not code.startswith(CASH)
        }
        expected = self.expected(CASH_FLOW, counterparts)
        self.assertEqual({code: figures[code] for code in expected}, expected)
        cash = sum(b for code, b in balances.items() if code.startswith(CASH))
        self.assertAlmostEqual(figures["CF15"], cash)


@tagged("post_install", "-at_install")
class TestInventoryIsTheStockValuation(StatementMappingCommon):
    """Goods received and delivered with real-time valuation: 存货 is what the stock is
    worth, the receipts' and deliveries' interim accounts notwithstanding."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.cn_env
        cls.today = fields.Date.context_today(env["res.company"])
        category = env["product.category"].create({"name": "库存商品 real time"})
        category.with_company(cls.cn_company).write(
            {"property_cost_method": "fifo", "property_valuation": "real_time"}
        )
        cls.product = env["product.product"].create(
            {
                "name": "东北大米 5kg",
                "is_storable": True,
                "categ_id": category.id,
                "company_id": cls.cn_company.id,
            }
        )
        warehouse = env["stock.warehouse"].search(
            [("company_id", "=", cls.cn_company.id)], limit=1
        )
        for picking_type, qty, price in (
            (warehouse.in_type_id, 40, 25.0),
            (warehouse.in_type_id, 10, 31.5),
            (warehouse.out_type_id, 15, 0.0),
        ):
            cls._move_goods(warehouse, picking_type, qty, price)
        # continental valuation: the vendor bill goes to the cost of sales (5401)
        bill = env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": cls.supplier.id,
                "invoice_date": cls.today,
                "date": cls.today,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "quantity": qty,
                            "price_unit": price,
                            "tax_ids": [Command.clear()],
                        }
                    )
                    for qty, price in ((40, 25.0), (10, 31.5))
                ],
            }
        )
        bill.action_post()
        cls.valuation = sum(
            env["stock.valuation.layer"]
            .search([("company_id", "=", cls.cn_company.id)])
            .mapped("value")
        )

    @classmethod
    def _move_goods(cls, warehouse, picking_type, qty, price):
        """A done receipt from the supplier or delivery to the customer of ``qty`` of
        the product at ``price``."""
        env = cls.cn_env
        incoming = picking_type.code == "incoming"
        picking = env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "partner_id": (cls.supplier if incoming else cls.customer).id,
                "location_id": (
                    cls.env.ref("stock.stock_location_suppliers")
                    if incoming
                    else warehouse.lot_stock_id
                ).id,
                "location_dest_id": (
                    warehouse.lot_stock_id
                    if incoming
                    else cls.env.ref("stock.stock_location_customers")
                ).id,
                "move_ids": [
                    Command.create(
                        {
                            "name": cls.product.name,
                            "product_id": cls.product.id,
                            "product_uom_qty": qty,
                            "price_unit": price,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.quantity = qty
        picking.button_validate()

    def test_inventory_equals_the_stock_valuation(self):
        # 25 received at 25.00 and 10 at 31.50 left: 40 in, 15 out first in first out
        self.assertAlmostEqual(self.valuation, 25 * 25.0 + 10 * 31.5)
        balances = self.ledger(self.today)
        self.assertAlmostEqual(balances["140201"], -(40 * 25.0 + 10 * 31.5))
        self.assertAlmostEqual(balances["140202"], 15 * 25.0)
        figures = self.statement("balance", self.today.replace(day=1), self.today)
        self.assertAlmostEqual(figures["BS09"], self.valuation)
        self.assertAlmostEqual(figures["BS09"], balances["140500"])
        self.assertAlmostEqual(figures["BS24"], figures["BS47"])
        self.assertAlmostEqual(figures["BS24"], self.valuation)
        self.assertAlmostEqual(figures["BS27"], 40 * 25.0 + 10 * 31.5)
        # the goods delivered are the cost of sales, the goods in stock are not
        income = self.statement("income", self.today.replace(day=1), self.today)
        self.assertAlmostEqual(income["IS02"], 15 * 25.0)
        self.assertAlmostEqual(figures["BS45"], -15 * 25.0)
