"""Point of sale with members: what members paying by balance and earning points cost.

``pos_sync_1000_orders_members`` is ``pos_sync_1000_orders`` (``bench_pos_sync.py``) with
a member on every order: 200 members, each with a stored value card (core's eWallet)
holding 10,000 and a card of a points program (1 point per currency unit); every order
pays 10–50 % of its total with the member's card (core's eWallet reward line) and the
rest in cash. The orders are synchronised 50 per call, then, as core's online till does
after each order, the order's points are confirmed (``confirm_coupon_programs``: the
card spent, the points won) and its history sent (``add_loyalty_history_lines``). The
same calls in both databases: vanilla's eWallet is core's own (pos_loyalty), ours is
the company's stored value card program, debited against the balance on the server at
the synchronisation.
"""

import random
import uuid

from bench_pos_sync import CHUNK, open_till
from registry import benchmark

MEMBERS = 200
BALANCE = 10000.0
ORDERS = 1000


def ewallet_program(env):
    """The company's stored value card program (ours, made for a company with a chart
    of accounts), or a core eWallet of the same shape with its top-up product."""
    company = env.company
    if "retail_stored_value_program_id" in company._fields:
        program = company._retail_ensure_stored_value_program()
        if program:
            return program
    top_up = env["product.product"].create(
        {"name": "Bench eWallet top-up", "type": "service", "list_price": 100.0}
    )
    Program = env["loyalty.program"]
    return Program.create(
        {
            **Program._program_type_default_values()["ewallet"],
            "name": "Bench eWallet",
            "program_type": "ewallet",
            "rule_ids": [
                (
                    0,
                    0,
                    {
                        "reward_point_amount": 1,
                        "reward_point_mode": "money",
                        "reward_point_split": False,
                        "product_ids": [(6, 0, top_up.ids)],
                    },
                )
            ],
            "reward_ids": [
                (
                    0,
                    0,
                    {
                        "reward_type": "discount",
                        "discount_mode": "per_point",
                        "discount": 1,
                        "discount_applicability": "order",
                        "required_points": 1,
                        "description": "eWallet",
                    },
                )
            ],
        }
    )


def points_program(env):
    """Core's loyalty points: 1 point per currency unit, on every order."""
    Program = env["loyalty.program"]
    return Program.create(
        {
            **Program._program_type_default_values()["loyalty"],
            "name": "Bench points",
            "program_type": "loyalty",
            "applies_on": "both",
            "trigger": "auto",
            "rule_ids": [
                (5, 0, 0),
                (
                    0,
                    0,
                    {"reward_point_mode": "money", "reward_point_amount": 1},
                ),
            ],
        }
    )


def members_and_cards(env):
    """200 members, each with a stored value card of 10,000 and a points card."""
    wallet, points = ewallet_program(env), points_program(env)
    wallet.active = True
    members = env["res.partner"].create(
        [{"name": f"Bench member {i}"} for i in range(MEMBERS)]
    )
    Card = env["loyalty.card"].with_context(action_no_send_mail=True)
    wallets = Card.create(
        [
            {"program_id": wallet.id, "partner_id": m.id, "points": BALANCE}
            for m in members
        ]
    )
    cards = Card.create(
        [{"program_id": points.id, "partner_id": m.id, "points": 0} for m in members]
    )
    return wallet, points, list(zip(members, wallets, cards, strict=True))


def member_payload(till, items, member, wallet_card, reward, share):
    """A member's order of ``items`` paying ``share`` of its total with the member's
    stored value card (core's eWallet reward line) and the rest in cash."""
    from live_server import order_payload

    data = order_payload(till, items, name="Bench")
    goods = data["amount_total"]
    spent = round(goods * share, 2)
    cash = round(goods - spent, 2)
    code = str(uuid.uuid4())[:8]
    data["lines"].append(
        [
            0,
            0,
            {
                "product_id": reward.discount_line_product_id.id,
                "qty": 1,
                "price_unit": -spent,
                "price_subtotal": -spent,
                "price_subtotal_incl": -spent,
                "discount": 0.0,
                "tax_ids": [[6, 0, []]],
                "pack_lot_ids": [],
                "uuid": str(uuid.uuid4()),
                "is_reward_line": True,
                "reward_id": reward.id,
                "coupon_id": wallet_card.id,
                "points_cost": spent,
                "reward_identifier_code": code,
            },
        ]
    )
    data["partner_id"] = member.id
    data["amount_total"] = data["amount_paid"] = cash
    data["payment_ids"][0][2]["amount"] = cash
    return data, {"spent": spent, "won": float(int(goods)), "code": code}


def coupon_data(card, points, codes=()):
    return {
        card.id: {
            "points": points,
            "program_id": card.program_id.id,
            "coupon_id": card.id,
            "barcode": False,
            "partner_id": card.partner_id.id,
            "line_codes": list(codes),
        }
    }


@benchmark
def pos_sync_1000_orders_members(env):
    """Synchronise 1,000 members' orders paid partly by balance, 50 per call, then
    confirm each order's points and history as core's online till does."""
    session, cash = open_till(env)
    wallet, points, members = members_and_cards(env)
    assert {wallet, points} <= set(session.config_id._get_program_ids())
    rng = random.Random(11)
    products = env["product.product"].search_read(
        [("default_code", "=like", "BP%"), ("tracking", "=", "none")],
        ["lst_price"],
        limit=2000,
    )
    till = {
        "session_id": session.id,
        "pricelist_id": session.config_id.pricelist_id.id,
        "cash": cash.id,
    }
    sent = []
    for _ in range(ORDERS):
        member, wallet_card, points_card = rng.choice(members)
        items = [
            (rng.choice(products), rng.randint(1, 4)) for _ in range(rng.randint(1, 3))
        ]
        data, moves = member_payload(
            till, items, member, wallet_card, wallet.reward_ids, rng.uniform(0.1, 0.5)
        )
        sent.append((data, wallet_card, points_card, moves))
    PosOrder = env["pos.order"]
    for start in range(0, len(sent), CHUNK):
        chunk = sent[start : start + CHUNK]
        result = PosOrder.sync_from_ui([data for data, *__ in chunk])
        ids = {values["uuid"]: values["id"] for values in result["pos.order"]}
        for data, wallet_card, points_card, moves in chunk:
            order = PosOrder.browse(ids[data["uuid"]])
            answer = order.confirm_coupon_programs(
                {
                    **coupon_data(wallet_card, -moves["spent"], [moves["code"]]),
                    **coupon_data(points_card, moves["won"]),
                }
            )
            order.add_loyalty_history_lines(
                [
                    {"card_id": str(wallet_card.id), "spent": moves["spent"], "won": 0},
                    {"card_id": str(points_card.id), "spent": 0, "won": moves["won"]},
                ],
                answer["coupon_updates"],
            )
