"""Stored value cards (储值卡, core eWallet) against a real server: two tills spending
the same card at once never drive it below zero; the order beyond the balance is kept
as paid and flagged for review (the till may have been offline)."""

import uuid

import pytest
from live_server import Client, open_till, order_payload
from test_reliability import run_together

TRIALS = 5


@pytest.fixture(scope="module")
def admin(server):
    return Client(server["url"], server["db"], "admin", "admin")


@pytest.fixture(scope="module")
def stored_value(admin):
    """浦东店's till, a product it sells, its company's stored value program (its
    payment line), and a member."""
    till = open_till(admin, "PD")
    till["product"] = admin(
        "product.product",
        "search_read",
        [
            ("default_code", "=like", "G%"),
            ("tracking", "=", "none"),
            ("available_in_pos", "=", True),
            ("lst_price", ">", 1),
        ],
        ["lst_price"],
        limit=1,
    )[0]
    config = admin("pos.config", "read", [till["config_id"]], ["company_id"])[0]
    company = admin(
        "res.company",
        "read",
        [config["company_id"][0]],
        ["retail_stored_value_program_id"],
    )[0]
    assert company["retail_stored_value_program_id"], "the company has no stored value"
    program_id = company["retail_stored_value_program_id"][0]
    reward = admin(
        "loyalty.reward",
        "search_read",
        [("program_id", "=", program_id)],
        ["discount_line_product_id"],
    )[0]
    till["program_id"] = program_id
    till["reward_id"] = reward["id"]
    till["reward_product_id"] = reward["discount_line_product_id"][0]
    till["member_id"] = admin(
        "res.partner", "create", {"name": f"E2E Member {uuid.uuid4().hex[:6]}"}
    )
    return till


def spend_order(till, card_id):
    """An order of the product paid entirely with the card (core's eWallet line)."""
    price = till["product"]["lst_price"]
    order = order_payload(till, [(till["product"], 1.0)])
    order["partner_id"] = till["member_id"]
    order["lines"].append(
        [
            0,
            0,
            {
                "product_id": till["reward_product_id"],
                "qty": 1.0,
                "price_unit": -price,
                "price_subtotal": -price,
                "price_subtotal_incl": -price,
                "discount": 0.0,
                "tax_ids": [[6, 0, []]],
                "is_reward_line": True,
                "reward_id": till["reward_id"],
                "coupon_id": card_id,
                "points_cost": price,
                "reward_identifier_code": uuid.uuid4().hex[:8],
                "uuid": str(uuid.uuid4()),
            },
        ]
    )
    order["amount_total"] = order["amount_paid"] = 0.0
    order["amount_tax"] = 0.0
    order["payment_ids"] = []
    return order


def test_two_tills_spending_one_card_at_once_never_go_below_zero(
    server, admin, stored_value
):
    till = stored_value
    price = till["product"]["lst_price"]
    cashiers = [Client(server["url"], server["db"], "pd_cashier") for _ in range(2)]
    for _trial in range(TRIALS):
        # enough for one order and half of the other
        card_id = admin(
            "loyalty.card",
            "create",
            {
                "program_id": till["program_id"],
                "partner_id": till["member_id"],
                "points": round(price * 1.5, 2),
            },
        )
        orders = [spend_order(till, card_id) for _ in cashiers]
        results = run_together(
            *[
                (lambda c=cashier, o=order: c("pos.order", "sync_from_ui", [o]))
                for cashier, order in zip(cashiers, orders, strict=True)
            ]
        )
        for result, _seconds in results:
            assert not isinstance(result, Exception), result
        saved = admin(
            "pos.order",
            "search_read",
            [("uuid", "in", [order["uuid"] for order in orders])],
            ["state", "retail_review_state", "retail_review_note"],
        )
        # both orders are kept, as paid
        assert len(saved) == 2
        assert {order["state"] for order in saved} == {"paid"}
        points = admin("loyalty.card", "read", [card_id], ["points"])[0]["points"]
        assert points == pytest.approx(0.0)
        # the one beyond the balance is flagged with what the card did not cover
        short = [
            order
            for order in saved
            if "not covered" in (order["retail_review_note"] or "")
        ]
        assert len(short) == 1, saved
        assert short[0]["retail_review_state"] == "to_review"
        assert f"{round(price * 0.5, 2)} not covered" in short[0]["retail_review_note"]


def coupon_order(till, coupon):
    """An order of the product with the one-time coupon's 1-yuan discount."""
    order = order_payload(till, [(till["product"], 1.0)])
    order["partner_id"] = till["member_id"]
    order["lines"].append(
        [
            0,
            0,
            {
                "product_id": coupon["product_id"],
                "qty": 1.0,
                "price_unit": -1.0,
                "price_subtotal": -1.0,
                "price_subtotal_incl": -1.0,
                "discount": 0.0,
                "tax_ids": [[6, 0, []]],
                "is_reward_line": True,
                "reward_id": coupon["reward_id"],
                "coupon_id": coupon["card_id"],
                "points_cost": 1.0,
                "reward_identifier_code": uuid.uuid4().hex[:8],
                "uuid": str(uuid.uuid4()),
            },
        ]
    )
    total = round(order["amount_total"] - 1.0, 2)
    order["amount_total"] = order["amount_paid"] = total
    order["payment_ids"][0][2]["amount"] = total
    return order


def test_two_tills_redeeming_one_coupon_at_once_flag_one(server, admin, stored_value):
    """单次券: a one-time coupon redeemed by two tills at the same moment: both orders
    are kept as paid, exactly one is flagged as using a coupon already used."""
    till = stored_value
    program_id = admin(
        "loyalty.program",
        "create",
        {
            "name": f"E2E Coupon {uuid.uuid4().hex[:6]}",
            "program_type": "coupons",
            "applies_on": "current",
            "trigger": "with_code",
            "pos_ok": True,
            "reward_ids": [
                [
                    0,
                    0,
                    {
                        "reward_type": "discount",
                        "discount": 1,
                        "discount_mode": "per_order",
                        "required_points": 1,
                    },
                ]
            ],
        },
    )
    reward = admin(
        "loyalty.reward",
        "search_read",
        [("program_id", "=", program_id)],
        ["discount_line_product_id"],
    )[0]
    cashiers = [Client(server["url"], server["db"], "pd_cashier") for _ in range(2)]
    for _trial in range(TRIALS):
        coupon = {
            "reward_id": reward["id"],
            "product_id": reward["discount_line_product_id"][0],
            "card_id": admin(
                "loyalty.card",
                "create",
                {
                    "program_id": program_id,
                    "partner_id": till["member_id"],
                    "points": 1,
                },
            ),
        }
        orders = [coupon_order(till, coupon) for _ in cashiers]
        results = run_together(
            *[
                (lambda c=cashier, o=order: c("pos.order", "sync_from_ui", [o]))
                for cashier, order in zip(cashiers, orders, strict=True)
            ]
        )
        for result, _seconds in results:
            assert not isinstance(result, Exception), result
        saved = admin(
            "pos.order",
            "search_read",
            [("uuid", "in", [order["uuid"] for order in orders])],
            ["state", "retail_review_note"],
        )
        assert len(saved) == 2
        assert {order["state"] for order in saved} == {"paid"}
        twice = [
            order
            for order in saved
            if "already used" in (order["retail_review_note"] or "")
        ]
        assert len(twice) == 1, saved
        uses = admin("loyalty.card", "read", [coupon["card_id"]], ["retail_till_uses"])
        assert uses[0]["retail_till_uses"] == 2
