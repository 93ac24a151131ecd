"""The demo chain loads cleanly and holds what the README promises."""

import datetime as dt


def isbn13_valid(code):
    digits = [int(c) for c in code]
    return (
        len(digits) == 13
        and sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0
    )


def test_demo_chain_loads_cleanly(demo_load):
    assert demo_load["returncode"] == 0, demo_load["output"][-3000:]
    assert "Traceback" not in demo_load["output"]
    assert "demo chain loaded" in demo_load["output"]


def test_company_is_chinese_with_chinese_chart(rpc):
    odoo = rpc("admin", "admin")
    company = odoo.env.user.company_id
    assert company.name == "示例零售批发有限公司"
    assert company.currency_id.name == "CNY"
    assert company.country_id.code == "CN"
    assert company.chart_template == "cn"
    assert (
        odoo.env["res.lang"].search_count(
            [("code", "=", "zh_CN"), ("active", "=", True)]
        )
        == 1
    )


def test_head_office_resupplies_two_stores_each_with_a_till(rpc):
    odoo = rpc("admin", "admin")
    Warehouse = odoo.env["stock.warehouse"]
    hq = Warehouse.search_read([("retail_role", "=", "hq")], ["code"])
    stores = Warehouse.search_read(
        [("retail_role", "=", "store")], ["code", "resupply_wh_ids"]
    )
    assert [w["code"] for w in hq] == ["HQ"]
    assert sorted(s["code"] for s in stores) == ["PD", "XH"]
    assert all(s["resupply_wh_ids"] == [hq[0]["id"]] for s in stores)
    configs = odoo.env["pos.config"].search_read([], ["retail_warehouse_id"])
    assert sorted(c["retail_warehouse_id"][0] for c in configs) == sorted(
        s["id"] for s in stores
    )


def test_catalogue_partners_and_lots(rpc):
    odoo = rpc("admin", "admin")
    Product = odoo.env["product.product"]
    assert (
        Product.search_count([("barcode", "!=", False), ("is_storable", "=", True)])
        >= 300
    )
    books = Product.search_read([("categ_id.parent_id.name", "=", "图书")], ["barcode"])
    assert len(books) >= 100
    assert all(
        b["barcode"].startswith("978") and isbn13_valid(b["barcode"]) for b in books
    )
    assert (
        Product.search_count(
            [("tracking", "=", "lot"), ("use_expiration_date", "=", True)]
        )
        >= 100
    )
    assert odoo.env["retail.brand"].search_count([]) >= 20
    Partner = odoo.env["res.partner"]
    assert Partner.search_count([("customer_rank", ">", 0)]) >= 50
    assert Partner.search_count([("supplier_rank", ">", 0)]) >= 10
    assert odoo.env["product.supplierinfo"].search_count([("delay", ">", 0)]) >= 300
    now = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    soon = (dt.datetime.now() + dt.timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")
    Quant = odoo.env["stock.quant"]
    internal = [("location_id.usage", "=", "internal"), ("quantity", ">", 0)]
    assert Quant.search_count([*internal, ("lot_id.expiration_date", "<", now)]) >= 5
    assert (
        Quant.search_count(
            [
                *internal,
                ("lot_id.expiration_date", ">=", now),
                ("lot_id.expiration_date", "<", soon),
            ]
        )
        >= 5
    )


def test_ninety_days_of_history(rpc):
    odoo = rpc("admin", "admin")
    start = (dt.date.today() - dt.timedelta(days=85)).isoformat()
    recent = (dt.date.today() - dt.timedelta(days=7)).isoformat()
    for model, date_field, minimum in (
        ("purchase.order", "date_order", 30),
        ("sale.order", "date_order", 100),
        ("pos.order", "date_order", 500),
    ):
        Model = odoo.env[model]
        assert Model.search_count([(date_field, "<", start)]) > 0, model
        assert Model.search_count([(date_field, ">=", recent)]) > 0, model
        assert Model.search_count([]) >= minimum, model
    assert (
        odoo.env["pos.order"].search_count([("state", "in", ["paid", "done"])]) >= 500
    )
    assert odoo.env["pos.session"].search_count([("state", "!=", "closed")]) == 0
    moves = odoo.env["account.move"]
    assert (
        moves.search_count(
            [
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("invoice_date", "<", start),
            ]
        )
        > 0
    )
    assert (
        moves.search_count([("move_type", "=", "in_invoice"), ("state", "=", "posted")])
        >= 20
    )
    assert moves.search_count([("payment_state", "in", ["paid", "in_payment"])]) > 0


def test_every_demo_role_user_logs_in_in_chinese(rpc):
    for login in (
        "hq_admin",
        "buyer",
        "keeper",
        "accountant",
        "xh_manager",
        "xh_cashier",
        "pd_manager",
        "pd_cashier",
    ):
        client = rpc(login)
        [user] = client.execute(
            "res.users", "read", [client.env.uid], ["login", "lang"]
        )
        assert (user["login"], user["lang"]) == (login, "zh_CN")


def test_store_orders_to_head_office(rpc):
    odoo = rpc("hq_admin")
    orders = odoo.env["retail.store.order"].search_read(
        [], ["store_warehouse_id", "state", "picking_count", "amount_total"]
    )
    by_store = {o["store_warehouse_id"][1]: o for o in orders}
    assert set(by_store) == {"徐汇店", "浦东店"}
    assert by_store["徐汇店"]["state"] == "approved"
    assert by_store["徐汇店"]["picking_count"] == 2
    assert by_store["徐汇店"]["amount_total"] > 0
    assert by_store["浦东店"]["state"] == "submitted"
    # each store manager sees only the orders of their store
    xh = (
        rpc("xh_manager")
        .env["retail.store.order"]
        .search_read([], ["store_warehouse_id"])
    )
    assert [o["store_warehouse_id"][1] for o in xh] == ["徐汇店"]


def test_stock_alerts_and_purchase_suggestions(rpc):
    """The daily job ran on the demo's sales: levels per product × warehouse, alerts with
    one activity each, suggestions to buy; a store manager sees only their store."""
    odoo = rpc("hq_admin")
    Level = odoo.env["retail.stock.level"]
    levels = Level.search_read(
        [], ["warehouse_id", "alert_state", "alert_activity_state", "suggested_qty"]
    )
    stores = {level["warehouse_id"][1] for level in levels}
    assert {"徐汇店", "浦东店"} <= stores
    alerts = [level for level in levels if level["alert_state"] != "ok"]
    assert alerts, "the demo raised no stock alert"
    assert all(level["alert_activity_state"] for level in alerts)
    assert any(level["suggested_qty"] > 0 for level in levels)
    xh = rpc("xh_manager").env["retail.stock.level"].search_read([], ["warehouse_id"])
    assert xh and {level["warehouse_id"][1] for level in xh} == {"徐汇店"}


def test_members_stored_value_agrees_with_the_ledger(rpc):
    """储值卡: eight members topped up at head office, four of them with a top-up bonus
    (充1000送100, 充2000送300); what their cards hold but the bonus is what the
    预收账款 (2203) owes them in the ledger. Every member has a card number (042…)."""
    odoo = rpc("admin", "admin")
    company = odoo.env.user.company_id
    program = company.retail_stored_value_program_id
    assert program and program.program_type == "ewallet"
    cards = odoo.env["loyalty.card"].search_read(
        [("program_id", "=", program.id), ("points", ">", 0)],
        ["points", "retail_stored_value_bonus"],
    )
    assert len(cards) == 8
    assert sum(card["points"] for card in cards) == 8200.0
    bonus = sum(card["retail_stored_value_bonus"] for card in cards)
    assert bonus == 600.0
    balance = sum(card["points"] for card in cards) - bonus
    lines = odoo.env["account.move.line"].read_group(
        [
            ("account_id.code", "=like", "2203%"),
            ("parent_state", "=", "posted"),
            ("company_id", "=", company.id),
        ],
        ["balance:sum"],
        [],
    )
    assert round(-lines[0]["balance"], 2) == balance
    members = odoo.env["res.partner"].search_read(
        [("ref", "=like", "VIP%")], ["barcode"]
    )
    assert len(members) == 30
    assert all((m["barcode"] or "").startswith("042") for m in members)


def test_member_analysis_of_the_demo_chain_agrees_with_the_ledger(rpc):
    """The accountant's Member Analysis (会员分析) of the demo chain: 30 members in their
    levels, the stored value cards' paid part (7,600) equal to 预收账款, 600 of bonus."""
    odoo = rpc("accountant")
    Analysis = odoo.env["retail.member.analysis"]
    wizard = Analysis.create({})
    Analysis.action_compute([wizard])
    [result] = odoo.execute(
        "retail.member.analysis",
        "read",
        [wizard],
        [
            "member_count",
            "stored_value_paid",
            "stored_value_bonus",
            "stored_value_ledger",
            "stored_value_difference",
        ],
    )
    assert result["member_count"] == 30
    assert result["stored_value_paid"] == 7600.0
    assert result["stored_value_bonus"] == 600.0
    assert result["stored_value_ledger"] == 7600.0
    assert result["stored_value_difference"] == 0.0


def test_promotions_run_this_week_at_pudong(rpc):
    """营销活动 of the demo: five promotions running today at 浦东店's till, which 浦东店's
    manager sees and runs; the coupon issued to the 银卡 and VIP members."""
    odoo = rpc("pd_manager")
    promotions = odoo.env["retail.promotion"].search_read(
        [], ["promotion_type", "state", "coupon_count", "program_ids"]
    )
    assert sorted(p["promotion_type"] for p in promotions) == [
        "amount_off",
        "buy_get",
        "coupon",
        "discount",
        "gift",
    ]
    assert {p["state"] for p in promotions} == {"running"}
    admin = rpc("admin", "admin")
    members = admin.env["res.partner"].search_count(
        [("retail_grade_id.code", "in", ("M1", "VIP"))]
    )
    [coupon] = [p for p in promotions if p["promotion_type"] == "coupon"]
    assert members and coupon["coupon_count"] == members
    till = admin.env["pos.config"].search(
        [("retail_warehouse_id.code", "=", "PD")], limit=1
    )
    programs = admin.env["loyalty.program"].search_read(
        [("retail_promotion_id", "!=", False)], ["pos_config_ids", "pos_ok", "sale_ok"]
    )
    # one program per tier: 满100减10 and 满200减30 are two
    assert len(programs) == 6
    assert all(p["pos_config_ids"] == till and p["pos_ok"] for p in programs)
    assert not any(p["sale_ok"] for p in programs)
    # the books' 8折 does not stack with the others and comes first; the member levels'
    # price lists are member prices
    [books] = odoo.env["retail.promotion"].search_read(
        [("promotion_type", "=", "discount")], ["stack_ok", "priority"]
    )
    assert not books["stack_ok"] and books["priority"] == 20
    assert (
        admin.env["product.pricelist"].search_count(
            [("retail_member_price", "=", True)]
        )
        == 2
    )
