from odoo.tests import HttpCase, tagged

from odoo.addons.retail_wholesale.tests.master_import_common import (
    CUSTOMER_HEADER,
    SUPPLIER_HEADER,
)
from odoo.addons.retail_wholesale.tests.setup_common import SetupCommon, xlsx
from odoo.addons.retail_wholesale.wizard.retail_opening_import import (
    BALANCE_COLUMNS,
    STOCK_COLUMNS,
)

PRODUCT_HEADER = [
    "商品编码",
    "商品名称",
    "商品分类",
    "品牌",
    "条码",
    "单位",
    "箱规",
    "零售价",
    "成本价",
    "主供应商",
    "保质期管理",
    "保质期天数",
]
FILES = {
    "go_live_suppliers.xlsx": (
        SUPPLIER_HEADER,
        [("江南茶厂", "S001", "陈经理", "0571-8888 0000", "杭州市", "", "", "", "")],
    ),
    "go_live_products.xlsx": (
        PRODUCT_HEADER,
        [
            (
                "G001",
                "Tour Green Tea 250g",
                "茶叶 / 绿茶",
                "西湖",
                "6920000000024",
                "盒",
                12,
                38,
                20,
                "江南茶厂",
                "否",
                None,
            ),
            (
                "G002",
                "Tour Milk 250ml",
                "食品 / 乳品",
                "光明",
                "6920000000031",
                "Units",
                24,
                6,
                3.5,
                "江南茶厂",
                "是",
                180,
            ),
        ],
    ),
    "go_live_customers.xlsx": (
        CUSTOMER_HEADER,
        [("Tour Wholesale Buyer", "C001", "", 50000, "刘总", "", "", "", "", "")],
    ),
    "go_live_stock.xlsx": (
        STOCK_COLUMNS,
        [
            ("HQ", "G001", "", None, 100, 20),
            ("XH", "G001", "", None, 30, 20),
            ("HQ", "G002", "L2501", "2027-03-31", 50, 3.5),
        ],
    ),
    "go_live_balances.xlsx": (
        BALANCE_COLUMNS,
        [
            ("1001", "库存现金", "", 500, None, ""),
            ("1002", "银行存款", "", 80000, None, ""),
            ("1122", "应收账款", "Tour Wholesale Buyer", 5000, None, ""),
            ("1405", "库存商品", "", 2775, None, ""),
            ("2202", "应付账款", "江南茶厂", None, 3000, ""),
            ("3001", "实收资本", "", None, 85275, ""),
        ],
    ),
}


@tagged("post_install", "-at_install")
class TestGoLiveTour(SetupCommon, HttpCase):
    """Going live from an empty company, in the browser: the head office administrator
    runs the setup assistant and imports the templates, the new cashier makes the
    first sale at the new till, the new store manager the first wholesale order; the
    balance sheet balances and shows the opening figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for name, (header, rows) in FILES.items():
            cls.env["ir.attachment"].create(
                {"name": name, "datas": xlsx(header, rows), "public": True}
            )
        cls.admin.password = "rw_hq_admin"  # noqa: S105

    def test_go_live(self):
        company = self.new_company
        self.start_tour(
            "/odoo/action-retail_wholesale.retail_setup_wizard_action",
            "retail_go_live_assistant_tour",
            login=self.admin.login,
        )
        self.assertEqual(company.chart_template, "cn")
        env = self.company_env()
        Users = env["res.users"]
        cashier = Users.search([("login", "=", "wangfang")])
        manager = Users.search([("login", "=", "zhaodian")])
        store = env["stock.warehouse"].search(
            [("company_id", "=", company.id), ("code", "=", "XH")]
        )
        self.assertEqual(cashier.retail_warehouse_ids, store)
        self.assertEqual(manager.retail_warehouse_ids, store)
        tea = env["product.product"].search([("default_code", "=", "G001")])
        self.assertEqual(tea.with_company(company).qty_available, 130)
        # kept in the shop's word for its unit
        self.assertEqual(tea.uom_id, self.env.ref("retail_wholesale.uom_he"))
        self.assertEqual(company.account_opening_move_id.state, "posted")

        # the core tour helpers click English labels
        (cashier | manager).lang = "en_US"
        till = env["pos.config"].search([("retail_warehouse_id", "=", store.id)])
        self.start_tour(
            f"/pos/ui?config_id={till.id}",
            "retail_go_live_till_tour",
            login="wangfang",
        )
        order = env["pos.order"].search([("config_id", "=", till.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual((order.state, order.amount_total), ("paid", 76))
        self.assertEqual(order.user_id, cashier)

        self.start_tour("/odoo", "retail_wholesale_order_tour", login="zhaodian")
        sale = env["sale.order"].search([("company_id", "=", company.id)])
        self.assertEqual(sale.state, "sale")
        self.assertEqual(sale.partner_id.name, "Tour Wholesale Buyer")
        self.assertEqual(sale.amount_total, 456)

        statement = env["retail.statement"].create(
            {"statement": "balance", "company_id": company.id}
        )
        statement.action_compute()
        figures = {r.code: r.amount_1 for r in statement.row_ids}
        # the opening figures at the end of the period; the till's takings are
        # booked when its session closes, the wholesale order is not delivered yet;
        # the cost of the 2 the till sold (at 20) leaves the stock when it is booked,
        # at the sale or at the session's closing: either way it is all that moved
        self.assertEqual(figures["BS01"], 80500)
        self.assertEqual(figures["BS04"], 5000)
        self.assertEqual(figures["BS27"], 3000)
        self.assertEqual(figures["BS42"], 85275)
        sold = 2775 - figures["BS09"]
        self.assertIn(sold, (0, 40))
        self.assertEqual(figures["BS45"], -sold)
        self.assertEqual(figures["BS24"], 88275 - sold)
        self.assertEqual(figures["BS24"], figures["BS47"])
