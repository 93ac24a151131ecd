"""The README's flows step by step, as each role does them over JSON-RPC (the calls the
web client's buttons and the till make), shared by the role tests and the day in the
life. Every step runs with the rights of the user whose client it is given; the
administrator's client only reads what the tests check."""

import datetime as dt
import time
import uuid
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from live_server import Client, error_name

SHANGHAI = ZoneInfo("Asia/Shanghai")


class Chain:
    """Clients of the demo chain's users (made on first use) and what the tests look up
    in it, read as the administrator."""

    def __init__(self, server):
        self.server = server
        self._clients = {}
        self._tax_rates = {}
        self.admin = self.user("admin")

    def user(self, login):
        if login not in self._clients:
            self._clients[login] = Client(self.server["url"], self.server["db"], login)
        return self._clients[login]

    def uid(self, login):
        return self.admin("res.users", "search", [("login", "=", login)])[0]

    def warehouse(self, code):
        return self.admin(
            "stock.warehouse",
            "search_read",
            [("code", "=", code)],
            ["lot_stock_id", "view_location_id", "in_type_id", "out_type_id"],
        )[0]

    def stock_location(self, code):
        return self.warehouse(code)["lot_stock_id"][0]

    def partner(self, name):
        return self.admin("res.partner", "search", [("name", "=", name)])[0]

    PRODUCT_FIELDS = [
        "display_name",
        "lst_price",
        "taxes_id",
        "tracking",
        "standard_price",
        "retail_bundle_qty",
        "retail_case_bundles",
        "categ_id",
    ]

    def product(self, product_id):
        return self.products([product_id])[0]

    def products(self, product_ids):
        return self.admin("product.product", "read", product_ids, self.PRODUCT_FIELDS)

    def tax_rate(self, tax_ids):
        """(rate, included) of the taxes: the demo chain's VAT, included in its prices
        (含税价)."""
        key = tuple(sorted(tax_ids))
        if key not in self._tax_rates:
            taxes = self.admin(
                "account.tax", "read", list(key), ["amount", "price_include"]
            )
            included = {tax["price_include"] for tax in taxes}
            assert len(included) == 1, taxes
            self._tax_rates[key] = (sum(tax["amount"] for tax in taxes), included.pop())
        return self._tax_rates[key]

    def on_hand(self, product_id, location_id, lot_id=None):
        """Quantity of the product (and lot) in the location and its children."""
        domain = [
            ("product_id", "=", product_id),
            ("location_id", "child_of", location_id),
        ]
        if lot_id is not None:
            domain.append(("lot_id", "=", lot_id))
        quants = self.admin("stock.quant", "search_read", domain, ["quantity"])
        return round(sum(quant["quantity"] for quant in quants), 4)

    def payment_method(self, config_id, kind):
        methods = self.admin(
            "pos.payment.method",
            "search_read",
            [("config_ids", "in", [config_id]), ("retail_payment_kind", "=", kind)],
            ["name"],
        )
        return methods[0]["id"]


def refused(answer, name="odoo.exceptions.AccessError"):
    """Whether a raw answer (Client.call) is the error ``name``."""
    return error_name(answer) == name


def expect_refused(client, model, method, *args, name="odoo.exceptions.AccessError"):
    answer = client.call(model, method, *args)
    assert refused(answer, name), (model, method, answer.get("error") or answer)
    return answer["error"]["data"]["message"]


def percent_off(price, percent):
    """A pricelist's percentage off a price, to the cent, as Odoo computes it."""
    value = Decimal(repr(price - price * percent / 100))
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def today():
    """Today for the demo chain's users, in their time zone (Asia/Shanghai)."""
    return dt.datetime.now(SHANGHAI).date().isoformat()


# ------------------------------------------------------------------ the till
def open_session(cashier, config_id, opening_cash=0.0):
    """The till's open session, opened by the cashier (with the opening control) when
    none is; its id."""
    config = cashier("pos.config", "read", [config_id], ["current_session_id"])[0]
    if not config["current_session_id"]:
        cashier("pos.config", "open_ui", [config_id])
        config = cashier("pos.config", "read", [config_id], ["current_session_id"])[0]
    session_id = config["current_session_id"][0]
    state = cashier("pos.session", "read", [session_id], ["state"])[0]["state"]
    if state == "opening_control":
        cashier("pos.session", "set_opening_control", [session_id], opening_cash, "")
    return session_id


def till_order(chain, session_id, lines, payments, partner_id=False, pricelist_id=None):
    """An order as the web POS serializes it.

    ``lines``: dicts of ``product`` (Chain.product), ``qty``, ``price`` (unit price the
    till applied), optional ``lots`` (lot names) and ``refunded_line_id``;
    ``payments``: (payment method id, amount or None for the rest, transaction id)."""
    ref = str(uuid.uuid4())
    now = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    commands = []
    total = tax_total = 0.0
    for line in lines:
        product = line["product"]
        rate, included = (
            chain.tax_rate(product["taxes_id"]) if product["taxes_id"] else (0.0, False)
        )
        amount = round(line["price"] * line["qty"], 2)
        if included:
            tax = round(amount - amount / (1 + rate / 100), 2)
            untaxed = round(amount - tax, 2)
        else:
            untaxed = amount
            tax = round(untaxed * rate / 100, 2)
        total += untaxed + tax
        tax_total += tax
        values = {
            "product_id": product["id"],
            "qty": line["qty"],
            "price_unit": line["price"],
            "price_subtotal": untaxed,
            "price_subtotal_incl": round(untaxed + tax, 2),
            "discount": 0.0,
            "tax_ids": [[6, 0, product["taxes_id"]]],
            "pack_lot_ids": [
                [0, 0, {"lot_name": name}] for name in line.get("lots", [])
            ],
            "uuid": str(uuid.uuid4()),
        }
        if line.get("refunded_line_id"):
            values["refunded_orderline_id"] = line["refunded_line_id"]
        commands.append([0, 0, values])
    total = round(total, 2)
    payment_commands = []
    left = total
    for method_id, amount, transaction in payments:
        amount = round(left if amount is None else amount, 2)
        left = round(left - amount, 2)
        values = {"amount": amount, "name": now, "payment_method_id": method_id}
        if transaction:
            values["transaction_id"] = transaction
        payment_commands.append([0, 0, values])
    session = chain.admin("pos.session", "read", [session_id], ["config_id"])[0]
    if pricelist_id is None:
        pricelist_id = chain.admin(
            "pos.config", "read", [session["config_id"][0]], ["pricelist_id"]
        )[0]["pricelist_id"][0]
    return {
        "uuid": ref,
        "name": f"Order {ref[:8]}",
        "session_id": session_id,
        "pricelist_id": pricelist_id,
        "fiscal_position_id": False,
        "partner_id": partner_id,
        "user_id": False,
        "sequence_number": 1,
        "date_order": now,
        "amount_total": total,
        "amount_tax": round(tax_total, 2),
        "amount_paid": total,
        "amount_return": 0.0,
        "to_invoice": False,
        "last_order_preparation_change": "{}",
        "lines": commands,
        "payment_ids": payment_commands,
    }


def sync(cashier, orders):
    """Send orders as the till does; their ids in the order sent."""
    result = cashier("pos.order", "sync_from_ui", orders)
    by_uuid = {order["uuid"]: order["id"] for order in result["pos.order"]}
    return [by_uuid[order["uuid"]] for order in orders]


def fefo_lot(cashier, company_id, config_id, product_id):
    """The lot the till takes for an expiry-tracked product (FEFO among those not
    expired), asked as the till asks."""
    lots = cashier(
        "pos.order.line",
        "get_existing_lots",
        company_id,
        product_id,
        context={"config_id": config_id},
    )
    return next(lot for lot in lots if not lot["retail_expired"])


def close_session(cashier, session_id, counted_cash):
    """Close the till's session as the closing dialog does: cash counted, closing
    control, closing (journal entries, bank statement lines)."""
    answer = cashier(
        "pos.session", "post_closing_cash_details", [session_id], counted_cash
    )
    assert answer.get("successful", True), answer
    cashier("pos.session", "update_closing_control_state_session", [session_id], "")
    answer = cashier("pos.session", "close_session_from_ui", [session_id], [])
    assert answer.get("successful", True), answer


# ------------------------------------------------------------------ stock
def validate_picking(user, picking_id, lots=None):
    """Validate a transfer as a warehouse user does: the reserved quantities (or, for a
    receipt of tracked goods, the lots given per product: {product id: [(lot name,
    expiry date, quantity)]}) are picked, then Validate. No backorder is left."""
    lots = lots or {}
    moves = user(
        "stock.move",
        "search_read",
        [("picking_id", "=", picking_id)],
        [
            "product_id",
            "product_uom_qty",
            "quantity",
            "location_id",
            "location_dest_id",
            "product_uom",
            "move_line_ids",
        ],
    )
    for move in moves:
        product_id = move["product_id"][0]
        if product_id in lots:
            if move["move_line_ids"]:
                user("stock.move.line", "unlink", move["move_line_ids"])
            user(
                "stock.move.line",
                "create",
                [
                    {
                        "move_id": move["id"],
                        "picking_id": picking_id,
                        "product_id": product_id,
                        "product_uom_id": move["product_uom"][0],
                        "location_id": move["location_id"][0],
                        "location_dest_id": move["location_dest_id"][0],
                        "lot_name": name,
                        "expiration_date": f"{expiry} 16:00:00",
                        "quantity": qty,
                    }
                    for name, expiry, qty in lots[product_id]
                ],
            )
        elif move["quantity"] != move["product_uom_qty"]:
            user(
                "stock.move",
                "write",
                [move["id"]],
                {"quantity": move["product_uom_qty"]},
            )
    user("stock.move", "write", [move["id"] for move in moves], {"picked": True})
    answer = user("stock.picking", "button_validate", [picking_id])
    if isinstance(answer, dict) and answer.get("res_model") == "confirm.stock.sms":
        # the first delivery of the company asks whether customers get an SMS
        answer = user(
            "confirm.stock.sms",
            "dont_send_sms",
            [answer["res_id"]],
            context=answer["context"],
        )
    assert answer is True, f"validating asked for more: {answer}"
    state = user("stock.picking", "read", [picking_id], ["state"])[0]["state"]
    assert state == "done", state


def done_moves(chain, product_ids, since):
    """Done stock moves of the products since a moment: (product, from, to, qty)."""
    moves = chain.admin(
        "stock.move",
        "search_read",
        [
            ("product_id", "in", product_ids),
            ("state", "=", "done"),
            ("date", ">=", since),
        ],
        ["product_id", "location_id", "location_dest_id", "quantity"],
    )
    return [
        (
            move["product_id"][0],
            move["location_id"][0],
            move["location_dest_id"][0],
            move["quantity"],
        )
        for move in moves
    ]


def now_utc():
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())


# ------------------------------------------------------------------ accounting
def invoice_delivered(accountant, sale_order_id):
    """The accountant invoices what was delivered of a sale order (Create Invoice →
    Regular invoice) and posts it; the invoice's id."""
    wizard = accountant(
        "sale.advance.payment.inv",
        "create",
        {"advance_payment_method": "delivered"},
        context={"active_model": "sale.order", "active_ids": [sale_order_id]},
    )
    accountant(
        "sale.advance.payment.inv",
        "create_invoices",
        [wizard],
        context={"active_model": "sale.order", "active_ids": [sale_order_id]},
    )
    invoice_ids = accountant("sale.order", "read", [sale_order_id], ["invoice_ids"])[0][
        "invoice_ids"
    ]
    draft = accountant(
        "account.move",
        "search",
        [("id", "in", invoice_ids), ("state", "=", "draft")],
    )
    assert len(draft) == 1, invoice_ids
    accountant("account.move", "action_post", draft)
    return draft[0]


def register_payment(accountant, move_ids):
    """Register Payment on invoices or bills, one payment each, today."""
    values = {"payment_date": today(), "group_payment": False}
    context = {"active_model": "account.move", "active_ids": move_ids}
    wizard = accountant("account.payment.register", "create", values, context=context)
    accountant(
        "account.payment.register", "action_create_payments", [wizard], context=context
    )
