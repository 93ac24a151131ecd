"""Every flow of the README as the role that does it, logged in as that role's demo user
with that role's rights only: the cashier in Chromium at the till of 徐汇店 and over the
till's JSON-RPC, the store manager (in Chromium too), the buyer, the warehouse keeper, the
accountant and head office. The administrator's client only reads the outcome.

Each test makes its own documents in the demo chain, so the tests run in any order and
again on the same database."""

import datetime as dt
import re
import time
from collections import defaultdict

import pytest
from flows import (
    Chain,
    close_session,
    expect_refused,
    fefo_lot,
    invoice_delivered,
    now_utc,
    open_session,
    percent_off,
    register_payment,
    sync,
    till_order,
    today,
    validate_picking,
)
from till import Till


@pytest.fixture(scope="module")
def chain(server):
    return Chain(server)


def stamp():
    """A suffix making names and references of this run unique."""
    return f"{time.time_ns() // 1000 % 10**10}"


def till_of(chain, code):
    config = chain.admin(
        "pos.config",
        "search_read",
        [("retail_warehouse_id.code", "=", code)],
        ["company_id", "current_session_id"],
    )[0]
    return config


def book_for_the_till(chain):
    """A book sold by the copy at list price: no flash sale, no accessory."""
    on_sale = {
        sale["product_id"][0]
        for sale in chain.admin("retail.flash.sale", "search_read", [], ["product_id"])
    }
    books = chain.admin(
        "product.product",
        "search_read",
        [
            ("retail_bundle_qty", "=", 10),
            ("retail_case_bundles", "=", 4),
            ("retail_accessory_ids", "=", False),
        ],
        ["default_code"],
        order="default_code",
    )
    return next(book for book in books if book["id"] not in on_sale)


def tracked_grocery_for_the_till(chain, cashier, config):
    """A lot-tracked grocery of the store whose first lot to expire is sold at its
    list price (not within the markdown window), with at least 3 units; its FEFO lot."""
    products = chain.admin(
        "product.product",
        "search_read",
        [("tracking", "=", "lot"), ("available_in_pos", "=", True)],
        ["default_code"],
        order="default_code",
    )
    for product in products:
        lots = cashier(
            "pos.order.line",
            "get_existing_lots",
            config["company_id"][0],
            product["id"],
            context={"config_id": config["id"]},
        )
        fresh = [lot for lot in lots if not lot["retail_expired"]]
        if (
            fresh
            and fresh[0]["retail_markdown_price"] is False
            and not fresh[0]["retail_near_expiry"]
            and fresh[0]["product_qty"] >= 3
        ):
            return product, fresh[0]
    pytest.fail("no lot-tracked grocery of the store sells at its list price")


def order_of(chain, uuid):
    found = chain.admin(
        "pos.order",
        "search_read",
        [("uuid", "=", uuid)],
        [
            "state",
            "retail_review_state",
            "retail_review_note",
            "partner_id",
            "pricelist_id",
            "amount_total",
            "amount_tax",
            "lines",
            "payment_ids",
            "picking_ids",
            "user_id",
            "session_id",
        ],
    )
    assert len(found) == 1, f"{len(found)} orders for {uuid}"
    return found[0]


def lines_of(chain, order):
    return chain.admin(
        "pos.order.line",
        "read",
        order["lines"],
        [
            "product_id",
            "qty",
            "price_unit",
            "pack_lot_ids",
            "refunded_orderline_id",
            "retail_cover_price",
        ],
    )


def moved_lots(chain, order):
    """{(product, lot name, from, to): quantity} of the order's done move lines."""
    lines = chain.admin(
        "stock.move.line",
        "search_read",
        [("picking_id", "in", order["picking_ids"]), ("state", "=", "done")],
        ["product_id", "lot_id", "quantity", "location_id", "location_dest_id"],
    )
    moved = {}
    for line in lines:
        key = (
            line["product_id"][0],
            line["lot_id"][1] if line["lot_id"] else None,
            line["location_id"][0],
            line["location_dest_id"][0],
        )
        moved[key] = moved.get(key, 0.0) + line["quantity"]
    return moved


def refuse_to_move_goods(chain, user, code):
    """Core lets point of sale and invoicing users create and write transfers: the user
    makes a delivery of 3 units out of the warehouse, validating it is refused and
    nothing moves."""
    warehouse = chain.warehouse(code)
    stock = warehouse["lot_stock_id"][0]
    goods = chain.admin(
        "product.product", "search", [("default_code", "=", "G0602")], limit=1
    )[0]
    customers = chain.admin("stock.location", "search", [("usage", "=", "customer")])[0]
    before = chain.on_hand(goods, stock)
    move = {
        "name": "-",
        "product_id": goods,
        "product_uom_qty": 3,
        "location_id": stock,
        "location_dest_id": customers,
    }
    picking = user(
        "stock.picking",
        "create",
        {
            "picking_type_id": warehouse["out_type_id"][0],
            "location_id": stock,
            "location_dest_id": customers,
            "move_ids": [[0, 0, move]],
        },
    )
    moves = chain.admin("stock.move", "search", [("picking_id", "=", picking)])
    user("stock.move", "write", moves, {"quantity": 3, "picked": True})
    message = expect_refused(user, "stock.picking", "button_validate", [picking])
    assert "warehouse keeper" in message or "仓管" in message, message
    assert chain.on_hand(goods, stock) == before
    state = chain.admin("stock.picking", "read", [picking], ["state"])[0]["state"]
    assert state != "done"
    chain.admin("stock.picking", "action_cancel", [picking])


# ====================================================================== cashier
def test_cashier_sells_at_the_till_in_chromium(page, server, chain):
    """王芳 (收银员 only) at 徐汇店's till: untracked goods, a lot-tracked grocery (the
    till picks the FEFO lot), a book by 件/包/本; an order held and resumed, then a
    member found by phone buys at their grade's price and pays by WeChat Pay with the
    transaction reference; a refund; the shift handover. Then over RPC: orders paid,
    nothing flagged, stock moved out of 徐汇店 with the right lot."""
    cashier = chain.user("xh_cashier")
    config = till_of(chain, "XH")
    if config["current_session_id"]:  # the previous shift's session: closed first
        session_id = config["current_session_id"][0]
        counted = cashier("pos.session", "get_closing_control_data", [session_id])
        close_session(
            cashier, session_id, counted["default_cash_details"]["amount"] or 0.0
        )
    stock = chain.stock_location("XH")
    goods = chain.admin(
        "product.product", "search_read", [("default_code", "=", "G0601")], ["id"]
    )[0]
    goods = chain.product(goods["id"])
    grocery, lot = tracked_grocery_for_the_till(chain, cashier, config)
    grocery = chain.product(grocery["id"])
    book = chain.product(book_for_the_till(chain)["id"])
    member = chain.admin(
        "res.partner",
        "search_read",
        [("retail_grade_id.code", "=", "VIP"), ("mobile", "!=", False)],
        ["name", "mobile", "property_product_pricelist"],
        limit=1,
        order="id",
    )[0]
    lot_id = chain.admin(
        "stock.lot",
        "search",
        [("name", "=", lot["name"]), ("product_id", "=", grocery["id"])],
    )[0]
    before = {
        "goods": chain.on_hand(goods["id"], stock),
        "lot": chain.on_hand(grocery["id"], stock, lot_id),
        "book": chain.on_hand(book["id"], stock),
    }
    reference = f"42000{stamp()}"

    till = Till(page, server)
    till.login("xh_cashier")
    till.open(config["id"], opening_cash="100")
    # sale: untracked goods, a lot-tracked grocery, a book by the bundle
    till.add(goods["id"], "G0601")
    till.add(grocery["id"], grocery["display_name"].split("]")[0][1:])
    till.add(book["id"], book["display_name"].split("]")[0][1:])
    till.pack_qty("1包2本")
    assert till.order_lines() == [
        [goods["id"], 1, goods["lst_price"], []],
        [grocery["id"], 1, grocery["lst_price"], [lot["name"]]],
        [book["id"], 12, book["lst_price"], []],
    ]
    till.pay("现金")
    receipt = till.receipt_text()
    assert "1包2本 = 12本" in receipt
    assert lot["name"] in receipt
    sale_uuid, sale_ref = till.current_order()
    till.next_order()
    # held, resumed, then the member: the grade's price applies to the resumed line
    till.add(goods["id"], "G0601")
    till.numpad("2")
    till.page.wait_for_function("posmodel.get_order().get_orderlines()[0].qty === 2")
    held_name = f"张先生 {stamp()}"
    till.hold(held_name)
    assert till.order_lines() == []
    till.resume(held_name)
    assert till.order_lines() == [[goods["id"], 2, goods["lst_price"], []]]
    till.set_customer(member["mobile"], member["name"])
    member_price = percent_off(goods["lst_price"], 5)
    assert till.order_lines() == [[goods["id"], 2, member_price, []]]
    till.pay("微信支付", reference)
    receipt = till.receipt_text()
    assert reference in receipt
    assert member["name"] in receipt
    member_uuid, _member_ref = till.current_order()
    till.next_order()
    # a walk-in customer (nobody picked) gets the running flash sale's price
    # (qty_left is computed, not searchable: read it; other tests' flash sales, sold
    # out, may be running too)
    flash = next(
        (
            sale
            for sale in chain.admin(
                "retail.flash.sale",
                "search_read",
                [("state", "=", "running")],
                ["product_id", "price", "qty_left"],
            )
            if sale["qty_left"] > 0
        ),
        None,
    )
    assert flash, "the demo chain runs a flash sale today"
    flash_product = chain.product(flash["product_id"][0])
    till.add(flash_product["id"], flash_product["display_name"].split("]")[0][1:])
    assert till.order_lines() == [[flash_product["id"], 1, flash["price"], []]]
    assert till.total() == pytest.approx(flash["price"])
    till.pay("支付宝", f"20260{stamp()}")
    flash_uuid, _flash_ref = till.current_order()
    till.next_order()
    # refund of one unit of the first sale's goods
    till.refund(sale_ref, goods["display_name"].split("] ")[1], 1)
    assert till.order_lines() == [[goods["id"], -1, goods["lst_price"], []]]
    till.pay("现金")
    refund_uuid, _refund_ref = till.current_order()
    till.next_order()

    sale = order_of(chain, sale_uuid)
    member_order = order_of(chain, member_uuid)
    flash_order = order_of(chain, flash_uuid)
    refund = order_of(chain, refund_uuid)
    # 交班: the shift's cash, counted exactly
    cash = round(sale["amount_total"] + refund["amount_total"], 2)
    summary = till.handover(f"{cash:.2f}")
    assert "-0.00" not in summary["difference"]
    assert summary["difference"].endswith("0.00"), summary
    assert f"{100 + cash:,.2f}" in summary["expected"], summary

    # --- what the server holds, read as the administrator
    uid = chain.uid("xh_cashier")
    for order in (sale, member_order, flash_order, refund):
        assert order["state"] == "paid", order
        assert order["retail_review_state"] is False, order["retail_review_note"]
        assert order["user_id"][0] == uid
    sale_lines = lines_of(chain, sale)
    assert [
        (line["product_id"][0], line["qty"], line["price_unit"]) for line in sale_lines
    ] == [
        (goods["id"], 1, goods["lst_price"]),
        (grocery["id"], 1, grocery["lst_price"]),
        (book["id"], 12, book["lst_price"]),
    ]
    assert sale_lines[2]["retail_cover_price"] == book["lst_price"]
    # 含税价: the shelf prices are what the customer paid, the VAT included in them
    shelf = goods["lst_price"] + grocery["lst_price"] + 12 * book["lst_price"]
    assert sale["amount_total"] == pytest.approx(round(shelf, 2))
    assert 0 < sale["amount_tax"] < sale["amount_total"]
    assert flash_order["partner_id"] is False
    assert flash_order["amount_total"] == pytest.approx(flash["price"])
    customers = chain.admin("stock.location", "search", [("usage", "=", "customer")])
    assert moved_lots(chain, sale) == {
        (goods["id"], None, stock, customers[0]): 1,
        (grocery["id"], lot["name"], stock, customers[0]): 1,
        (book["id"], None, stock, customers[0]): 12,
    }
    assert member_order["partner_id"][0] == member["id"]
    assert member_order["pricelist_id"][0] == member["property_product_pricelist"][0]
    [member_line] = lines_of(chain, member_order)
    assert (member_line["qty"], member_line["price_unit"]) == (2, member_price)
    [payment] = chain.admin(
        "pos.payment",
        "read",
        member_order["payment_ids"],
        ["transaction_id", "amount", "payment_method_id"],
    )
    assert payment["transaction_id"] == reference
    assert payment["payment_method_id"][1] == "微信支付"
    assert payment["amount"] == pytest.approx(member_order["amount_total"])
    [refund_line] = lines_of(chain, refund)
    assert refund_line["qty"] == -1
    assert refund_line["refunded_orderline_id"][0] == sale["lines"][0]
    assert moved_lots(chain, refund) == {(goods["id"], None, customers[0], stock): 1}
    held = chain.admin(
        "retail.pos.held.order",
        "search_read",
        [("name", "=", held_name)],
        ["state", "user_id", "resumed_user_id"],
    )
    assert [(h["state"], h["user_id"][0], h["resumed_user_id"][0]) for h in held] == [
        ("resumed", uid, uid)
    ]
    assert chain.on_hand(goods["id"], stock) == before["goods"] - 1 - 2 + 1
    assert chain.on_hand(grocery["id"], stock, lot_id) == before["lot"] - 1
    assert chain.on_hand(book["id"], stock) == before["book"] - 12
    [handover] = chain.admin(
        "retail.pos.shift.handover",
        "search_read",
        [("session_id", "=", sale["session_id"][0]), ("user_id", "=", uid)],
        [
            "order_count",
            "sales_amount",
            "refund_count",
            "refund_amount",
            "cash_float",
            "cash_expected",
            "cash_counted",
            "cash_difference",
        ],
    )
    assert handover["order_count"] == 3
    assert handover["sales_amount"] == pytest.approx(
        sale["amount_total"]
        + member_order["amount_total"]
        + flash_order["amount_total"]
    )
    assert handover["refund_count"] == 1
    assert handover["refund_amount"] == pytest.approx(refund["amount_total"])
    assert handover["cash_float"] == 100
    assert handover["cash_expected"] == pytest.approx(100 + cash)
    assert handover["cash_counted"] == pytest.approx(cash)


def test_cashier_sells_every_product_the_till_shows(chain):
    """One order of one unit of every stocked product 徐汇店's till shows (as the
    cashier reads them), lot-tracked groceries with the lot the till takes, the flash
    sale's book at its flash price: synchronised by the cashier, paid, not flagged,
    every unit out of 徐汇店."""
    cashier = chain.user("xh_cashier")
    config = till_of(chain, "XH")
    session_id = open_session(cashier, config["id"])
    shown = cashier(
        "product.product",
        "search_read",
        [
            ("available_in_pos", "=", True),
            ("sale_ok", "=", True),
            ("is_storable", "=", True),
        ],
        ["tracking"],
    )
    assert len(shown) >= 300
    flash = {
        sale["product_id"][0]: sale["price"]
        for sale in chain.admin(
            "retail.flash.sale",
            "search_read",
            [("date_start", "<=", now_utc()), ("date_end", ">=", now_utc())],
            ["product_id", "price"],
        )
    }
    lines, refused = [], []
    products = chain.products([row["id"] for row in shown])
    for row, product in zip(shown, products, strict=True):
        line = {
            "product": product,
            "qty": 1,
            "price": flash.get(product["id"], product["lst_price"]),
        }
        if row["tracking"] == "lot":
            lots = cashier(
                "pos.order.line",
                "get_existing_lots",
                config["company_id"][0],
                product["id"],
                context={"config_id": config["id"]},
            )
            fresh = [lot for lot in lots if not lot["retail_expired"]]
            if not fresh:  # only expired lots on the shelf: the till refuses them
                refused.append(product["id"])
                continue
            line["lots"] = [fresh[0]["name"]]
        lines.append(line)
    assert len(refused) < 10, refused
    cash = chain.payment_method(config["id"], "cash")
    order = till_order(chain, session_id, lines, [(cash, None, None)])
    [order_id] = sync(cashier, [order])
    saved = order_of(chain, order["uuid"])
    assert saved["id"] == order_id
    assert (saved["state"], saved["retail_review_state"]) == ("paid", False), saved[
        "retail_review_note"
    ]
    stock = chain.stock_location("XH")
    customers = chain.admin("stock.location", "search", [("usage", "=", "customer")])
    moved = defaultdict(float)
    for (product_id, lot_name, source, destination), qty in moved_lots(
        chain, saved
    ).items():
        assert (source, destination) == (stock, customers[0])
        moved[product_id, lot_name] += qty
    assert moved == {
        (line["product"]["id"], (line.get("lots") or [None])[0]): 1 for line in lines
    }


def test_cashier_syncs_lot_tracked_sales_without_stock_rights(chain):
    """Over the till's JSON-RPC, the cashier opens the session, asks the FEFO lot, and
    syncs an order of a lot-tracked grocery paid by Alipay: it is paid, not flagged, and
    its lot leaves 徐汇店. What is not the cashier's is refused."""
    cashier = chain.user("xh_cashier")
    config = till_of(chain, "XH")
    session_id = open_session(cashier, config["id"])
    grocery, lot = tracked_grocery_for_the_till(chain, cashier, config)
    assert (
        fefo_lot(cashier, config["company_id"][0], config["id"], grocery["id"]) == lot
    )
    grocery = chain.product(grocery["id"])
    stock = chain.stock_location("XH")
    lot_id = chain.admin(
        "stock.lot",
        "search",
        [("name", "=", lot["name"]), ("product_id", "=", grocery["id"])],
    )[0]
    before = chain.on_hand(grocery["id"], stock, lot_id)
    alipay = chain.payment_method(config["id"], "alipay")
    reference = f"2026{stamp()}"
    order = till_order(
        chain,
        session_id,
        [
            {
                "product": grocery,
                "qty": 2,
                "price": grocery["lst_price"],
                "lots": [lot["name"]],
            }
        ],
        [(alipay, None, reference)],
    )
    [order_id] = sync(cashier, [order])
    saved = order_of(chain, order["uuid"])
    assert saved["id"] == order_id
    assert saved["state"] == "paid"
    assert saved["retail_review_state"] is False, saved["retail_review_note"]
    assert saved["amount_total"] == order["amount_total"]
    customers = chain.admin("stock.location", "search", [("usage", "=", "customer")])
    assert moved_lots(chain, saved) == {
        (grocery["id"], lot["name"], stock, customers[0]): 2
    }
    assert chain.on_hand(grocery["id"], stock, lot_id) == before - 2
    payment = chain.admin(
        "pos.payment", "read", saved["payment_ids"], ["transaction_id"]
    )
    assert [p["transaction_id"] for p in payment] == [reference]

    # what a cashier must not do: lots, stock, transfers, purchases, sales, reviews
    expect_refused(cashier, "stock.lot", "search", [])
    expect_refused(
        cashier,
        "stock.quant",
        "create",
        {"product_id": grocery["id"], "location_id": stock, "inventory_quantity": 99},
    )
    quant = chain.admin("stock.quant", "search", [("lot_id", "=", lot_id)], limit=1)
    expect_refused(cashier, "stock.quant", "write", quant, {"inventory_quantity": 99})
    expect_refused(
        cashier, "stock.scrap", "create", {"product_id": grocery["id"], "scrap_qty": 1}
    )
    expect_refused(cashier, "purchase.order", "search", [])
    expect_refused(cashier, "sale.order", "search", [])
    expect_refused(cashier, "retail.stocktake", "search", [])
    expect_refused(cashier, "account.payment", "search", [])
    expect_refused(cashier, "pos.order", "action_retail_mark_reviewed", [order_id])
    # core lets point of sale users write transfers; validating one is refused
    refuse_to_move_goods(chain, cashier, "XH")


# ================================================================ store manager
def test_store_manager_runs_the_store(page, server, chain):
    """张伟 (店长 of 徐汇店): confirms a wholesale quotation, orders goods from head
    office (门店要货), reviews a flagged till order and approves a stocktake in
    Chromium; sees 徐汇店 only."""
    manager = chain.user("xh_manager")
    uid = chain.uid("xh_manager")
    xh = chain.warehouse("XH")
    # a wholesale quotation confirmed at the wholesale grade's price
    customer = chain.partner("徐汇区好邻居便利店")
    goods = chain.product(
        chain.admin("product.product", "search", [("default_code", "=", "G0600")])[0]
    )
    quotation = manager(
        "sale.order",
        "create",
        {
            "partner_id": customer,
            "order_line": [[0, 0, {"product_id": goods["id"], "product_uom_qty": 12}]],
        },
    )
    manager("sale.order", "action_confirm", [quotation])
    order = chain.admin(
        "sale.order",
        "read",
        [quotation],
        ["state", "user_id", "amount_total", "pricelist_id", "picking_ids"],
    )[0]
    assert order["state"] == "sale"
    assert order["user_id"][0] == uid
    assert order["pricelist_id"][1].startswith("批发价")
    # the wholesale price includes VAT, as every price of the chain (含税价)
    assert order["amount_total"] == round(12 * round(goods["lst_price"] * 0.88, 2), 2)
    assert len(order["picking_ids"]) == 1

    # 门店要货: a store order to head office, submitted, not approved by the store
    products = chain.admin(
        "product.product",
        "search",
        [("default_code", "in", ["G0601", "G0602"])],
        order="default_code",
    )
    store_order = manager(
        "retail.store.order",
        "create",
        {
            "note": f"周末备货 {stamp()}",
            "line_ids": [
                [0, 0, {"product_id": product, "requested_qty": qty}]
                for product, qty in zip(products, (24, 12), strict=True)
            ],
        },
    )
    manager("retail.store.order", "action_submit", [store_order])
    saved = chain.admin(
        "retail.store.order",
        "read",
        [store_order],
        ["state", "store_warehouse_id", "hq_warehouse_id", "requested_by_id"],
    )[0]
    assert saved["state"] == "submitted"
    assert saved["store_warehouse_id"][0] == xh["id"]
    assert saved["hq_warehouse_id"][1] == "总部仓"
    assert saved["requested_by_id"][0] == uid
    expect_refused(manager, "retail.store.order", "action_approve", [store_order])

    # a till order at a price the till does not give (typed by the cashier, perhaps
    # offline) is kept and flagged for review
    cashier = chain.user("xh_cashier")
    config = till_of(chain, "XH")
    session_id = open_session(cashier, config["id"])
    cash = chain.payment_method(config["id"], "cash")
    flagged = till_order(
        chain,
        session_id,
        [{"product": goods, "qty": 2, "price": goods["lst_price"] - 10}],
        [(cash, None, None)],
    )
    [flagged_id] = sync(cashier, [flagged])
    flagged_ref = chain.admin("pos.order", "read", [flagged_id], ["pos_reference"])[0]
    flagged = chain.admin(
        "pos.order", "read", [flagged_id], ["state", "retail_review_state"]
    )[0]
    assert (flagged["state"], flagged["retail_review_state"]) == ("paid", "to_review")

    # a stocktake of 徐汇店 counted (one unit of the goods missing) and submitted
    stocktake = manager(
        "retail.stocktake", "create", {"location_id": xh["lot_stock_id"][0]}
    )
    manager("retail.stocktake", "action_start", [stocktake])
    lines = manager(
        "retail.stocktake.line",
        "search_read",
        [("stocktake_id", "=", stocktake)],
        ["product_id", "lot_id", "shown_theoretical_qty"],
    )
    short = next(
        line
        for line in lines
        if line["product_id"][0] == goods["id"] and line["shown_theoretical_qty"] >= 1
    )
    counts = {
        line["id"]: max(line["shown_theoretical_qty"], 0.0)
        - (1 if line is short else 0)
        for line in lines
    }
    manager(
        "retail.stocktake",
        "write",
        [stocktake],
        {
            "line_ids": [
                [1, line_id, {"counted_qty": qty, "counted": True}]
                for line_id, qty in counts.items()
            ]
        },
    )
    manager("retail.stocktake", "action_submit", [stocktake])
    goods_before = chain.on_hand(goods["id"], xh["lot_stock_id"][0])

    # in Chromium: the flagged order reviewed, the stocktake approved
    page.goto(f"{server['url']}/web/login")
    page.fill("input[name=login]", "xh_manager")
    page.fill("input[name=password]", "xh_manager")
    page.click("button[type=submit]")
    page.wait_for_selector(".o_main_navbar")
    page.goto(
        f"{server['url']}/odoo/action-retail_pos_ext.retail_pos_order_action_to_review"
    )
    number = flagged_ref["pos_reference"].split(" ")[-1]
    page.click(f".o_data_row:has-text('{number}') .o_data_cell >> nth=0")
    page.wait_for_selector(".o_form_view .alert-warning")
    page.click("button[name=action_retail_mark_reviewed]")
    page.wait_for_selector("button[name=action_retail_mark_reviewed]", state="detached")
    page.goto(
        f"{server['url']}/odoo/action-retail_wholesale.retail_stocktake_action/{stocktake}"
    )
    page.click("button[name=action_approve]")
    page.click(".modal .modal-footer .btn-primary")
    page.wait_for_selector(
        ".o_statusbar_status .o_arrow_button_current[data-value=done]"
    )

    review = chain.admin(
        "pos.order",
        "read",
        [flagged_id],
        ["retail_review_state", "retail_reviewed_by_id"],
    )[0]
    assert review["retail_review_state"] == "reviewed"
    assert review["retail_reviewed_by_id"][0] == uid
    sheet = chain.admin(
        "retail.stocktake", "read", [stocktake], ["state", "approved_by_id"]
    )[0]
    assert (sheet["state"], sheet["approved_by_id"][0]) == ("done", uid)
    assert chain.on_hand(goods["id"], xh["lot_stock_id"][0]) == goods_before - 1

    # 徐汇店 only
    pd = chain.warehouse("PD")["id"]
    for model, field in (
        ("pos.order", "config_id.retail_warehouse_id"),
        ("pos.session", "config_id.retail_warehouse_id"),
        ("retail.store.order", "store_warehouse_id"),
        ("retail.stocktake", "warehouse_id"),
        ("retail.stock.level", "warehouse_id"),
    ):
        assert manager(model, "search_count", [(field, "=", xh["id"])]) > 0, model
        assert manager(model, "search", [(field, "=", pd)]) == [], model
    # buying from suppliers is head office's
    supplier = chain.partner("杭州日化用品批发有限公司")
    expect_refused(manager, "purchase.order", "create", {"partner_id": supplier})


# ======================================================================== buyer
def test_buyer_buys_from_suggestions_and_approves_store_orders(chain):
    """陈刚 (采购): raises head office's safety stock of a product by hand, the purchase
    suggestion proposes to fill it up, one click makes the RFQ, which he confirms;
    he approves a store order of 浦东店, which ships along the resupply route."""
    buyer = chain.user("buyer")
    uid = chain.uid("buyer")
    hq = chain.warehouse("HQ")
    product = chain.admin(
        "product.product", "search", [("default_code", "=", "G0603")], limit=1
    )[0]
    [level] = buyer(
        "retail.stock.level",
        "search_read",
        [("warehouse_id", "=", hq["id"]), ("product_id", "=", product)],
        ["qty_forecast"],
    )
    buyer("retail.stock.level", "action_refresh", [level["id"]])
    forecast = buyer("retail.stock.level", "read", [level["id"]], ["qty_forecast"])[0][
        "qty_forecast"
    ]
    buyer(
        "retail.stock.level",
        "write",
        [level["id"]],
        {"mode": "manual", "min_qty": forecast + 40, "max_qty": forecast + 100},
    )
    buyer("retail.stock.level", "action_refresh", [level["id"]])
    level = buyer(
        "retail.stock.level",
        "read",
        [level["id"]],
        ["alert_state", "suggested_qty", "supplier_id", "pack_qty", "qty_forecast"],
    )[0]
    assert level["alert_state"] == "short"
    # filled up to the over-stock level, in whole case packs of 6
    assert level["suggested_qty"] == 102, level
    action = buyer("retail.stock.level", "action_create_rfqs", [level["id"]])
    rfq = action["res_id"]
    order = chain.admin(
        "purchase.order",
        "read",
        [rfq],
        ["state", "partner_id", "user_id", "picking_type_id", "order_line"],
    )[0]
    assert order["state"] == "draft"
    assert order["partner_id"][0] == level["supplier_id"][0]
    assert order["user_id"][0] == uid
    assert order["picking_type_id"][0] == hq["in_type_id"][0]
    [line] = chain.admin(
        "purchase.order.line",
        "read",
        order["order_line"],
        ["product_id", "product_qty"],
    )
    assert (line["product_id"][0], line["product_qty"]) == (product, 102)
    assert (
        buyer("retail.stock.level", "read", [level["id"]], ["suggested_qty"])[0][
            "suggested_qty"
        ]
        == 0
    ), "an open RFQ is counted"
    buyer("purchase.order", "button_confirm", [rfq])
    order = chain.admin("purchase.order", "read", [rfq], ["state", "picking_ids"])[0]
    assert order["state"] == "purchase"
    [receipt] = chain.admin(
        "stock.picking",
        "read",
        order["picking_ids"],
        ["state", "location_dest_id", "move_ids"],
    )
    assert receipt["state"] == "assigned"
    assert receipt["location_dest_id"][0] == hq["lot_stock_id"][0]

    # 浦东店's store order, approved with one line cut
    pd_manager = chain.user("pd_manager")
    products = chain.admin(
        "product.product",
        "search",
        [("default_code", "in", ["G0700", "G0701"])],
        order="default_code",
    )
    store_order = pd_manager(
        "retail.store.order",
        "create",
        {
            "note": f"补货 {stamp()}",
            "line_ids": [
                [0, 0, {"product_id": p, "requested_qty": 24}] for p in products
            ],
        },
    )
    pd_manager("retail.store.order", "action_submit", [store_order])
    lines = buyer("retail.store.order.line", "search", [("order_id", "=", store_order)])
    buyer("retail.store.order.line", "write", [lines[1]], {"approved_qty": 12})
    buyer("retail.store.order", "action_approve", [store_order])
    saved = chain.admin(
        "retail.store.order",
        "read",
        [store_order],
        ["state", "approved_by_id", "picking_ids", "amount_total"],
    )[0]
    assert saved["state"] == "partial"
    assert saved["approved_by_id"][0] == uid
    pickings = chain.admin(
        "stock.picking",
        "read",
        saved["picking_ids"],
        ["location_id", "location_dest_id", "move_ids"],
    )
    pd = chain.warehouse("PD")
    assert sorted(
        (picking["location_id"][1], picking["location_dest_id"][1])
        for picking in pickings
    ) == sorted(
        [
            (hq["lot_stock_id"][1], pickings[0]["location_dest_id"][1]),
            (pickings[1]["location_id"][1], pd["lot_stock_id"][1]),
        ]
    )
    shipped = chain.admin(
        "stock.move",
        "search_read",
        [("picking_id", "in", saved["picking_ids"])],
        ["product_id", "product_uom_qty", "location_id"],
    )
    assert sorted(
        (move["product_id"][0], move["product_uom_qty"])
        for move in shipped
        if move["location_id"][0] == hq["lot_stock_id"][0]
    ) == [(products[0], 24), (products[1], 12)]
    # not the buyer's: the till, stocktake approval
    expect_refused(buyer, "pos.session", "search", [])
    expect_refused(buyer, "retail.stocktake", "action_approve", [])


# ============================================================== warehouse keeper
def test_keeper_receives_ships_counts_and_scraps(chain):
    """刘强 (仓管, 总部仓): receives a purchase of dairy with lots and expiry dates,
    ships a wholesale order (FEFO lot, never an expired one), counts head office's
    stock, scraps a damaged item with a reason."""
    keeper = chain.user("keeper")
    buyer = chain.user("buyer")
    hq = chain.warehouse("HQ")
    stock = hq["lot_stock_id"][0]
    supplier = chain.partner("华东乳业配送有限公司")
    dairy = chain.admin(
        "product.product",
        "search",
        [("seller_ids.partner_id", "=", supplier), ("tracking", "=", "lot")],
        limit=2,
        order="default_code",
    )
    purchase = buyer(
        "purchase.order",
        "create",
        {
            "partner_id": supplier,
            "picking_type_id": hq["in_type_id"][0],
            "order_line": [
                [0, 0, {"product_id": product, "product_qty": 24}] for product in dairy
            ],
        },
    )
    buyer("purchase.order", "button_confirm", [purchase])
    [receipt] = chain.admin("purchase.order", "read", [purchase], ["picking_ids"])[0][
        "picking_ids"
    ]
    run = stamp()
    expiry = (dt.date.today() + dt.timedelta(days=180)).isoformat()
    lots = {
        product: [
            (f"R{run}-{product}-A", expiry, 10),
            (f"R{run}-{product}-B", expiry, 14),
        ]
        for product in dairy
    }
    before = {product: chain.on_hand(product, stock) for product in dairy}
    validate_picking(keeper, receipt, lots)
    received = chain.admin(
        "stock.lot",
        "search_read",
        [("name", "=like", f"R{run}-%")],
        ["name", "product_id", "expiration_date", "product_qty"],
        order="name",
    )
    assert [
        (lot["name"], lot["product_id"][0], lot["expiration_date"], lot["product_qty"])
        for lot in received
    ] == [
        (name, product, f"{expiry} 16:00:00", qty)
        for product in dairy
        for name, _e, qty in lots[product]
    ]
    assert {p: chain.on_hand(p, stock) for p in dairy} == {
        p: before[p] + 24 for p in dairy
    }
    assert (
        chain.admin(
            "purchase.order.line",
            "search_read",
            [("order_id", "=", purchase)],
            ["qty_received"],
        )[0]["qty_received"]
        == 24
    )

    # a wholesale order shipped: the lot first to expire among those not expired
    hq_admin = chain.user("hq_admin")
    tracked = chain.admin(
        "stock.quant",
        "search_read",
        [
            ("location_id", "=", stock),
            ("lot_id.expiration_date", "<", now_utc()),
            ("quantity", ">", 0),
        ],
        ["product_id"],
        limit=1,
    )[0]["product_id"][0]
    fresh_lots = chain.admin(
        "stock.quant",
        "search_read",
        [
            ("location_id", "=", stock),
            ("product_id", "=", tracked),
            ("lot_id.expiration_date", ">=", now_utc()),
            ("quantity", ">", 0),
        ],
        ["lot_id", "quantity", "expiration_date"],
        order="expiration_date",
    )
    goods = chain.admin(
        "product.product", "search", [("default_code", "=", "G0604")], limit=1
    )[0]
    sale = hq_admin(
        "sale.order",
        "create",
        {
            "partner_id": chain.partner("长宁区快客便利店"),
            "order_line": [
                [0, 0, {"product_id": tracked, "product_uom_qty": 6}],
                [0, 0, {"product_id": goods, "product_uom_qty": 12}],
            ],
        },
    )
    hq_admin("sale.order", "action_confirm", [sale])
    [delivery] = chain.admin("sale.order", "read", [sale], ["picking_ids"])[0][
        "picking_ids"
    ]
    before = {p: chain.on_hand(p, stock) for p in (tracked, goods)}
    validate_picking(keeper, delivery)
    shipped = chain.admin(
        "stock.move.line",
        "search_read",
        [("picking_id", "=", delivery), ("product_id", "=", tracked)],
        ["lot_id", "quantity"],
    )
    fefo, left = [], 6
    for quant in fresh_lots:
        if left:
            fefo.append((quant["lot_id"][0], min(left, quant["quantity"])))
            left -= fefo[-1][1]
    assert sorted((line["lot_id"][0], line["quantity"]) for line in shipped) == sorted(
        fefo
    )
    assert chain.on_hand(tracked, stock) == before[tracked] - 6
    assert chain.on_hand(goods, stock) == before[goods] - 12
    assert (
        chain.admin(
            "sale.order.line",
            "search_read",
            [("order_id", "=", sale)],
            ["qty_delivered"],
            order="id",
        )[0]["qty_delivered"]
        == 6
    )

    # head office's stocktake: counted by the keeper (one unit short), approved by
    # head office, not by the keeper
    stocktake = keeper("retail.stocktake", "create", {"location_id": stock})
    keeper("retail.stocktake", "action_start", [stocktake])
    lines = keeper(
        "retail.stocktake.line",
        "search_read",
        [("stocktake_id", "=", stocktake)],
        ["product_id", "lot_id", "shown_theoretical_qty"],
    )
    short = next(
        line
        for line in lines
        if line["product_id"][0] == goods and line["shown_theoretical_qty"] >= 1
    )
    keeper(
        "retail.stocktake",
        "write",
        [stocktake],
        {
            "line_ids": [
                [
                    1,
                    line["id"],
                    {
                        "counted_qty": max(line["shown_theoretical_qty"], 0.0)
                        - (1 if line is short else 0),
                        "counted": True,
                    },
                ]
                for line in lines
            ]
        },
    )
    keeper("retail.stocktake", "action_submit", [stocktake])
    variance = [
        line
        for line in keeper(
            "retail.stocktake.line",
            "search_read",
            [("stocktake_id", "=", stocktake)],
            ["product_id", "difference_qty", "difference_value", "unit_cost"],
        )
        if line["difference_qty"]
    ]
    assert [(v["product_id"][0], v["difference_qty"]) for v in variance] == [
        (goods, -1)
    ]
    assert variance[0]["difference_value"] == -variance[0]["unit_cost"]
    expect_refused(keeper, "retail.stocktake", "action_approve", [stocktake])
    before = chain.on_hand(goods, stock)
    chain.user("hq_admin")("retail.stocktake", "action_approve", [stocktake])
    assert chain.on_hand(goods, stock) == before - 1

    # 报损: a scrap needs a reason; one worth more than the threshold needs approval
    tag = chain.admin("stock.scrap.reason.tag", "search", [], limit=1)[0]
    reason = {"retail_scrap_reason_required": True}
    scrap = keeper(
        "stock.scrap",
        "create",
        {"product_id": goods, "scrap_qty": 1, "location_id": stock},
    )
    answer = keeper.call("stock.scrap", "action_validate", [scrap], context=reason)
    assert answer["error"]["data"]["name"] == "odoo.exceptions.UserError", answer
    before = chain.on_hand(goods, stock)
    keeper("stock.scrap", "write", [scrap], {"scrap_reason_tag_ids": [[6, 0, [tag]]]})
    keeper("stock.scrap", "action_validate", [scrap], context=reason)
    assert chain.admin("stock.scrap", "read", [scrap], ["state"])[0]["state"] == "done"
    assert chain.on_hand(goods, stock) == before - 1
    threshold = chain.admin(
        "res.company", "search_read", [], ["retail_scrap_approval_amount"], limit=1
    )[0]["retail_scrap_approval_amount"]
    assert threshold > 0
    big_qty = int(threshold / chain.product(goods)["standard_price"]) + 1
    big = keeper(
        "stock.scrap",
        "create",
        {
            "product_id": goods,
            "scrap_qty": big_qty,
            "location_id": stock,
            "scrap_reason_tag_ids": [[6, 0, [tag]]],
        },
    )
    answer = keeper.call("stock.scrap", "action_validate", [big], context=reason)
    assert answer["error"]["data"]["name"] == "odoo.exceptions.UserError", answer
    assert (
        "approve" in answer["error"]["data"]["message"]
        or "审批" in answer["error"]["data"]["message"]
    ), answer
    expect_refused(keeper, "stock.scrap", "action_retail_approve", [big])
    chain.user("hq_admin")("stock.scrap", "action_retail_approve", [big])
    before = chain.on_hand(goods, stock)
    keeper("stock.scrap", "action_validate", [big], context=reason)
    assert chain.on_hand(goods, stock) == before - big_qty
    # buying and selling are not the keeper's
    expect_refused(keeper, "purchase.order", "create", {"partner_id": supplier})
    expect_refused(keeper, "account.move", "search", [])


# ==================================================================== accountant
def statement(accountant, kind):
    """A financial statement of this month (the form's default period) computed as the
    accountant opens it: {line code: the three columns}."""
    wizard = accountant("retail.statement", "create", {"statement": kind})
    accountant("retail.statement", "action_compute", [wizard])
    rows = accountant(
        "retail.statement.row",
        "search_read",
        [("statement_id", "=", wizard)],
        ["line_id", "amount_1", "amount_2", "amount_3"],
    )
    codes = {
        line["id"]: line["code"]
        for line in accountant(
            "retail.statement.line", "read", [r["line_id"][0] for r in rows], ["code"]
        )
    }
    return {
        codes[row["line_id"][0]]: (row["amount_1"], row["amount_2"], row["amount_3"])
        for row in rows
    }


def test_accountant_invoices_collects_and_reads_the_statements(chain):
    """孙丽 (会计): invoices a delivered wholesale order (Create Invoice on the sale
    order), sees it in the AR aging, registers the payment; 利润表 counts the invoice's
    revenue, 资产负债表 balances; no stock, no till, no sales of her own."""
    accountant = chain.user("accountant")
    hq_admin = chain.user("hq_admin")
    keeper = chain.user("keeper")
    month_start = today()[:8] + "01"
    income_before = statement(accountant, "income")
    customer = chain.partner("静安区万家福超市")
    goods = chain.admin(
        "product.product",
        "search",
        [("default_code", "in", ["G0605", "G0900"])],
        order="default_code",
    )
    sale = hq_admin(
        "sale.order",
        "create",
        {
            "partner_id": customer,
            "order_line": [
                [0, 0, {"product_id": product, "product_uom_qty": 12}]
                for product in goods
            ],
        },
    )
    hq_admin("sale.order", "action_confirm", [sale])
    [delivery] = chain.admin("sale.order", "read", [sale], ["picking_ids"])[0][
        "picking_ids"
    ]
    validate_picking(keeper, delivery)
    invoice = invoice_delivered(accountant, sale)
    move = chain.admin(
        "account.move",
        "read",
        [invoice],
        [
            "state",
            "move_type",
            "partner_id",
            "amount_untaxed",
            "amount_total",
            "amount_residual",
            "invoice_origin",
        ],
    )[0]
    order = chain.admin(
        "sale.order",
        "read",
        [sale],
        ["name", "amount_untaxed", "amount_total", "invoice_status"],
    )[0]
    assert (move["state"], move["move_type"]) == ("posted", "out_invoice")
    assert move["partner_id"][0] == customer
    assert move["invoice_origin"] == order["name"]
    assert move["amount_untaxed"] == order["amount_untaxed"]
    assert move["amount_total"] == order["amount_total"]
    assert order["invoice_status"] == "invoiced"
    # AR aging: the open invoice, due today
    aged = accountant(
        "retail.aging.report",
        "search_read",
        [("move_id", "=", invoice)],
        ["kind", "amount_residual", "partner_id"],
    )
    assert [(a["kind"], a["amount_residual"], a["partner_id"][0]) for a in aged] == [
        ("receivable", move["amount_total"], customer)
    ]
    register_payment(accountant, [invoice])
    paid = chain.admin(
        "account.move", "read", [invoice], ["payment_state", "amount_residual"]
    )[0]
    assert paid["payment_state"] in ("paid", "in_payment")
    assert paid["amount_residual"] == 0
    assert (
        accountant("retail.aging.report", "search", [("move_id", "=", invoice)]) == []
    )
    # 利润表: this month's revenue grew by the invoice's untaxed amount
    income = statement(accountant, "income")
    assert income["IS01"][0] == pytest.approx(
        income_before["IS01"][0] + move["amount_untaxed"], abs=0.001
    )
    revenue = accountant(
        "account.move.line",
        "read_group",
        [
            ("parent_state", "=", "posted"),
            ("date", ">=", month_start),
            ("date", "<=", today()),
            "|",
            ("account_id.code", "=like", "5001%"),
            ("account_id.code", "=like", "5051%"),
        ],
        ["balance:sum"],
        [],
    )[0]["balance"]
    assert income["IS01"][0] == pytest.approx(-revenue, abs=0.001)
    # 资产负债表: assets = liabilities + owners' equity, in each column
    balance = statement(accountant, "balance")
    for column in range(3):
        assert balance["BS24"][column] == pytest.approx(
            balance["BS47"][column], abs=0.001
        )
    assert balance["BS24"][0] > 0
    # each line is its accounts in the ledger (小企业会计准则 over the Chinese chart,
    # written out here apart from the line formulas); 存货 is the stock valuation
    wizard = accountant("retail.statement", "create", {"statement": "balance"})
    date_to = (
        accountant("retail.statement", "read", [wizard], ["date_to"])[0]["date_to"]
        or today()
    )
    interim = ("140201", "140202")
    lines = {
        "BS01": (1, ("1001", "1002", "1012"), ()),
        "BS04": (1, ("1122",), ()),
        "BS09": (
            1,
            ("1401", "1402", "1403", "1404", "1405", "1406", "1407", "1408", "1411")
            + ("1421",),
            interim,
        ),
        "BS22": (1, ("1901",), ()),
        "BS27": (-1, ("2202",), ()),
        "BS30": (-1, ("2221",), ()),
        "BS42": (-1, ("3001",), ()),
    }
    for code, (sign, prefixes, excluded) in lines.items():
        domain = [("parent_state", "=", "posted"), ("date", "<=", date_to)]
        domain += ["|"] * (len(prefixes) - 1)
        domain += [("account_id.code", "=like", f"{prefix}%") for prefix in prefixes]
        domain += [("account_id.code", "not in", list(excluded))]
        [group] = accountant(
            "account.move.line", "read_group", domain, ["balance:sum"], []
        )
        assert balance[code][0] == pytest.approx(
            sign * (group["balance"] or 0.0), abs=0.01
        ), code
    valuation = chain.admin(
        "stock.valuation.layer", "read_group", [], ["value:sum"], []
    )[0]["value"]
    assert balance["BS09"][0] == pytest.approx(valuation, abs=0.01)
    assert balance["BS09"][0] > 0
    # the opening stock is the owners' contribution, not a profit
    assert balance["BS42"][0] > 0
    # not the accountant's: transfers, the till, selling
    refuse_to_move_goods(chain, accountant, "HQ")
    expect_refused(accountant, "pos.order", "search", [])
    expect_refused(accountant, "sale.order", "create", {"partner_id": customer})


# ================================================================== head office
def test_head_office_sets_targets_and_flash_sales_and_sees_every_store(chain):
    """周敏 (总部管理员): sets a store's monthly target (one per store and month), runs
    a flash sale that the back office and the tills sell at; sees every store."""
    hq_admin = chain.user("hq_admin")
    xh = chain.warehouse("XH")
    taken = {
        target["month"]
        for target in hq_admin(
            "retail.store.target",
            "search_read",
            [("warehouse_id", "=", xh["id"])],
            ["month"],
        )
    }
    month = dt.date.today().replace(day=1)
    while month.isoformat() in taken:
        month = (month + dt.timedelta(days=32)).replace(day=1)
    target = hq_admin(
        "retail.store.target",
        "create",
        {"warehouse_id": xh["id"], "month": month.isoformat(), "target_revenue": 88000},
    )
    assert chain.admin(
        "retail.store.target", "read", [target], ["month", "target_revenue"]
    )[0] == {"id": target, "month": month.isoformat(), "target_revenue": 88000}
    message = expect_refused(
        hq_admin,
        "retail.store.target",
        "create",
        {"warehouse_id": xh["id"], "month": month.isoformat(), "target_revenue": 1},
        name="odoo.exceptions.ValidationError",
    )
    assert "徐汇店" in message, message
    manager = chain.user("xh_manager")
    assert manager("retail.store.target", "search", [("id", "=", target)]) == [target]
    expect_refused(
        manager, "retail.store.target", "write", [target], {"target_revenue": 1}
    )

    # 秒杀: a book at 6折 for the next hours, limited per customer
    on_sale = {
        sale["product_id"][0]
        for sale in chain.admin("retail.flash.sale", "search_read", [], ["product_id"])
    }
    book = chain.product(
        next(
            b
            for b in chain.admin(
                "product.product",
                "search",
                [("default_code", "=like", "B5390%")],
                order="default_code",
            )
            if b not in on_sale
        )
    )
    price = round(book["lst_price"] * 0.6, 1)
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    flash = hq_admin(
        "retail.flash.sale",
        "create",
        {
            "name": f"限时秒杀 {stamp()}",
            "product_id": book["id"],
            "price": price,
            "date_start": start.strftime("%Y-%m-%d %H:%M:%S"),
            "date_end": (start + dt.timedelta(hours=6)).strftime("%Y-%m-%d %H:%M:%S"),
            "per_customer_limit": 5,
            "total_cap": 50,
        },
    )
    member = chain.admin(
        "res.partner", "search", [("ref", "=like", "VIP%")], order="id", limit=1
    )[0]
    sale = hq_admin(
        "sale.order",
        "create",
        {
            "partner_id": member,
            "order_line": [[0, 0, {"product_id": book["id"], "product_uom_qty": 2}]],
        },
    )
    [line] = chain.admin(
        "sale.order.line",
        "search_read",
        [("order_id", "=", sale)],
        ["price_unit", "retail_flash_sale_id"],
    )
    assert line["price_unit"] == price
    hq_admin("sale.order", "action_confirm", [sale])
    # at 浦东店's till, at the flash price, counted towards the limits
    cashier = chain.user("pd_cashier")
    config = till_of(chain, "PD")
    session_id = open_session(cashier, config["id"])
    cash = chain.payment_method(config["id"], "cash")
    order = till_order(
        chain,
        session_id,
        [{"product": book, "qty": 1, "price": price}],
        [(cash, None, None)],
    )
    [order_id] = sync(cashier, [order])
    saved = chain.admin(
        "pos.order",
        "read",
        [order_id],
        ["state", "retail_review_state", "retail_review_note"],
    )[0]
    assert (saved["state"], saved["retail_review_state"]) == ("paid", False), saved
    assert (
        chain.admin("retail.flash.sale", "read", [flash], ["qty_sold"])[0]["qty_sold"]
        == 3
    )

    # every store
    for model, field in (
        ("pos.order", "config_id.retail_warehouse_id.code"),
        ("pos.session", "config_id.retail_warehouse_id.code"),
        ("retail.store.order", "store_warehouse_id.code"),
        ("retail.stock.level", "warehouse_id.code"),
        ("retail.pos.shift.handover", "warehouse_id.code"),
    ):
        for code in ("XH", "PD"):
            domain = [(field, "=", code)]
            assert hq_admin(model, "search_count", domain) == chain.admin(
                model, "search_count", domain
            ), (model, code)


# ================================================================== in Chromium
def browser_login(page, server, login):
    page.goto(f"{server['url']}/web/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", login)
    page.click("button[type=submit]")
    page.wait_for_selector(".o_main_navbar")


def test_keeper_counts_part_of_the_stock_in_chromium(page, server, chain):
    """刘强 (仓管) counts one category of 总部仓 in Chromium: a partial count (盘点 by
    category) started, a book scanned twice, submitted with the other lines
    uncounted; approved by head office, only the scanned book's stock changes."""
    hq_stock = chain.stock_location("HQ")
    category = chain.admin(
        "product.category", "search_read", [("name", "=", "文学")], ["id"]
    )[0]["id"]
    books = chain.admin(
        "product.product",
        "search_read",
        [("categ_id", "=", category), ("barcode", "!=", False)],
        ["barcode", "display_name"],
        order="default_code",
    )
    book, other = books[0], books[1]
    before = {p["id"]: chain.on_hand(p["id"], hq_stock) for p in (book, other)}

    browser_login(page, server, "keeper")
    page.goto(
        f"{server['url']}/odoo/action-retail_wholesale.retail_stocktake_action/new"
    )
    location = page.locator(".o_field_widget[name=location_id] input")
    location.fill("HQ/")
    page.click(".o-autocomplete--dropdown-item a >> nth=0")
    page.select_option(".o_field_widget[name=scope] select", value='"category"')
    page.fill(".o_field_widget[name=categ_ids] input", "文学")
    page.click('.o-autocomplete--dropdown-item a:has-text("文学")')
    page.click(".o_form_button_save")
    page.click("button[name=action_start]")
    page.wait_for_selector(".o_field_widget[name=scan_barcode] input")
    for _scan in range(2):
        scan = page.locator(".o_field_widget[name=scan_barcode] input")
        scan.fill(book["barcode"])
        scan.press("Enter")
        page.wait_for_function(
            "() => !document.querySelector('.o_field_widget[name=scan_barcode] input').value"
        )
    page.click(".o_form_button_save")
    page.click("button[name=action_submit]")
    page.wait_for_selector(
        ".o_statusbar_status .o_arrow_button_current[data-value=to_approve]"
    )
    [sheet] = chain.admin(
        "retail.stocktake",
        "search_read",
        [("create_uid.login", "=", "keeper"), ("state", "=", "to_approve")],
        ["line_ids", "location_id", "difference_value"],
        order="id desc",
        limit=1,
    )
    lines = chain.admin(
        "retail.stocktake.line",
        "read",
        sheet["line_ids"],
        ["product_id", "counted", "counted_qty", "difference_value"],
    )
    listed = {line["product_id"][0] for line in lines}
    in_category = set(
        chain.admin("product.product", "search", [("categ_id", "=", category)])
    )
    assert listed and listed <= in_category
    counted = [line for line in lines if line["counted"]]
    assert [(c["product_id"][0], c["counted_qty"]) for c in counted] == [
        (book["id"], 2)
    ]
    assert all(line["difference_value"] == 0 for line in lines if not line["counted"])
    # the store's counts wait for head office; then only what was counted changes
    chain.user("hq_admin")("retail.stocktake", "action_approve", [sheet["id"]])
    assert chain.on_hand(book["id"], hq_stock) == 2
    assert chain.on_hand(other["id"], hq_stock) == before[other["id"]]


def test_accountant_reads_the_balance_sheet_in_chromium(page, server, chain):
    """孙丽 (会计) opens 资产负债表 in Chromium: lines numbered by 行次, 存货 equal to
    the stock valuation, the sheet balanced."""
    browser_login(page, server, "accountant")
    page.goto(
        f"{server['url']}/odoo/action-retail_reports.retail_statement_action_balance"
    )
    page.click("button[name=action_compute]")
    row = page.locator(".o_data_row:has(td[name=name]:text-is('存货'))")
    row.wait_for()
    assert row.locator("td[name=retail_row]").inner_text().strip() == "9"
    shown = float(
        re.sub(r"[^\d.\-]", "", row.locator("td[name=amount_1]").inner_text())
    )
    valuation = chain.admin(
        "stock.valuation.layer", "read_group", [], ["value:sum"], []
    )[0]["value"]
    assert shown == pytest.approx(valuation, abs=0.01)
    assert shown > 0
