"""Load the demo chain 示例零售批发有限公司 into a database with the Retail & Wholesale addons.

The chain: a head office warehouse (总部仓) resupplying two stores (徐汇店, 浦东店), each store
with a till; 300+ products in groceries (tracked by lot with expiry dates), daily goods and
books (ISBN barcodes); 50+ customers (retail members and wholesale customers); 11 suppliers
with prices and lead times; role users; and 90 days of trading history (purchases and
receipts, wholesale orders with deliveries and invoices, replenishment of the stores, POS
sessions), simulated day by day so that every date (orders, moves, journal entries) is the
day it happened.

Run it with Odoo's Python, Odoo importable, on a database that has the addons installed
(retail_wholesale, retail_book, retail_pos_ext, retail_book_pos and retail_reports):

    python data/load_demo.py -d retail [Odoo options: --addons-path, --db_host, ...]

``bin/retail serve`` does this the first time it creates its database; Docker users run it
as documented in the README. It refuses to load twice.
"""

import argparse
import contextlib
import datetime as dt
import logging
import random
import sys
import time
import uuid
from collections import defaultdict

from demo_dealers import DealerDemo

from odoo import Command

_logger = logging.getLogger("retail.demo")

COMPANY_NAME = "示例零售批发有限公司"
LOGIN_NOTE = "each demo user's password is its login"

# (subcategory, shelf life in days or None when not tracked, brands, items)
# items: (name, spec, retail price)
FOOD = [
    (
        "粮油",
        365,
        ["金龙鱼", "福临门", "鲁花"],
        [
            ("东北大米", "5kg", 49.9),
            ("花生油", "5L", 139.9),
            ("调和油", "1.8L", 39.9),
            ("高筋面粉", "2.5kg", 22.8),
            ("鸡蛋挂面", "1kg", 12.9),
            ("玉米油", "5L", 89.9),
        ],
    ),
    (
        "乳制品",
        180,
        ["伊利", "蒙牛", "光明"],
        [
            ("纯牛奶", "250ml×24", 69.9),
            ("常温酸奶", "200g×12", 59.9),
            ("低脂牛奶", "1L", 16.8),
            ("全脂奶粉", "800g", 128.0),
            ("儿童成长奶", "190ml×15", 55.0),
            ("高钙牛奶", "250ml×12", 39.9),
        ],
    ),
    (
        "饮料",
        270,
        ["农夫山泉", "娃哈哈", "康师傅", "统一"],
        [
            ("饮用天然水", "550ml×24", 36.0),
            ("绿茶", "500ml×15", 45.0),
            ("冰红茶", "500ml×15", 45.0),
            ("橙汁", "1L", 12.8),
            ("苏打水", "410ml×15", 49.0),
            ("乌龙茶", "500ml×15", 52.0),
        ],
    ),
    (
        "休闲零食",
        240,
        ["旺旺", "三只松鼠", "良品铺子", "达利园"],
        [
            ("每日坚果", "750g", 99.0),
            ("苏打饼干", "400g", 15.9),
            ("原味薯片", "150g", 9.9),
            ("牛肉干", "200g", 45.0),
            ("蛋黄派", "460g", 19.9),
            ("仙贝", "520g", 25.8),
        ],
    ),
    (
        "方便食品",
        300,
        ["康师傅", "统一", "白象"],
        [
            ("红烧牛肉面", "5连包", 15.5),
            ("老坛酸菜面", "5连包", 15.5),
            ("香辣牛肉桶面", "12桶", 48.0),
            ("火腿肠", "30g×10", 12.0),
            ("鲜虾鱼板面", "5连包", 16.5),
            ("自热米饭", "375g", 19.9),
        ],
    ),
]
DAILY = [
    (
        "清洁用品",
        None,
        ["蓝月亮", "立白", "超能"],
        [
            ("深层洁净洗衣液", "3kg", 59.9),
            ("洗洁精", "1.5kg", 16.9),
            ("洗衣粉", "2.25kg", 29.9),
            ("衣物消毒液", "1L", 39.9),
            ("衣物柔顺剂", "2L", 32.9),
            ("地板清洁剂", "2kg", 28.9),
        ],
    ),
    (
        "个人护理",
        None,
        ["舒肤佳", "高露洁", "云南白药", "海飞丝", "飘柔"],
        [
            ("沐浴露", "720ml", 45.9),
            ("香皂", "100g×3", 15.9),
            ("牙膏", "180g", 24.9),
            ("软毛牙刷", "3支装", 19.9),
            ("洗发水", "750ml", 69.9),
            ("护发素", "400ml", 39.9),
        ],
    ),
    (
        "纸品",
        None,
        ["清风", "心相印", "维达"],
        [
            ("抽纸 3层", "100抽×24包", 49.9),
            ("卷纸", "10卷", 29.9),
            ("湿巾", "80片×3包", 25.9),
            ("厨房纸", "2卷", 12.9),
            ("手帕纸", "18包", 9.9),
            ("面巾纸", "130抽×6包", 19.9),
        ],
    ),
    (
        "家居百货",
        None,
        ["茶花", "双枪"],
        [
            ("收纳箱", "50L", 39.9),
            ("保鲜盒", "3件套", 29.9),
            ("竹筷子", "10双", 15.9),
            ("旋转拖把", "1套", 89.0),
            ("垃圾袋", "5卷", 12.9),
            ("衣架", "20只", 19.9),
        ],
    ),
]
# the addons the demo chain uses: its books are retail_book's, its tills retail_pos_ext's
# (with their books, retail_book_pos, which installs itself with both)
REQUIRED_ADDONS = (
    "retail_wholesale",
    "retail_book",
    "retail_pos_ext",
    "retail_book_pos",
    "retail_reports",
    "retail_member",
    "retail_promotion_pos",
    "retail_ordering",
)

# Books: (subcategory, publisher, ISBN registrant, title parts A, title parts B)
BOOKS = [
    (
        "文学",
        "东方文艺出版社",
        "5321",
        ["春天的", "远方的", "故乡的", "城市的", "夜晚的", "海边的"],
        ["来信", "故事", "河流", "花园", "灯火"],
    ),
    (
        "少儿",
        "华夏少年儿童出版社",
        "5390",
        ["小熊", "小狐狸", "恐龙", "星星", "海豚", "小兔"],
        ["历险记", "的一天", "去旅行", "找朋友", "学数学"],
    ),
    (
        "教辅",
        "新知教育出版社",
        "5444",
        ["小学数学", "小学语文", "初中英语", "初中物理", "高中化学", "高中数学"],
        ["同步练习", "单元测试", "知识清单", "课时作业", "期末冲刺"],
    ),
    (
        "经济管理",
        "启明经济出版社",
        "5115",
        ["零售", "批发", "门店", "供应链", "库存", "品牌"],
        ["管理实务", "运营指南", "数字化转型", "经营之道", "案例精选"],
    ),
]
BOOK_PRICES = [19.8, 25.0, 28.0, 32.0, 36.0, 39.8, 45.0, 49.0, 58.0, 68.0]
BOOK_AUTHORS = ["林晓", "陈思远", "王一鸣", "赵晴", "周文", "孙立", "李明华", "吴悦"]

SUPPLIERS = [
    ("上海粮油批发有限公司", ["粮油", "方便食品"], 3),
    ("华东乳业配送有限公司", ["乳制品"], 2),
    ("江南饮料批发中心", ["饮料"], 3),
    ("苏州休闲食品有限公司", ["休闲零食"], 5),
    ("杭州日化用品批发有限公司", ["清洁用品", "个人护理"], 5),
    ("浙江纸业贸易有限公司", ["纸品"], 4),
    ("义乌家居百货供应链有限公司", ["家居百货"], 7),
    ("东方文艺出版社", ["文学"], 10),
    ("华夏少年儿童出版社", ["少儿"], 10),
    ("新知教育出版社", ["教辅"], 12),
    ("启明经济出版社", ["经济管理"], 14),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "洋",
    "艳",
    "勇",
    "军",
    "杰",
    "娟",
]
WHOLESALE_CUSTOMERS = [
    "徐汇区好邻居便利店",
    "长宁区快客便利店",
    "静安区万家福超市",
    "闵行区联华社区超市",
    "浦东新区惠民超市",
    "宝山区百姓生活超市",
    "嘉定区德润便利连锁",
    "松江区乐购社区店",
    "青浦区鑫鑫副食品商行",
    "奉贤区旺佳超市",
    "虹口区新华路书店",
    "杨浦区大学城书店",
    "普陀区明德书苑",
    "黄浦区文汇图书批发部",
    "上海市实验学校",
    "上海育才中学",
    "苏州园区邻里中心超市",
    "昆山市好又多便利店",
    "嘉兴市万福超市",
    "杭州西湖区书香阁",
    "南通市百信超市",
    "无锡市惠山区供销社",
]

ROLE_USERS = [
    # login, name, role, stores (warehouse codes)
    ("hq_admin", "周敏", "hq_admin", []),
    ("buyer", "陈刚", "buyer", []),
    ("keeper", "刘强", "warehouse_keeper", ["HQ"]),
    ("accountant", "孙丽", "accountant", []),
    ("xh_manager", "张伟", "store_manager", ["XH"]),
    ("xh_cashier", "王芳", "cashier", ["XH"]),
    ("pd_manager", "李娜", "store_manager", ["PD"]),
    ("pd_cashier", "赵静", "cashier", ["PD"]),
]


def ean13(digits12):
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits12))
    return digits12 + str((10 - total % 10) % 10)


class DemoChain:
    def __init__(self, env, days, seed):
        self.env = env
        self.days = days
        self.rng = random.Random(seed)
        self.today = dt.date.today()
        self.start = self.today - dt.timedelta(days=days)
        self.counts = defaultdict(int)
        self.pos_sequence = 0

    # ------------------------------------------------------------------ helpers
    def at(self, day, hour=10, minute=0):
        """Move the simulated clock to a day and local (UTC+8) hour.

        One frozen clock is started for the whole load and moved, because entering
        freezegun costs a scan of every loaded module.
        """
        moment = dt.datetime.combine(day, dt.time(hour, minute)) - dt.timedelta(hours=8)
        self.clock.move_to(moment)
        return contextlib.nullcontext()

    def ref(self, xmlid):
        return self.env.ref(xmlid)

    # ------------------------------------------------------------------ set-up
    def load(self):
        env = self.env
        if env["res.company"].search_count([("name", "=", COMPANY_NAME)]):
            raise SystemExit(
                f"The demo chain {COMPANY_NAME} is already in this database."
            )
        missing = set(REQUIRED_ADDONS) - set(
            env["ir.module.module"]
            .search([("name", "in", REQUIRED_ADDONS), ("state", "=", "installed")])
            .mapped("name")
        )
        if missing:
            raise SystemExit(
                "The demo chain needs these addons installed: "
                + ", ".join(sorted(missing))
            )
        started = time.time()
        from freezegun import freeze_time

        freezer = freeze_time(self.start)
        self.clock = freezer.start()
        try:
            self._load()
        finally:
            freezer.stop()
        _logger.info(
            "demo chain loaded in %.0fs: %s",
            time.time() - started,
            ", ".join(f"{k}={v}" for k, v in sorted(self.counts.items())),
        )

    def _load(self):
        with self.at(self.start, 8):
            self.setup_company()
            self.setup_core_names()
            self.setup_settings()
            self.setup_warehouses()
            self.setup_users()
            self.setup_partners()
            self.setup_products()
            self.setup_pricelists()
            self.dealer_demo = DealerDemo(self)
            self.dealer_demo.setup()
            self.setup_loyalty()
            self.setup_pos()
            self.opening_inventory()
        # history: stock moves of the tills are made when each session closes (one picking
        # per session instead of one per order); the stores then run in real time
        self.company.point_of_sale_update_stock_quantities = "closing"
        self.simulate()
        self.company.point_of_sale_update_stock_quantities = "real"
        # credit limits (信用额度) of wholesale customers apply from today
        self.company.account_use_credit_limit = True
        for customer in self.wholesale_customers:
            customer.credit_limit = 80000.0
        with self.at(self.today - dt.timedelta(days=1), 18):
            self.stocktake_expiry_lots()
            self.setup_book_accessories()
            self.setup_member_levels()
            self.setup_stored_value()
        with self.at(self.today, 9):
            self.open_documents()
            self.promotions()
            self.dealer_demo.today()

    # names of core records that Odoo does not translate (a location's or a product
    # category's name is one text for every language): the chain works in Chinese
    CORE_NAMES = {
        "product.product_category_all": "全部",
        "stock.stock_location_locations": "实体位置",
        "stock.stock_location_locations_partner": "业务伙伴",
        "stock.stock_location_locations_virtual": "虚拟位置",
        "stock.stock_location_suppliers": "供应商",
        "stock.stock_location_customers": "客户",
        "stock.stock_location_inter_company": "公司间中转",
    }

    VIRTUAL_NAMES = {
        "Inventory adjustment": "库存调整",
        "Production": "生产",
        "Scrap": "报废",
    }

    def setup_core_names(self):
        for xmlid, name in self.CORE_NAMES.items():
            record = self.env.ref(xmlid, raise_if_not_found=False)
            if record:
                record.name = name
        virtual = self.env.ref("stock.stock_location_locations_virtual")
        for location in self.env["stock.location"].search(
            [("location_id", "=", virtual.id)]
        ):
            location.name = self.VIRTUAL_NAMES.get(location.name, location.name)
        # the company now works in Chinese: its journals' payment methods too
        self.env["res.lang"]._retail_load_core_terms()

    def setup_company(self):
        env = self.env
        company = self.company = env.company
        # China, CNY, the Chinese chart with prices tax included: as the setup assistant
        company._retail_setup_china()
        self.env = env = env(context=dict(env.context))
        self.company = company = env.company
        shanghai = env["res.country.state"].search(
            [("country_id", "=", self.ref("base.cn").id), ("code", "=", "SH")], limit=1
        )
        company.write(
            {
                "name": COMPANY_NAME,
                "state_id": shanghai.id,
                "city": "上海市",
                "street": "静安区南京西路 1266 号",
                "zip": "200040",
                "phone": "021-6288 0000",
                "email": "service@retail-demo.cn",
                "website": "https://retail-demo.cn",
            }
        )
        lang = env["res.lang"]._activate_lang("zh_CN")
        if not lang:
            raise SystemExit("Chinese (zh_CN) is not available in this Odoo.")
        env.user.partner_id.write(
            {"name": "系统管理员", "lang": "zh_CN", "tz": "Asia/Shanghai"}
        )
        company.partner_id.lang = "zh_CN"
        self.tax_sale_13 = self.ref(f"account.{company.id}_l10n_cn_sales_excluded_13")
        self.tax_sale_9 = self.ref(f"account.{company.id}_l10n_cn_sales_excluded_9")
        self.tax_buy_13 = self.ref(f"account.{company.id}_l10n_cn_purchase_excluded_13")
        self.tax_buy_9 = self.ref(f"account.{company.id}_l10n_cn_purchase_excluded_9")

    def setup_settings(self):
        self.env["res.config.settings"].create(
            {
                "group_stock_production_lot": True,
                "group_stock_multi_locations": True,
                "group_product_pricelist": True,
                "group_expiry_date_on_delivery_slip": True,
            }
        ).execute()
        self.env = self.env(context=dict(self.env.context))

    def setup_warehouses(self):
        Warehouse = self.env["stock.warehouse"]
        self.hq = Warehouse.search(
            [("company_id", "=", self.company.id)], order="id", limit=1
        )
        self.hq.write({"name": "总部仓", "code": "HQ", "retail_role": "hq"})
        self.stores = Warehouse.create(
            [
                {"name": "徐汇店", "code": "XH", "retail_role": "store"},
                {"name": "浦东店", "code": "PD", "retail_role": "store"},
            ]
        )
        self.stores.write({"resupply_wh_ids": [Command.set(self.hq.ids)]})
        self.warehouses = {w.code: w for w in self.hq | self.stores}

    def setup_users(self):
        groups = {
            role: self.ref(f"retail_wholesale.retail_wholesale_group_{role}")
            for role in {r[2] for r in ROLE_USERS}
        }
        self.users = {}
        for login, name, role, codes in ROLE_USERS:
            self.users[login] = (
                self.env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    {
                        "login": login,
                        "password": login,
                        "name": name,
                        "lang": "zh_CN",
                        "tz": "Asia/Shanghai",
                        "email": f"{login}@retail-demo.cn",
                        "groups_id": [Command.set(groups[role].ids)],
                        "retail_warehouse_ids": [
                            Command.set([self.warehouses[c].id for c in codes])
                        ],
                    }
                )
            )
            self.counts["users"] += 1

    def setup_partners(self):
        Partner = self.env["res.partner"]
        rng = self.rng
        self.suppliers = {}
        for name, categories, lead_time in SUPPLIERS:
            supplier = Partner.create(
                {
                    "name": name,
                    "is_company": True,
                    "supplier_rank": 1,
                    "lang": "zh_CN",
                    "city": "上海市",
                    "phone": f"021-{rng.randint(5000, 6999)} {rng.randint(1000, 9999)}",
                }
            )
            for categ in categories:
                self.suppliers[categ] = (supplier, lead_time)
            self.counts["suppliers"] += 1
        self.wholesale_customers = Partner.create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "customer_rank": 1,
                    "lang": "zh_CN",
                    "city": name[:3] if "市" in name[:3] else "上海市",
                    "phone": f"021-{rng.randint(3000, 6999)} {rng.randint(1000, 9999)}",
                }
                for name in WHOLESALE_CUSTOMERS
            ]
        )
        names = set()
        while len(names) < 30:
            names.add(
                rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", *GIVEN])
            )
        self.members = Partner.create(
            [
                {
                    "name": name,
                    "customer_rank": 1,
                    "lang": "zh_CN",
                    "mobile": f"13{rng.randint(0, 9)}{index:08d}",
                    "ref": f"VIP{10001 + index}",
                }
                for index, name in enumerate(sorted(names))
            ]
        )
        self.counts["customers"] = len(self.wholesale_customers) + len(self.members)

    def setup_products(self):
        env = self.env
        Category = env["product.category"]
        fefo = env["product.removal"].search([("method", "=", "fefo")], limit=1)
        all_categ = self.ref("product.product_category_all")
        brands = {}

        def brand(name):
            if name not in brands:
                brands[name] = env["retail.brand"].create({"name": name})
            return brands[name]

        def category(parent_name, name, tracked):
            parent = Category.search(
                [("name", "=", parent_name), ("parent_id", "=", all_categ.id)]
            )
            if not parent:
                parent = Category.create(
                    {
                        "name": parent_name,
                        "parent_id": all_categ.id,
                        "property_cost_method": "average",
                        "property_valuation": "real_time",
                    }
                )
            values = {
                "name": name,
                "parent_id": parent.id,
                "property_cost_method": "average",
                "property_valuation": "real_time",
            }
            if tracked:
                values["removal_strategy_id"] = fefo.id
            return Category.create(values)

        vals_list = []
        self.categories = {}
        for root, groups in (("食品", FOOD), ("日用百货", DAILY)):
            for sub, shelf_life, brand_names, items in groups:
                categ = self.categories[sub] = category(root, sub, shelf_life)
                supplier, lead_time = self.suppliers[sub]
                for b_index, brand_name in enumerate(brand_names):
                    for i_index, (item, spec, price) in enumerate(items):
                        cost = round(price * self.rng.uniform(0.62, 0.78), 2)
                        code = f"{len(self.categories):02d}{b_index}{i_index}"
                        barcode = ean13(
                            f"6920{len(self.categories):02d}{b_index:02d}{i_index:02d}00"
                        )
                        values = {
                            "name": f"{brand_name} {item} {spec}",
                            "default_code": f"G{code}",
                            "barcode": barcode,
                            "categ_id": categ.id,
                            "retail_brand_id": brand(brand_name).id,
                            "is_storable": True,
                            "list_price": price,
                            "standard_price": cost,
                            "taxes_id": [Command.set(self.tax_sale_13.ids)],
                            "supplier_taxes_id": [Command.set(self.tax_buy_13.ids)],
                            "available_in_pos": True,
                            "seller_ids": [
                                Command.create(
                                    {
                                        "partner_id": supplier.id,
                                        "price": cost,
                                        "delay": lead_time,
                                        "min_qty": 12,
                                    },
                                )
                            ],
                        }
                        if shelf_life:
                            values.update(
                                tracking="lot",
                                use_expiration_date=True,
                                expiration_time=shelf_life,
                                # days before the expiry date: best before 30
                                # days, off the shelves 7 days before it
                                use_time=30,
                                removal_time=7,
                                alert_time=30,
                            )
                        vals_list.append(values)
        for sub, publisher, registrant, part_a, part_b in BOOKS:
            categ = self.categories[sub] = category("图书", sub, False)
            supplier, lead_time = self.suppliers[sub]
            number = 0
            for a in part_a:
                for b in part_b:
                    number += 1
                    price = self.rng.choice(BOOK_PRICES)
                    isbn = ean13(f"9787{registrant}{number:04d}")
                    # 件/包/本: exercise books in bundles of 20, 5 bundles a case
                    bundle, case = (20, 5) if sub == "教辅" else (10, 4)
                    vals_list.append(
                        {
                            "name": f"{a}{b}",
                            "default_code": f"B{registrant}{number:04d}",
                            "barcode": isbn,
                            "retail_isbn": isbn,
                            "retail_cover_price": price,
                            "retail_author": BOOK_AUTHORS[number % len(BOOK_AUTHORS)],
                            "retail_publisher": publisher,
                            "retail_edition": "第1版",
                            "retail_publication_date": dt.date(
                                2019 + number % 6, 1 + number % 12, 1
                            ),
                            "retail_bundle_qty": bundle,
                            "retail_case_bundles": case,
                            "categ_id": categ.id,
                            "retail_brand_id": brand(publisher).id,
                            "is_storable": True,
                            "list_price": price,
                            "standard_price": round(price * 0.55, 2),
                            "taxes_id": [Command.set(self.tax_sale_9.ids)],
                            "supplier_taxes_id": [Command.set(self.tax_buy_9.ids)],
                            "available_in_pos": True,
                            "seller_ids": [
                                Command.create(
                                    {
                                        "partner_id": supplier.id,
                                        "price": round(price * 0.55, 2),
                                        "delay": lead_time,
                                        "min_qty": 10,
                                    },
                                )
                            ],
                        }
                    )
        templates = env["product.template"].create(vals_list)
        self.products = templates.product_variant_ids
        self.tracked = self.products.filtered(lambda p: p.tracking == "lot")
        self.books = self.products.filtered(lambda p: p.default_code.startswith("B"))
        self.goods = self.products - self.books
        self.counts["products"] = len(self.products)
        self.counts["brands"] = len(brands)

    def _pricelist(self, name, book_discount, other_discount, tiers=()):
        """A pricelist: a discount off the list price for books and for the rest, plus
        quantity breaks (min quantity, extra discount) on the rest."""
        book_root = self.categories["文学"].parent_id
        items = [
            Command.create(
                {
                    "applied_on": "2_product_category",
                    "categ_id": book_root.id,
                    "compute_price": "percentage",
                    "percent_price": book_discount,
                }
            )
        ]
        for min_qty, discount in tiers:
            items.append(
                Command.create(
                    {
                        "applied_on": "3_global",
                        "min_quantity": min_qty,
                        "compute_price": "percentage",
                        "percent_price": discount,
                    }
                )
            )
        items.append(
            Command.create(
                {
                    "applied_on": "3_global",
                    "compute_price": "percentage",
                    "percent_price": other_discount,
                }
            )
        )
        return self.env["product.pricelist"].create(
            {
                "name": name,
                "currency_id": self.company.currency_id.id,
                "item_ids": items,
            }
        )

    def setup_pricelists(self):
        """Customer grades (客户等级) on pricelists, sales channels and wholesale rules."""
        env = self.env
        self.retail_pricelist = env["product.pricelist"].search(
            [("company_id", "in", [False, self.company.id])], limit=1
        )
        self.retail_pricelist.write(
            {"name": "零售价", "currency_id": self.company.currency_id.id}
        )
        # 批发一级: 6.5折 on books, 12% off the rest, 15% off from 120 units (阶梯价)
        self.wholesale_pricelist = self._pricelist("批发价", 35.0, 12.0, [(120, 15.0)])
        tier2 = self._pricelist("批发二级价", 30.0, 8.0)
        vip = self._pricelist("会员价", 5.0, 5.0)
        franchise = self._pricelist("门店拿货价", 40.0, 18.0)
        # the trade's pricelists: flash sales and promotions for shoppers skip them
        (self.wholesale_pricelist | tier2 | franchise).retail_trade = True
        Grade = env["retail.customer.grade"]
        grades = {
            code: Grade.create(
                {"name": name, "code": code, "sequence": seq, "pricelist_id": pl.id}
            )
            for seq, (code, name, pl) in enumerate(
                [
                    ("R", "零售", self.retail_pricelist),
                    ("W1", "批发一级", self.wholesale_pricelist),
                    ("W2", "批发二级", tier2),
                    ("VIP", "VIP", vip),
                    ("F", "加盟店", franchise),
                ]
            )
        }
        self.counts["customer grades"] = len(grades)
        for index, customer in enumerate(self.wholesale_customers):
            customer.retail_grade_id = grades["W2" if index % 3 == 2 else "W1"]
        self.members[:10].write({"retail_grade_id": grades["VIP"].id})
        for code, pricelist in (
            ("RETAIL", self.retail_pricelist),
            ("WHOLESALE", self.wholesale_pricelist),
            ("STORE", franchise),
        ):
            env["retail.channel"].search(
                [("code", "=", code), ("company_id", "=", self.company.id)]
            ).pricelist_id = pricelist
        # 整件起批: groceries sell to wholesale by cases of 6; never below cost + 5 %
        for product in self.goods:
            product.product_tmpl_id.write(
                {
                    "retail_min_qty": 6,
                    "retail_pack_qty": 6,
                    "retail_floor_price": round(product.standard_price * 1.05, 2),
                }
            )
        for product in self.books:
            product.product_tmpl_id.retail_floor_price = round(
                product.standard_price * 1.05, 2
            )

    def setup_member_levels(self):
        """会员等级 from yesterday on, once the history is made (its prices stay those of
        the day): 普通会员 for every member, 银卡 and the VIP grade as the top level; the
        nightly review then moves each member to the level their spend or points reach."""
        Grade = self.env["retail.customer.grade"]
        vip = Grade.search(
            [("code", "=", "VIP"), ("company_id", "=", self.company.id)], limit=1
        )
        basic, silver = Grade.create(
            [
                {
                    "name": "普通会员",
                    "code": "M0",
                    "sequence": 3,
                    "pricelist_id": self.retail_pricelist.id,
                    "retail_member_level": True,
                },
                {
                    "name": "银卡会员",
                    "code": "M1",
                    "sequence": 4,
                    "pricelist_id": self._pricelist("银卡会员价", 2.0, 2.0).id,
                    "retail_member_level": True,
                    "retail_level_spend": 1500.0,
                    "retail_level_points": 1500.0,
                },
            ]
        )
        vip.write(
            {
                "retail_member_level": True,
                "retail_level_spend": 6000.0,
                "retail_level_points": 2800.0,
            }
        )
        self.members[10:].write({"retail_grade_id": basic.id})
        # 生日礼: a coupon of 20 yuan off for 银卡 and VIP members; every third member was
        # born this month
        birthday = self.env["loyalty.program"].create(
            {
                "name": "生日礼券",
                "program_type": "coupons",
                "applies_on": "current",
                "trigger": "with_code",
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount": 20,
                            "discount_mode": "per_order",
                            "required_points": 1,
                            "description": "生日礼券 减20元",
                        }
                    )
                ],
            }
        )
        (silver | vip).retail_birthday_program_id = birthday
        rng = random.Random(
            520
        )  # its own: the chain's other random figures stay as they were
        for index, member in enumerate(self.members):
            month = self.today.month if index % 3 == 0 else rng.randint(1, 12)
            member.retail_birthday = dt.date(
                rng.randint(1960, 2004), month, rng.randint(1, 28)
            )
        self.env["res.partner"]._retail_cron_review_member_levels()
        self.env["retail.member.birthday"]._cron_issue_coupons()
        self.counts["member levels"] = 3
        # 电子会员卡: every member's card number (their barcode, scanned at the tills)
        self.env["retail.member.card"]._ensure_codes(self.members)

    def setup_stored_value(self):
        """储值卡: eight members topped up their card at head office (invoiced, paid by
        bank transfer) with the chain's top-up bonuses (充1000送100, 充2000送300): the
        预收账款 (2203) holds what their cards hold but the bonus."""
        self.env["retail.stored.value.bonus"].create(
            [
                {"name": "充1000送100", "amount_min": 1000.0, "bonus": 100.0},
                {"name": "充2000送300", "amount_min": 2000.0, "bonus": 300.0},
            ]
        )
        program = self.company.retail_stored_value_program_id
        top_up = program.trigger_product_ids[:1]
        amounts = (500.0, 1000.0, 2000.0, 300.0, 1000.0, 500.0, 800.0, 1500.0)
        invoices = self.env["account.move"]
        for member, amount in zip(self.members[: len(amounts)], amounts, strict=True):
            order = self.env["sale.order"].create(
                {
                    "partner_id": member.id,
                    "order_line": [
                        Command.create({"product_id": top_up.id, "price_unit": amount})
                    ],
                }
            )
            order.action_confirm()
            invoices |= order._create_invoices()
        invoices.action_post()
        self.pay(invoices, self.today - dt.timedelta(days=1))
        self.counts["stored value cards"] = len(amounts)

    def setup_loyalty(self):
        program = self.env["loyalty.program"].create(
            {
                "name": "会员积分",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "portal_visible": True,
                "portal_point_name": "积分",
                "rule_ids": [
                    Command.create(
                        {"reward_point_mode": "money", "reward_point_amount": 1}
                    )
                ],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount": 10,
                            "discount_mode": "per_order",
                            "required_points": 1000,
                        },
                    )
                ],
            }
        )
        self.env["loyalty.card"].create(
            [
                {
                    "program_id": program.id,
                    "partner_id": member.id,
                    "code": member.ref,
                    "points": self.rng.randint(0, 3000),
                }
                for member in self.members
            ]
        )
        self.counts["member cards"] = len(self.members)

    def setup_pos(self):
        env = self.env
        Journal = env["account.journal"]
        bank = Journal.search(
            [("type", "=", "bank"), ("company_id", "=", self.company.id)], limit=1
        )
        shared_methods = env["pos.payment.method"]
        for name, code in (("微信支付", "WXP"), ("支付宝", "ALP")):
            journal = Journal.create({"name": name, "code": code, "type": "bank"})
            shared_methods |= env["pos.payment.method"].create(
                {"name": name, "journal_id": journal.id}
            )
        shared_methods |= env["pos.payment.method"].create(
            {"name": "银联卡", "journal_id": bank.id}
        )
        # what each method is (retail_pos_ext): WeChat Pay and Alipay payments ask the
        # cashier for the payer's transaction reference
        kinds = {"微信支付": "wechat", "支付宝": "alipay", "银联卡": "unionpay"}
        for method in shared_methods:
            method.retail_payment_kind = kinds[method.name]
        self.pos_configs = {}
        for store in self.stores:
            cash_journal = Journal.create(
                {"name": f"{store.name}现金", "code": f"C{store.code}", "type": "cash"}
            )
            cash = env["pos.payment.method"].create(
                {"name": "现金", "journal_id": cash_journal.id, "is_cash_count": True}
            )
            config = env["pos.config"].create(
                {
                    "name": f"{store.name}收银台",
                    "picking_type_id": store.pos_type_id.id,
                    "payment_method_ids": [Command.set((cash | shared_methods).ids)],
                    "pricelist_id": self.retail_pricelist.id,
                    "available_pricelist_ids": [Command.set(self.retail_pricelist.ids)],
                    "receipt_header": "欢迎光临 · 示例零售",
                    "receipt_footer": "谢谢惠顾，欢迎再次光临！",
                }
            )
            self.pos_configs[store.code] = (config, cash, shared_methods)
        self.counts["pos"] = len(self.pos_configs)

    # ------------------------------------------------------------------ stock
    def _apply_quants(self, rows):
        """rows: (product, location, quantity, lot or None) applied as one inventory."""
        Quant = self.env["stock.quant"].with_context(inventory_mode=True)
        quants = Quant.create(
            [
                {
                    "product_id": product.id,
                    "location_id": location.id,
                    "inventory_quantity": qty,
                    "lot_id": lot.id if lot else False,
                }
                for product, location, qty, lot in rows
            ]
        )
        quants.action_apply_inventory()

    def _lot(self, product, name, expiry):
        return self.env["stock.lot"].create(
            {
                "product_id": product.id,
                "name": name,
                "expiration_date": dt.datetime.combine(expiry, dt.time(16)),
            }
        )

    def _count_accounts(self, code):
        """Stock counted in or out of the company's inventory adjustment locations is
        posted against the account of ``code``: 3001 实收资本 for the opening stock (the
        owners' contribution in kind), 1901 待处理财产损溢 for what later counts find
        (盘盈盘亏, cleared by the accountant) — not against the stock interim accounts,
        which the statements count as the change in inventories (cost of sales)."""
        account = self.env["account.account"].search(
            [("code", "=", code), ("company_ids", "in", self.company.ids)], limit=1
        )
        assert account, f"account {code} of the Chinese chart"
        self.env["stock.location"].search(
            [
                ("usage", "=", "inventory"),
                ("company_id", "in", [self.company.id, False]),
            ]
        ).write(
            {
                "valuation_in_account_id": account.id,
                "valuation_out_account_id": account.id,
            }
        )

    def opening_inventory(self):
        self._count_accounts("300100")
        self._opening_inventory()
        self._count_accounts("190100")

    def _opening_inventory(self):
        rng = self.rng
        rows = []
        for product in self.products:
            for warehouse, (low, high) in (
                (self.hq, (200, 500)),
                (self.stores[0], (20, 60)),
                (self.stores[1], (20, 60)),
            ):
                qty = rng.randint(low, high)
                lot = None
                if product.tracking == "lot":
                    expiry = self.start + dt.timedelta(
                        days=product.expiration_time - rng.randint(20, 60)
                    )
                    lot = self._lot(
                        product,
                        f"{product.default_code}-{warehouse.code}-{self.start:%y%m%d}",
                        expiry,
                    )
                rows.append((product, warehouse.lot_stock_id, qty, lot))
        self._apply_quants(rows)
        self.counts["opening quants"] = len(rows)

    def setup_book_accessories(self):
        """配件: the English exercise books come with a CD (随书光盘), one per copy."""
        cd = self.env["product.product"].create(
            {
                "name": "随书光盘",
                "default_code": "A0001",
                "categ_id": self.categories["教辅"].parent_id.id,
                "is_storable": True,
                "list_price": 0.0,
                "standard_price": 1.5,
                "taxes_id": [Command.set(self.tax_sale_9.ids)],
                "supplier_taxes_id": [Command.set(self.tax_buy_9.ids)],
            }
        )
        books = self.books.filtered(lambda p: "英语" in p.name)[:2]
        books.product_tmpl_id.write(
            {"retail_accessory_ids": [Command.create({"product_id": cd.id})]}
        )
        self._apply_quants(
            [(cd, wh.lot_stock_id, 200, None) for wh in (self.hq, *self.stores)]
        )
        self.counts["book accessories"] = len(books)

    def stocktake_expiry_lots(self):
        """Lots found at the last count: some expired, some close to expiry."""
        rng = self.rng
        rows = []
        offsets = [-20, -9, -3, 3, 6, 12, 25, 45, 80]
        for index, product in enumerate(self.tracked.sorted("default_code")[:45]):
            warehouse = (self.hq | self.stores)[index % 3]
            days_left = offsets[index % len(offsets)]
            lot = self._lot(
                product,
                f"{product.default_code}-{warehouse.code}-C{index:03d}",
                self.today + dt.timedelta(days=days_left),
            )
            rows.append((product, warehouse.lot_stock_id, rng.randint(6, 40), lot))
        self._apply_quants(rows)
        self.counts["expiry lots"] = len(rows)

    def validate(self, picking):
        """Validate what is available of a picking, without backorder."""
        picking.action_assign()
        if not any(m.quantity for m in picking.move_ids):
            picking.action_cancel()
            return False
        for move in picking.move_ids:
            move.picked = bool(move.quantity)
        picking.with_context(
            skip_backorder=True,
            picking_ids_not_to_backorder=picking.ids,
            skip_expired=True,
            skip_sms=True,
        ).button_validate()
        return picking.state == "done"

    def receive(self, picking, day):
        for move in picking.move_ids:
            if move.product_id.tracking == "lot":
                lot = self._lot(
                    move.product_id,
                    f"{move.product_id.default_code}-{day:%y%m%d}",
                    day + dt.timedelta(days=move.product_id.expiration_time),
                )
                move.move_line_ids.unlink()
                self.env["stock.move.line"].create(
                    {
                        "move_id": move.id,
                        "picking_id": picking.id,
                        "product_id": move.product_id.id,
                        "product_uom_id": move.product_uom.id,
                        "location_id": move.location_id.id,
                        "location_dest_id": move.location_dest_id.id,
                        "lot_id": lot.id,
                        "quantity": move.product_uom_qty,
                    }
                )
            else:
                move.quantity = move.product_uom_qty
            move.picked = True
        picking.with_context(skip_backorder=True, skip_sms=True).button_validate()

    def pay(self, moves, day):
        if not moves:
            return
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=moves.ids
        ).create({"payment_date": day, "group_payment": False}).action_create_payments()
        self.counts["payments"] += len(moves)

    # ------------------------------------------------------------------ history
    def simulate(self):
        rng = self.rng
        receipts = defaultdict(list)  # day -> purchase orders to receive
        payments = defaultdict(lambda: self.env["account.move"])
        supplier_cycle = list({s.id: s for s, _lt in self.suppliers.values()}.values())
        products_by_supplier = defaultdict(lambda: self.env["product.product"])
        for product in self.products:
            products_by_supplier[product.seller_ids[:1].partner_id.id] |= product
        sessions = {}
        yesterday = self.today - dt.timedelta(days=1)
        for offset in range(self.days):
            day = self.start + dt.timedelta(days=offset)
            # purchases: one supplier every other day, received after its lead time
            if offset % 2 == 0:
                supplier = supplier_cycle[(offset // 2) % len(supplier_cycle)]
                with self.at(day, 9):
                    order = self.purchase(supplier, products_by_supplier[supplier.id])
                lead = order.order_line[:1].product_id.seller_ids[:1].delay or 3
                receipts[min(day + dt.timedelta(days=lead), yesterday)].append(order)
            for order in receipts.pop(day, []):
                with self.at(day, 11):
                    for picking in order.picking_ids.filtered(
                        lambda p: p.state not in ("done", "cancel")
                    ):
                        self.receive(picking, day)
                    order.action_create_invoice()
                    bill = order.invoice_ids
                    bill.invoice_date = day
                    bill.action_post()
                    self.counts["vendor bills"] += 1
                    if rng.random() < 0.6:
                        payments[day + dt.timedelta(days=rng.randint(20, 45))] |= bill
            # wholesale orders from head office
            for _index in range(rng.choice([0, 1, 1, 2, 2])):
                with self.at(day, rng.randint(9, 16), rng.randint(0, 59)):
                    invoice = self.wholesale_order()
                if invoice and rng.random() < 0.7:
                    payments[day + dt.timedelta(days=rng.randint(7, 40))] |= invoice
            self.dealer_day(offset, day, payments)
            # weekly replenishment of the stores from head office
            if offset % 7 == 3:
                with self.at(day, 8):
                    self.replenish_stores()
                self.analyze()
            # the tills: a session a week per store
            for code, (config, cash, others) in self.pos_configs.items():
                if offset % 7 == 0:
                    with self.at(day, 8, 30):
                        if code in sessions:
                            self.close_session(sessions.pop(code))
                        sessions[code] = self.open_session(config, code)
                with self.at(day, 21, 30):
                    self.pos_orders(day, sessions[code], cash, others)
            self.progress(offset, day)
            due = payments.pop(day, None)
            if due:
                with self.at(day, 15):
                    due = due.filtered(lambda m: m.payment_state == "not_paid")
                    for move_type in ("out_invoice", "in_invoice"):
                        self.pay(
                            due.filtered(lambda m, t=move_type: m.move_type == t), day
                        )
        with self.at(yesterday, 22):
            for session in sessions.values():
                self.close_session(session)

    def progress(self, offset, day):
        """Each simulated week, on the output of whoever waits for the load."""
        if offset % 7 == 6 or offset == self.days - 1:
            sys.stdout.write(
                f"demo chain: week {offset // 7 + 1}/{(self.days + 6) // 7} "
                f"simulated (to {day})\n"
            )
            sys.stdout.flush()

    def dealer_day(self, offset, day, payments):
        """Dealers and franchise stores order on the portal (订货平台), one every 3 days;
        most pay within a month."""
        if offset % 3 != 1:
            return
        with self.at(day, 10, 30):
            invoice = self.dealer_demo.order(offset // 3)
        if invoice and self.rng.random() < 0.8:
            payments[day + dt.timedelta(days=self.rng.randint(10, 30))] |= invoice

    def analyze(self):
        """Refresh the planner's statistics of the tables the history fills.

        The whole chain is loaded in one transaction, which autovacuum cannot see: without
        this, PostgreSQL plans the accounting and stock queries for the near-empty tables
        of the fresh database, and some of them slow down by orders of magnitude.
        ANALYZE inside the transaction samples its own rows."""
        self.env.flush_all()
        self.env.cr.execute(
            "ANALYZE account_move, account_move_line, account_partial_reconcile, "
            "account_payment, stock_move, stock_move_line, stock_quant, stock_picking, "
            "sale_order, sale_order_line, purchase_order_line, pos_order, pos_order_line, "
            "pos_payment"
        )

    def purchase(self, supplier, products):
        rng = self.rng
        lines = rng.sample(list(products), min(len(products), rng.randint(6, 12)))
        order = self.env["purchase.order"].create(
            {
                "partner_id": supplier.id,
                "user_id": self.users["buyer"].id,
                "picking_type_id": self.hq.in_type_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": p.id,
                            "product_qty": rng.choice([24, 36, 48, 60, 96]),
                        },
                    )
                    for p in lines
                ],
            }
        )
        order.button_confirm()
        self.counts["purchase orders"] += 1
        return order

    def wholesale_order(self):
        rng = self.rng
        customer = rng.choice(self.wholesale_customers)
        is_bookshop = "书" in customer.name or "学" in customer.name
        pool = self.books if is_bookshop else self.goods
        products = rng.sample(list(pool), rng.randint(3, 8))
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": self.users["hq_admin"].id,
                "warehouse_id": self.hq.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": p.id,
                            "product_uom_qty": rng.choice([6, 12, 24, 36]),
                        },
                    )
                    for p in products
                ],
            }
        )
        order.action_confirm()
        self.counts["sale orders"] += 1
        delivered = False
        for picking in order.picking_ids:
            delivered |= self.validate(picking)
        if not delivered:
            return None
        invoice = order._create_invoices()
        invoice.action_post()
        self.counts["customer invoices"] += 1
        return invoice

    def replenish_stores(self):
        env = self.env
        procurements = []
        for store in self.stores:
            group = env["procurement.group"].create({"name": f"补货 {store.code}"})
            quants = env["stock.quant"]._read_group(
                [("location_id", "child_of", store.lot_stock_id.id)],
                ["product_id"],
                ["quantity:sum"],
            )
            low = [product for product, qty in quants if qty < 25]
            for product in low[:60]:
                procurements.append(
                    env["procurement.group"].Procurement(
                        product,
                        40,
                        product.uom_id,
                        store.lot_stock_id,
                        product.display_name,
                        group.name,
                        self.company,
                        {
                            "warehouse_id": store,
                            "group_id": group,
                            "route_ids": store.resupply_route_ids,
                        },
                    )
                )
        if not procurements:
            return
        env["procurement.group"].run(procurements)
        groups = {p.values["group_id"] for p in procurements}
        pickings = env["stock.picking"].search(
            [("group_id", "in", [g.id for g in groups])], order="id"
        )
        for picking in pickings:  # head office delivery first, then the store receipt
            self.validate(picking)
        self.counts["replenishment transfers"] += len(pickings)

    def open_session(self, config, code):
        manager = self.users[f"{code.lower()}_manager"]
        config.with_user(manager).sudo().open_ui()
        session = config.current_session_id
        session.set_opening_control(0, None)
        session.user_id = self.users[f"{code.lower()}_cashier"]
        return session

    def close_session(self, session):
        cash_method = session.payment_method_ids.filtered("is_cash_count")[:1]
        cash = sum(
            session.order_ids.payment_ids.filtered(
                lambda p: p.payment_method_id == cash_method
            ).mapped("amount")
        )
        session.post_closing_cash_details(cash)
        result = session.close_session_from_ui()
        if not result.get("successful", True):
            raise RuntimeError(f"closing {session.name}: {result}")
        self.counts["pos sessions"] += 1

    def pos_orders(self, day, session, cash, others):
        """A day of a till, synchronised in one call as the web POS does after a
        connection loss."""
        rng = self.rng
        orders = []
        for _index in range(rng.randint(2, 6)):
            moment = dt.datetime.combine(
                day, dt.time(rng.randint(9, 20), rng.randint(0, 59))
            ) - dt.timedelta(hours=8)
            orders.append(self._pos_order_data(session, cash, others, moment))
        self.env["pos.order"].with_user(session.user_id).sudo().sync_from_ui(orders)
        self.counts["pos orders"] += len(orders)

    def _pos_order_data(self, session, cash, others, moment):
        rng = self.rng
        products = rng.sample(list(self.products), rng.randint(1, 5))
        member = rng.choice(self.members) if rng.random() < 0.35 else None
        lines = []
        for product in products:
            qty = rng.choice([1, 1, 1, 2, 3])
            price = product.lst_price
            taxes = product.taxes_id.compute_all(price, session.currency_id, qty)
            lines.append(
                Command.create(
                    {
                        "product_id": product.id,
                        "qty": qty,
                        "price_unit": price,
                        "discount": 0,
                        "price_subtotal": taxes["total_excluded"],
                        "price_subtotal_incl": taxes["total_included"],
                        "tax_ids": [Command.set(product.taxes_id.ids)],
                        "pack_lot_ids": [],
                    }
                )
            )
        total = round(sum(line[2]["price_subtotal_incl"] for line in lines), 2)
        untaxed = sum(line[2]["price_subtotal"] for line in lines)
        method = cash if rng.random() < 0.3 else rng.choice(others)
        order_uuid = str(uuid.UUID(int=rng.getrandbits(128)))
        self.pos_sequence += 1
        stamp = moment.strftime("%Y-%m-%d %H:%M:%S")
        return {
            "uuid": order_uuid,
            "name": f"Order {order_uuid}",
            "session_id": session.id,
            "sequence_number": self.pos_sequence,
            "date_order": stamp,
            "user_id": session.user_id.id,
            "partner_id": member.id if member else False,
            "pricelist_id": session.config_id.pricelist_id.id,
            "fiscal_position_id": False,
            "lines": lines,
            "payment_ids": [
                Command.create(
                    {
                        "amount": total,
                        "payment_date": stamp,
                        "payment_method_id": method.id,
                    }
                )
            ],
            "amount_paid": total,
            "amount_total": total,
            "amount_tax": total - untaxed,
            "amount_return": 0,
            "to_invoice": False,
            "last_order_preparation_change": "{}",
            "state": "paid",
        }

    def promotions(self):
        """营销活动 running this week at 浦东店's till: 满减 in two tiers, 满199赠, 买二送一,
        a publisher's books at 8折, and a coupon of 20 off from 100 issued to the 银卡 and
        VIP members (tills only: the wholesale orders keep their prices). The books'
        8折 does not stack with the others; the member price lists are member prices."""
        config = self.pos_configs["PD"][0]
        store = config.picking_type_id.warehouse_id
        goods = self.goods.filtered(lambda p: p.tracking == "none").sorted(
            lambda p: (p.lst_price, p.default_code)
        )
        gift, pair = goods[0], goods[len(goods) // 2]
        flash_brand = self.books[0].retail_brand_id
        brand = (self.books.retail_brand_id - flash_brand)[:1]
        members = self.env["retail.customer.grade"].search(
            [("code", "in", ("M1", "VIP")), ("company_id", "=", self.company.id)]
        )
        common = {
            "date_start": self.today,
            "date_end": self.today + dt.timedelta(days=6),
            "warehouse_ids": [Command.set(store.ids)],
        }
        members.pricelist_id.retail_member_price = True
        promotions = self.env["retail.promotion"].create(
            [
                {
                    **common,
                    "name": "满100减10 满200减30",
                    "tier_ids": [
                        Command.create({"threshold": 100.0, "discount": 10.0}),
                        Command.create({"threshold": 200.0, "discount": 30.0}),
                    ],
                },
                {
                    **common,
                    "name": f"满199赠{gift.name}",
                    "promotion_type": "gift",
                    "tier_ids": [
                        Command.create({"threshold": 199.0, "gift_product_id": gift.id})
                    ],
                },
                {
                    **common,
                    "name": f"{pair.name} 买二送一",
                    "promotion_type": "buy_get",
                    "product_ids": [Command.set(pair.ids)],
                    "buy_qty": 2,
                    "free_qty": 1,
                },
                {
                    **common,
                    "name": f"{brand.name} 图书8折",
                    "promotion_type": "discount",
                    "brand_ids": [Command.set(brand.ids)],
                    "discount_percent": 20.0,
                    # 不与其他活动同享: first by priority, it alone when the order has
                    # the publisher's books
                    "stack_ok": False,
                    "priority": 20,
                },
                {
                    **common,
                    "name": "会员券 满100减20",
                    "promotion_type": "coupon",
                    "coupon_discount": 20.0,
                    "coupon_threshold": 100.0,
                    "grade_ids": [Command.set(members.ids)],
                },
            ]
        )
        promotions[-1].action_issue_coupons()
        self.counts["promotions"] = len(promotions)
        # 抽奖 among the last week's orders of 100 or more at 浦东店, to draw
        self.env["retail.promotion.lottery"].create(
            {
                "name": "周末购物抽奖",
                "date_from": self.today - dt.timedelta(days=7),
                "date_to": self.today - dt.timedelta(days=1),
                "warehouse_ids": [Command.set(store.ids)],
                "min_amount": 100.0,
                "winner_count": 3,
                "prize": "100元购物卡",
            }
        )

    def open_documents(self):
        """Today's open work: quotations, an order to ship and a purchase to receive."""
        rng = self.rng
        for customer in rng.sample(list(self.wholesale_customers), 3):
            self.env["sale.order"].create(
                {
                    "partner_id": customer.id,
                    "user_id": self.users["hq_admin"].id,
                    "order_line": [
                        Command.create({"product_id": p.id, "product_uom_qty": 24})
                        for p in rng.sample(list(self.goods), 4)
                    ],
                }
            )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.wholesale_customers[0].id,
                "user_id": self.users["hq_admin"].id,
                "order_line": [
                    Command.create({"product_id": p.id, "product_uom_qty": 12})
                    for p in rng.sample(list(self.goods), 5)
                ],
            }
        )
        order.action_confirm()
        self.store_orders()
        # 秒杀: a three-day flash sale on a book at 6折, on the shoppers' pricelists
        product = self.books[0]
        self.env["retail.flash.sale"].create(
            {
                "name": f"周末秒杀 {product.name}",
                "product_id": product.id,
                "price": round(product.lst_price * 0.6, 1),
                "date_start": dt.datetime.combine(self.today, dt.time(0)),
                "date_end": dt.datetime.combine(
                    self.today + dt.timedelta(days=3), dt.time(0)
                ),
                "per_customer_limit": 48,
                "total_cap": 600,
            }
        )
        self.counts["flash sales"] += 1
        supplier = self.suppliers["粮油"][0]
        self.purchase(
            supplier,
            self.products.filtered(lambda p: p.seller_ids[:1].partner_id == supplier),
        )
        # the morning's stock alerts: levels from the 90 days of sales, alerts and their
        # activities for the buyers and store managers, purchase suggestions
        Level = self.env["retail.stock.level"]
        Level._refresh_levels()
        # before the holidays the buyer raised head office's safety stock of five
        # fast-moving goods by hand: they are what the purchase suggestions propose
        hq_levels = Level.search(
            [
                ("warehouse_id", "=", self.hq.id),
                ("product_id", "in", self.goods.ids),
                ("daily_sales", ">", 0),
            ],
            order="daily_sales desc",
            limit=5,
        )
        for level in hq_levels:
            level.write(
                {
                    "mode": "manual",
                    "min_qty": max(level.qty_forecast, 0) + 60,
                    "max_qty": max(level.qty_forecast, 0) + 200,
                }
            )
        Level._cron_stock_alerts()
        self.counts["stock levels"] = Level.search_count([])
        self.counts["stock alerts"] = Level.search_count([("alert_state", "!=", "ok")])

    def store_orders(self):
        """门店要货: 徐汇店's order approved by head office (goods on the way), 浦东店's
        submitted and waiting for approval, both at the store supply price."""
        rng = self.rng
        self.company.retail_store_pricelist_id = self.env["product.pricelist"].search(
            [("name", "=", "门店拿货价")], limit=1
        )
        for store, approve in ((self.stores[0], True), (self.stores[1], False)):
            manager = self.users[f"{store.code.lower()}_manager"]
            order = (
                self.env["retail.store.order"]
                .with_user(manager)
                .create(
                    {
                        "store_warehouse_id": store.id,
                        "note": "周末促销备货",
                        "line_ids": [
                            Command.create(
                                {
                                    "product_id": p.id,
                                    "requested_qty": rng.choice([12, 24, 36]),
                                }
                            )
                            for p in rng.sample(list(self.goods), 8)
                        ],
                    }
                )
            )
            order.action_submit()
            if approve:
                order.with_user(self.users["hq_admin"]).action_approve()
            self.counts["store orders"] += 1


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument(
        "--days", type=int, default=90, help="days of history (default 90)"
    )
    parser.add_argument("--seed", type=int, default=18)
    args, odoo_args = parser.parse_known_args(argv)

    import odoo
    from odoo import SUPERUSER_ID, api

    odoo.tools.config.parse_config([*odoo_args, "-d", args.database])
    logging.getLogger("retail.demo").setLevel(logging.INFO)
    started = time.time()
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(
            cr,
            SUPERUSER_ID,
            {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True},
        )
        chain = DemoChain(env, args.days, args.seed)
        chain.load()
    summary = ", ".join(f"{v} {k}" for k, v in sorted(chain.counts.items()))
    sys.stdout.write(
        f"demo chain loaded in {time.time() - started:.0f}s: {summary}; {LOGIN_NOTE}\n"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
