"""A store manager works in Chromium: logs in, opens the retail menus and confirms a
wholesale order, all in Chinese."""

import re

import pytest

MENU = '[data-menu-xmlid="retail_wholesale.{}"]'


def login(page, server, user):
    page.goto(f"{server['url']}/web/login")
    page.fill("input[name=login]", user)
    page.fill("input[name=password]", user)
    page.click("button[type=submit]")
    page.wait_for_selector(".o_main_navbar")


def test_store_manager_confirms_wholesale_order_in_browser(page, server, rpc):
    login(page, server, "xh_manager")
    page.click(".o_navbar_apps_menu button")
    page.click(f".o_app{MENU.format('retail_wholesale_menu_root')}")
    brand = page.locator(".o_menu_brand")
    assert brand.inner_text().strip() == "零售批发"
    sections = page.locator(".o_menu_sections").inner_text()
    for label in ("收银", "销售", "库存", "商品", "报表"):
        assert label in sections, sections
    page.click(f".o_menu_sections {MENU.format('retail_wholesale_menu_sales')}")
    page.click(f".dropdown-item{MENU.format('retail_wholesale_menu_sale_orders')}")
    page.click(".o_list_button_add")
    page.fill(".o_field_widget[name=partner_id] input", "好邻居")
    page.click('.o-autocomplete--dropdown-item a:has-text("徐汇区好邻居便利店")')
    page.click(".o_field_x2many_list_row_add a >> nth=0")
    page.fill(".o_data_row .o_field_widget[name=product_template_id] input", "每日坚果")
    page.click('.o-autocomplete--dropdown-item a:has-text("三只松鼠 每日坚果")')
    page.fill(".o_data_row .o_field_widget[name=product_uom_qty] input", "36")
    page.click(".o_field_widget[name=tax_totals]")
    page.click("button[name=action_confirm]")
    page.wait_for_selector(
        ".o_statusbar_status .o_arrow_button_current[data-value=sale]"
    )
    match = re.search(r"S\d+", page.locator(".o_breadcrumb .active").inner_text())
    assert match, page.locator(".o_breadcrumb").inner_text()

    odoo = rpc("admin", "admin")
    order = odoo.env["sale.order"].browse(
        odoo.env["sale.order"].search([("name", "=", match.group(0))])[0]
    )
    assert order.state == "sale"
    assert order.partner_id.name == "徐汇区好邻居便利店"
    assert order.pricelist_id.name == "批发价"
    assert order.user_id.login == "xh_manager"
    line = order.order_line
    assert line.product_id.name == "三只松鼠 每日坚果 750g"
    assert line.product_uom_qty == 36
    assert line.price_unit == pytest.approx(round(99.0 * 0.88, 2))


def test_cashier_sees_the_till_but_not_the_back_office(page, server):
    login(page, server, "xh_cashier")
    page.click(".o_navbar_apps_menu button")
    page.click(f".o_app{MENU.format('retail_wholesale_menu_root')}")
    sections = page.locator(".o_menu_sections").inner_text()
    assert "收银" in sections
    for hidden in ("采购", "报表", "配置"):
        assert hidden not in sections, sections
