"""A day of the demo chain, every step by the role that does it, with that role's rights:

morning  the buyer confirms purchases for head office; the keeper receives them (the
         dairy with its lot and expiry date); the accountant books the bills and pays
         one; 徐汇店's manager orders goods from head office, the buyer approves, the
         keeper ships them and the store receives them;
day      the cashiers of 徐汇店 and 浦东店 sell at their tills (the till's
         synchronisation; lots first-expiry-first-out as the till asks the server;
         cash, WeChat Pay and Alipay with their references; a refund); the store
         manager sells to a wholesale customer, the keeper delivers, the accountant
         invoices and collects;
evening  the cashiers close their sessions with the cash the till expects.

Then everything reconciles, exactly: per product and location, on hand = start +
received − sold − delivered, and the day's done moves say the same; per session,
payments = order totals, each of its journal entries is posted and balances, its
revenue is the orders' untaxed total, its bank payments and cash lines are what each
method took; the stock valuation account = the valuation layers (the demo values
stock perpetually, in real time); receivables and payables = invoices and bills −
payments."""

import datetime as dt
import time
from collections import defaultdict

import pytest
from flows import (
    Chain,
    close_session,
    done_moves,
    fefo_lot,
    invoice_delivered,
    now_utc,
    open_session,
    register_payment,
    sync,
    till_order,
    today,
    validate_picking,
)

HQ, XH, PD, TRANSIT, CUSTOMERS, SUPPLIERS = "HQ", "XH", "PD", "transit", "cust", "sup"
PLACES = (HQ, XH, PD, TRANSIT)
# what each till sells: (product key, quantity) per order
BASKETS = [
    (("dairy", 1), ("goods", 2)),
    (("book", 1),),
    (("dairy", 1), ("book", 2)),
    (("goods", 1),),
    (("dairy", 2), ("goods", 1), ("book", 1)),
    (("goods", 3),),
]
KINDS = ("cash", "wechat", "alipay")


@pytest.fixture(scope="module")
def chain(server):
    return Chain(server)


class Day:
    """What the day's tests share: the users, the places, the three products of the
    day, the stock at the start and how each step should change it."""

    def __init__(self, chain):
        self.chain = chain
        admin = self.admin = chain.admin
        self.started = now_utc()
        self.run = f"{time.time_ns() // 1000 % 10**10}"
        warehouses = {code: chain.warehouse(code) for code in (HQ, XH, PD)}
        self.in_type = warehouses[HQ]["in_type_id"][0]
        self.location = {
            code: warehouses[code]["lot_stock_id"][0] for code in warehouses
        }
        for place, usage in (
            (TRANSIT, "transit"),
            (CUSTOMERS, "customer"),
            (SUPPLIERS, "supplier"),
        ):
            self.location[place] = admin(
                "stock.location", "search", [("usage", "=", usage)], limit=1
            )[0]
        self.dairy_supplier = chain.partner("华东乳业配送有限公司")
        self.goods_supplier = chain.partner("杭州日化用品批发有限公司")
        self.customer = chain.partner("虹口区新华路书店")
        on_sale = {
            sale["product_id"][0]
            for sale in admin("retail.flash.sale", "search_read", [], ["product_id"])
        }
        ids = {
            "dairy": admin(
                "product.product",
                "search",
                [
                    ("seller_ids.partner_id", "=", self.dairy_supplier),
                    ("tracking", "=", "lot"),
                ],
                order="default_code desc",
                limit=1,
            )[0],
            "goods": admin(
                "product.product",
                "search",
                [("seller_ids.partner_id", "=", self.goods_supplier)],
                order="default_code desc",
                limit=1,
            )[0],
            "book": next(
                book
                for book in admin(
                    "product.product",
                    "search",
                    [
                        ("default_code", "=like", "B5115%"),
                        ("retail_accessory_ids", "=", False),
                    ],
                    order="default_code desc",
                )
                if book not in on_sale
            ),
        }
        self.id = ids
        self.products = {pid: chain.product(pid) for pid in ids.values()}
        self.start = {
            (pid, place): chain.on_hand(pid, self.location[place])
            for pid in self.products
            for place in PLACES
        }
        self.expected = defaultdict(float)  # (product, place): change over the day
        self.sessions = {}
        self.sent = defaultdict(list)  # till: [(order id, payload, payment kind)]

    def moved(self, key, source, destination, qty):
        pid = self.id[key]
        self.expected[pid, source] -= qty
        self.expected[pid, destination] += qty

    def name(self, pid):
        return self.products[pid]["display_name"]


def balance(chain, domain):
    groups = chain.admin(
        "account.move.line",
        "read_group",
        [("parent_state", "=", "posted"), *domain],
        ["balance:sum"],
        [],
    )
    return round(groups[0]["balance"] or 0.0, 2)


def valuation_layers(chain):
    """{stock valuation account: value of the layers of the products valued in real
    time through it}."""
    categories = chain.admin(
        "product.category",
        "search_read",
        [("property_valuation", "=", "real_time")],
        ["property_stock_valuation_account_id"],
    )
    accounts = defaultdict(list)
    for category in categories:
        accounts[category["property_stock_valuation_account_id"][0]].append(
            category["id"]
        )
    values = {}
    for account, category_ids in accounts.items():
        groups = chain.admin(
            "stock.valuation.layer",
            "read_group",
            [("categ_id", "in", category_ids)],
            ["value:sum"],
            [],
        )
        values[account] = round(groups[0]["value"] or 0.0, 2)
    return values


# ====================================================================== the day
def morning(day):
    chain, admin = day.chain, day.admin
    buyer, keeper, accountant = map(chain.user, ("buyer", "keeper", "accountant"))
    # the buyer's purchases, received by the keeper, billed and paid by the accountant
    expiry = (dt.date.today() + dt.timedelta(days=180)).isoformat()
    day.new_lot, day.expiry = f"DAY{day.run}", expiry
    day.bills = []
    for supplier, key, qty in (
        (day.dairy_supplier, "dairy", 48),
        (day.goods_supplier, "goods", 60),
    ):
        order = buyer(
            "purchase.order",
            "create",
            {
                "partner_id": supplier,
                "picking_type_id": day.in_type,
                "order_line": [[0, 0, {"product_id": day.id[key], "product_qty": qty}]],
            },
        )
        buyer("purchase.order", "button_confirm", [order])
        [receipt] = admin("purchase.order", "read", [order], ["picking_ids"])[0][
            "picking_ids"
        ]
        lots = {day.id[key]: [(day.new_lot, expiry, qty)]} if key == "dairy" else None
        validate_picking(keeper, receipt, lots)
        day.moved(key, SUPPLIERS, HQ, qty)
        accountant("purchase.order", "action_create_invoice", [order])
        [bill] = admin("purchase.order", "read", [order], ["invoice_ids"])[0][
            "invoice_ids"
        ]
        accountant("account.move", "write", [bill], {"invoice_date": today()})
        accountant("account.move", "action_post", [bill])
        day.bills.append(bill)
    register_payment(accountant, day.bills[:1])

    # 门店要货: 徐汇店 orders, the buyer approves, the keeper ships, the store receives
    manager = chain.user("xh_manager")
    wanted = (("dairy", 12), ("goods", 12), ("book", 10))
    store_order = manager(
        "retail.store.order",
        "create",
        {
            "note": f"今日补货 {day.run}",
            "line_ids": [
                [0, 0, {"product_id": day.id[key], "requested_qty": qty}]
                for key, qty in wanted
            ],
        },
    )
    manager("retail.store.order", "action_submit", [store_order])
    buyer("retail.store.order", "action_approve", [store_order])
    picking_ids = admin("retail.store.order", "read", [store_order], ["picking_ids"])[
        0
    ]["picking_ids"]
    pickings = admin(
        "stock.picking", "read", picking_ids, ["location_id", "location_dest_id"]
    )
    [shipping] = [p for p in pickings if p["location_id"][0] == day.location[HQ]]
    [receiving] = [p for p in pickings if p["location_dest_id"][0] == day.location[XH]]
    validate_picking(keeper, shipping["id"])
    validate_picking(manager, receiving["id"])
    for key, qty in wanted:
        day.moved(key, HQ, TRANSIT, qty)
        day.moved(key, TRANSIT, XH, qty)
    state = admin("retail.store.order", "read", [store_order], ["state"])[0]["state"]
    assert state == "done"


def sell_at_the_till(day, code, login):
    """A till's day: the previous shift's session closed, a new one opened with 200 in
    the drawer, the baskets sold and synchronised one by one, a refund."""
    chain, admin = day.chain, day.admin
    cashier = chain.user(login)
    config = admin(
        "pos.config",
        "search_read",
        [("retail_warehouse_id.code", "=", code)],
        ["company_id", "current_session_id"],
    )[0]
    if config["current_session_id"]:
        session_id = config["current_session_id"][0]
        data = cashier("pos.session", "get_closing_control_data", [session_id])
        close_session(cashier, session_id, data["default_cash_details"]["amount"])
    session_id = day.sessions[code] = open_session(
        cashier, config["id"], opening_cash=200.0
    )
    methods = {kind: chain.payment_method(config["id"], kind) for kind in KINDS}
    for index, basket in enumerate(BASKETS):
        lines = []
        for key, qty in basket:
            product = day.products[day.id[key]]
            line = {"product": product, "qty": qty, "price": product["lst_price"]}
            if key == "dairy":  # the lot the till takes, asked as the till asks
                lot = fefo_lot(
                    cashier, config["company_id"][0], config["id"], product["id"]
                )
                line["lots"] = [lot["name"]]
            lines.append(line)
            day.moved(key, code, CUSTOMERS, qty)
        kind = KINDS[index % 3]
        reference = f"{code}{day.run}{index}" if kind != "cash" else None
        order = till_order(chain, session_id, lines, [(methods[kind], None, reference)])
        [order_id] = sync(cashier, [order])
        day.sent[code].append((order_id, order, kind))
    # a customer brings back one unit of the goods of the first order
    [sold_line] = admin(
        "pos.order.line",
        "search",
        [("order_id", "=", day.sent[code][0][0]), ("product_id", "=", day.id["goods"])],
    )
    goods = day.products[day.id["goods"]]
    refund = till_order(
        chain,
        session_id,
        [
            {
                "product": goods,
                "qty": -1,
                "price": goods["lst_price"],
                "refunded_line_id": sold_line,
            }
        ],
        [(methods["cash"], None, None)],
    )
    [refund_id] = sync(cashier, [refund])
    day.sent[code].append((refund_id, refund, "cash"))
    day.moved("goods", CUSTOMERS, code, 1)


def sell_wholesale(day):
    """The store manager's wholesale order, shipped from head office by the keeper,
    invoiced and collected by the accountant."""
    chain = day.chain
    manager, keeper, accountant = map(
        chain.user, ("xh_manager", "keeper", "accountant")
    )
    sold = (("goods", 12), ("book", 20))
    order = manager(
        "sale.order",
        "create",
        {
            "partner_id": day.customer,
            "order_line": [
                [0, 0, {"product_id": day.id[key], "product_uom_qty": qty}]
                for key, qty in sold
            ],
        },
    )
    manager("sale.order", "action_confirm", [order])
    [delivery] = day.admin("sale.order", "read", [order], ["picking_ids"])[0][
        "picking_ids"
    ]
    validate_picking(keeper, delivery)
    for key, qty in sold:
        day.moved(key, HQ, CUSTOMERS, qty)
    day.invoice = invoice_delivered(accountant, order)
    register_payment(accountant, [day.invoice])


def evening(day):
    for code, login in ((XH, "xh_cashier"), (PD, "pd_cashier")):
        cashier = day.chain.user(login)
        session_id = day.sessions[code]
        data = cashier("pos.session", "get_closing_control_data", [session_id])
        cash = sum(
            order["amount_total"] for _i, order, k in day.sent[code] if k == "cash"
        )
        assert data["default_cash_details"]["amount"] == pytest.approx(200 + cash)
        close_session(cashier, session_id, data["default_cash_details"]["amount"])


# ================================================================= reconciling
def check_stock(day):
    """On hand = start + received − sold − delivered, per product and location, and
    the day's done moves say the same; the tills sold no expired lot."""
    chain = day.chain
    for pid in day.products:
        for place in PLACES:
            now = chain.on_hand(pid, day.location[place])
            assert now == pytest.approx(
                day.start[pid, place] + day.expected[pid, place], abs=1e-6
            ), (day.name(pid), place, day.start[pid, place], now)
    flows = defaultdict(float)
    for pid, source, destination, qty in done_moves(
        chain, list(day.products), day.started
    ):
        for place in PLACES:
            if source == day.location[place]:
                flows[pid, place] -= qty
            if destination == day.location[place]:
                flows[pid, place] += qty
    for pid in day.products:
        for place in PLACES:
            assert flows[pid, place] == pytest.approx(day.expected[pid, place]), (
                day.name(pid),
                place,
            )
    [lot] = day.admin(
        "stock.lot",
        "search_read",
        [("name", "=", day.new_lot), ("product_id", "=", day.id["dairy"])],
        ["expiration_date"],
    )
    assert lot["expiration_date"] == f"{day.expiry} 16:00:00"
    order_ids = [order_id for code in day.sent for order_id, *_rest in day.sent[code]]
    sold_lots = day.admin(
        "pos.pack.operation.lot",
        "search_read",
        [("pos_order_line_id.order_id", "in", order_ids)],
        ["lot_name"],
    )
    assert len(sold_lots) == 2 * 3  # the dairy lines of both tills
    expired = day.admin(
        "stock.lot",
        "search",
        [
            ("name", "in", [lot["lot_name"] for lot in sold_lots]),
            ("product_id", "=", day.id["dairy"]),
            ("expiration_date", "<", now_utc()),
        ],
    )
    assert expired == []


def check_session(day, code):
    """Payments = order totals; every journal entry of the closing posted and
    balanced; revenue in the ledger = the orders' untaxed total; each bank method's
    payment and the cash lines = what the method took."""
    chain, admin = day.chain, day.admin
    session_id = day.sessions[code]
    session = admin(
        "pos.session",
        "read",
        [session_id],
        [
            "state",
            "config_id",
            "order_ids",
            "total_payments_amount",
            "move_id",
            "bank_payment_ids",
            "statement_line_ids",
            "cash_register_difference",
        ],
    )[0]
    assert session["state"] == "closed"
    assert session["cash_register_difference"] == 0
    orders = admin(
        "pos.order",
        "read",
        session["order_ids"],
        ["amount_total", "amount_tax", "state", "retail_review_state"],
    )
    assert sorted(o["id"] for o in orders) == sorted(i for i, *_r in day.sent[code])
    assert {(o["state"], o["retail_review_state"]) for o in orders} == {("done", False)}
    total = round(sum(o["amount_total"] for o in orders), 2)
    untaxed = round(sum(o["amount_total"] - o["amount_tax"] for o in orders), 2)
    assert total == round(
        sum(order["amount_total"] for _i, order, _k in day.sent[code]), 2
    )
    payments = admin(
        "pos.payment",
        "search_read",
        [("session_id", "=", session_id)],
        ["amount", "payment_method_id", "transaction_id"],
    )
    assert round(sum(p["amount"] for p in payments), 2) == total
    assert session["total_payments_amount"] == pytest.approx(total)
    assert sorted(
        p["transaction_id"] for p in payments if p["transaction_id"]
    ) == sorted(f"{code}{day.run}{index}" for index in range(len(BASKETS)) if index % 3)
    by_method = defaultdict(float)
    for payment in payments:
        by_method[payment["payment_method_id"][0]] += payment["amount"]
    bank = admin(
        "account.payment",
        "read",
        session["bank_payment_ids"],
        ["amount", "pos_payment_method_id", "move_id"],
    )
    assert len(bank) == 2  # WeChat Pay and Alipay
    for payment in bank:
        assert payment["amount"] == pytest.approx(
            by_method[payment["pos_payment_method_id"][0]]
        )
    cash_lines = admin(
        "account.bank.statement.line",
        "read",
        session["statement_line_ids"],
        ["amount", "move_id"],
    )
    cash = chain.payment_method(session["config_id"][0], "cash")
    assert round(sum(line["amount"] for line in cash_lines), 2) == round(
        by_method[cash], 2
    )
    moves = [session["move_id"][0]]
    moves += [record["move_id"][0] for record in bank + cash_lines]
    for move in admin("account.move", "read", moves, ["state", "line_ids"]):
        assert move["state"] == "posted", move
        lines = admin(
            "account.move.line", "read", move["line_ids"], ["debit", "credit"]
        )
        assert round(sum(line["debit"] - line["credit"] for line in lines), 2) == 0
    revenue = balance(
        chain,
        [
            ("move_id", "=", session["move_id"][0]),
            ("account_id.account_type", "in", ["income", "income_other"]),
        ],
    )
    assert -revenue == untaxed, (code, revenue, untaxed)


def check_ledger(day, layers_before):
    """The stock valuation account = the valuation layers, which hold the day's
    goods; receivables and payables = invoices and bills − payments."""
    chain, admin = day.chain, day.admin
    layers = valuation_layers(chain)
    assert set(layers) == set(layers_before)
    for account, value in layers.items():
        assert balance(chain, [("account_id", "=", account)]) == pytest.approx(
            value, abs=0.001
        ), account
    quantities = defaultdict(float)
    for layer in admin(
        "stock.valuation.layer",
        "search_read",
        [("create_date", ">=", day.started), ("product_id", "in", list(day.products))],
        ["product_id", "quantity"],
    ):
        quantities[layer["product_id"][0]] += layer["quantity"]
    for pid in day.products:
        # moves between the company's own locations are not valued
        assert quantities[pid] == pytest.approx(
            sum(day.expected[pid, place] for place in PLACES)
        ), day.name(pid)
    for partner, kind, types in (
        (day.customer, "asset_receivable", ["out_invoice", "out_refund"]),
        (day.dairy_supplier, "liability_payable", ["in_invoice", "in_refund"]),
        (day.goods_supplier, "liability_payable", ["in_invoice", "in_refund"]),
    ):
        documents = admin(
            "account.move",
            "search_read",
            [
                ("partner_id", "=", partner),
                ("state", "=", "posted"),
                ("move_type", "in", types),
            ],
            ["amount_total_signed"],
        )
        paid = admin(
            "account.payment",
            "search_read",
            [("partner_id", "=", partner), ("state", "in", ["paid", "in_process"])],
            ["amount_signed"],
        )
        ledger = balance(
            chain,
            [("partner_id", "=", partner), ("account_id.account_type", "=", kind)],
        )
        assert ledger == pytest.approx(
            sum(d["amount_total_signed"] for d in documents)
            - sum(p["amount_signed"] for p in paid)
        ), partner
    residual = {
        move["id"]: move["amount_residual"]
        for move in admin(
            "account.move", "read", [day.invoice, *day.bills], ["amount_residual"]
        )
    }
    assert residual[day.invoice] == residual[day.bills[0]] == 0
    assert residual[day.bills[1]] > 0


def test_a_day_of_the_chain_reconciles(chain):
    day = Day(chain)
    layers_before = valuation_layers(chain)
    morning(day)
    sell_at_the_till(day, XH, "xh_cashier")
    sell_at_the_till(day, PD, "pd_cashier")
    sell_wholesale(day)
    evening(day)
    check_stock(day)
    for code in (XH, PD):
        check_session(day, code)
    check_ledger(day, layers_before)
