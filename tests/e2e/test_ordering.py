"""The demo chain's dealers on the ordering platform (订货平台): a dealer orders on a phone
in Chinese, head office sees the order to approve; the demo's history and statements."""

from flows import expect_refused
from live_server import Client


def test_demo_dealers_have_history(rpc):
    odoo = rpc("hq_admin")
    Order = odoo.env["sale.order"]
    assert Order.search_count([("retail_portal_state", "=", "approved")]) >= 10
    assert Order.search_count([("retail_portal_state", "=", "to_approve")]) >= 1
    assert Order.search_count([("retail_portal_state", "=", "changed")]) == 1
    statements = odoo.env["retail.partner.statement"].search_read(
        [], ["state", "closing_balance"]
    )
    assert len(statements) == 5
    assert sorted(s["state"] for s in statements) == ["confirmed"] + ["sent"] * 4
    assert (
        odoo.env["retail.payment.report"].search_count([("state", "=", "reported")])
        == 1
    )


def test_dealer_orders_on_a_phone_in_chinese(browser, server, rpc):
    hq = rpc("hq_admin")
    [dealer] = hq.env["res.partner"].search_read(
        [("name", "=", "苏州恒信商贸有限公司")], ["id"]
    )
    [product] = hq.env["product.product"].search_read(
        [
            ("retail_portal_ok", "=", True),
            ("retail_pack_qty", ">", 0),
            ("default_code", "!=", False),
        ],
        ["default_code", "retail_pack_qty"],
        limit=1,
    )
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="zh-CN", has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(20000)
    try:
        page.goto(f"{server['url']}/web/login")
        page.fill("input[name=login]", "dealer1")
        page.fill("input[name=password]", "dealer1")
        page.click("button[type=submit]")
        page.click("a[href='/my/catalog']")
        page.wait_for_selector(".o_retail_catalog_item")
        assert "有货" in page.inner_text(
            ".o_retail_catalog"
        ) or "缺货" in page.inner_text(".o_retail_catalog")
        page.click(".o_retail_ordering_nav a[href='/my/cart']")
        quantity = int(product["retail_pack_qty"] * 2)
        page.fill(
            "textarea.o_retail_paste",
            f"{product['default_code']} {quantity}\n不存在的编码 3",
        )
        page.click(".o_retail_paste_add")
        assert "没有此编码或条码的商品" in page.inner_text(".o_retail_paste_problems")
        width = page.evaluate("document.querySelector('.o_retail_cart').scrollWidth")
        assert width <= 390, f"the cart is {width}px wide on a 390px phone"
        page.click(".o_retail_cart_submit")
        page.wait_for_selector(".o_retail_order .o_retail_order_state")
        assert "待审核" in page.inner_text(".o_retail_order_state")
        page.goto(f"{server['url']}/my/statements")
        assert page.locator(".o_retail_statement_row").count() == 1
    finally:
        context.close()
    orders = hq.env["sale.order"].search_read(
        [
            ("partner_id", "child_of", dealer["id"]),
            ("retail_portal_state", "=", "to_approve"),
        ],
        ["order_line"],
    )
    assert orders, "head office sees the dealer's order to approve"
    # the dealer reaches no other dealer's statement, and no price list
    client = Client(server["url"], server["db"], "dealer1")
    own = client("retail.partner.statement", "search_read", [], ["partner_id"])
    assert [s["partner_id"][0] for s in own] == [dealer["id"]]
    expect_refused(client, "product.pricelist.item", "search_read", [])
