"""Promotions (营销活动): what the promotions cost at the tills' synchronisation and on a
wholesale order.

The same core loyalty programs in both databases: ours writes them through promotions
(``retail.promotion``, so the server's review re-checks each reward a till gives),
vanilla creates them directly with the values our promotions write.

``pos_sync_1000_orders_promotions`` is ``pos_sync_1000_orders`` with three promotions
running: 满100减10 / 满200减30 (a program per tier), 20 % off 200 products and 买二送一 on
one product. Every order of 100 or more carries the tier's reward line, every order with
a discounted product the discount's; each applied program has a card of the order, as
the till gets from core's ``confirm_coupon_programs``. 50 orders per call.

``wholesale_order_500_lines_promotions`` prices a 500-line order with two promotions
running (满1000减50 / 满5000减300 and 10 % off 100 products): the order's programs and
rewards are updated and the rewards claimed (ours claims them by itself, vanilla's are
claimed as its Promotions button does), then the totals computed.
"""

import random
import uuid

from bench_pos_sync import CHUNK, open_till
from registry import benchmark

ORDERS = 1000


def _rule(threshold=0.0, products=None, minimum_qty=0, mode="order"):
    return {
        "mode": "auto",
        "minimum_amount": threshold,
        "minimum_amount_tax_mode": "incl",
        "minimum_qty": minimum_qty,
        "reward_point_mode": mode,
        "reward_point_amount": 1,
        "product_ids": [(6, 0, products.ids if products else [])],
        "product_domain": "[]",
    }


def _programs(env, tiers, discounted, percent, pair=None, pos=True, sale=True):
    """The loyalty programs of the promotions: through ``retail.promotion`` in our
    database, created directly with the same values in vanilla."""
    today = env.cr.now().date()
    if "retail.promotion" in env:
        Promotion = env["retail.promotion"]
        common = {
            "date_start": today,
            "date_end": today,
            "retail_ok": pos,
            "wholesale_ok": sale,
        }
        promotions = Promotion.create(
            [
                {
                    **common,
                    "name": "Bench 满减",
                    "tier_ids": [
                        (0, 0, {"threshold": threshold, "discount": discount})
                        for threshold, discount in tiers
                    ],
                },
                {
                    **common,
                    "name": "Bench 折扣",
                    "promotion_type": "discount",
                    "product_ids": [(6, 0, discounted.ids)],
                    "discount_percent": percent,
                },
            ]
            + (
                [
                    {
                        **common,
                        "name": "Bench 买二送一",
                        "promotion_type": "buy_get",
                        "product_ids": [(6, 0, pair.ids)],
                    }
                ]
                if pair
                else []
            )
        )
        return promotions.program_ids
    Program = env["loyalty.program"]
    common = {
        "program_type": "promotion",
        "trigger": "auto",
        "applies_on": "current",
        "date_from": today,
        "date_to": today,
        "pos_ok": pos,
        "sale_ok": sale,
        "portal_visible": False,
        "communication_plan_ids": [(5, 0, 0)],
    }
    values = [
        {
            **common,
            "name": f"Bench 满{threshold:g}减{discount:g}",
            "rule_ids": [(0, 0, _rule(threshold))],
            "reward_ids": [
                (
                    0,
                    0,
                    {
                        "reward_type": "discount",
                        "discount_mode": "per_order",
                        "discount": discount,
                        "discount_applicability": "order",
                        "required_points": 1,
                        "description": f"满{threshold:g}减{discount:g}",
                    },
                )
            ],
        }
        for threshold, discount in tiers
    ]
    values.append(
        {
            **common,
            "name": "Bench 折扣",
            "rule_ids": [(0, 0, _rule(products=discounted, minimum_qty=1))],
            "reward_ids": [
                (
                    0,
                    0,
                    {
                        "reward_type": "discount",
                        "discount_mode": "percent",
                        "discount": percent,
                        "discount_applicability": "specific",
                        "discount_product_ids": [(6, 0, discounted.ids)],
                        "required_points": 1,
                        "description": f"{percent:g}% off",
                    },
                )
            ],
        }
    )
    if pair:
        values.append(
            {
                **common,
                "program_type": "buy_x_get_y",
                "name": "Bench 买二送一",
                "rule_ids": [(0, 0, _rule(products=pair, minimum_qty=2, mode="unit"))],
                "reward_ids": [
                    (
                        0,
                        0,
                        {
                            "reward_type": "product",
                            "reward_product_id": pair.id,
                            "reward_product_qty": 1,
                            "required_points": 2,
                            "description": "Buy 2 get 1 free",
                        },
                    )
                ],
            }
        )
    return Program.create(values)


def _reward_line(reward, card, amount):
    return [
        0,
        0,
        {
            "product_id": reward.discount_line_product_id.id,
            "qty": 1,
            "price_unit": -amount,
            "price_subtotal": -amount,
            "price_subtotal_incl": -amount,
            "discount": 0.0,
            "tax_ids": [[6, 0, []]],
            "pack_lot_ids": [],
            "uuid": str(uuid.uuid4()),
            "is_reward_line": True,
            "reward_id": reward.id,
            "coupon_id": card.id,
            "points_cost": 1,
            "reward_identifier_code": str(uuid.uuid4())[:8],
        },
    ]


@benchmark
def pos_sync_1000_orders_promotions(env):
    """Synchronise 1,000 orders with three promotions running, 50 per call."""
    from live_server import order_payload

    session, cash = open_till(env)
    rng = random.Random(13)
    products = env["product.product"].search(
        [("default_code", "=like", "BP%"), ("tracking", "=", "none")], limit=2000
    )
    discounted, pair = products[:200], products[200:201]
    programs = _programs(env, [(100.0, 10.0), (200.0, 30.0)], discounted, 20.0, pair)
    assert set(programs) <= set(session.config_id._get_program_ids())
    discounts = programs.filtered(lambda p: p.reward_ids.reward_type == "discount")
    tiers = discounts.filtered(
        lambda p: p.reward_ids.discount_mode == "per_order"
    ).sorted(lambda p: p.rule_ids.minimum_amount)
    discount = discounts - tiers
    Card = env["loyalty.card"]
    till = {
        "session_id": session.id,
        "pricelist_id": session.config_id.pricelist_id.id,
        "cash": cash.id,
    }
    rows = products.read(["lst_price"])
    sent = []
    for _ in range(ORDERS):
        items = [
            (rng.choice(rows), rng.randint(1, 4)) for _ in range(rng.randint(1, 3))
        ]
        data = order_payload(till, items, name="Bench")
        goods = data["amount_total"]
        off = round(
            sum(
                product["lst_price"] * qty * 0.2
                for product, qty in items
                if product["id"] in discounted.ids
            ),
            2,
        )
        applied = [(discount, off)] if off else []
        reached = [tier for tier in tiers if goods >= tier.rule_ids.minimum_amount]
        if reached:
            applied.append((reached[-1], reached[-1].reward_ids.discount))
        cards = Card.create([{"program_id": p.id, "points": 0} for p, __ in applied])
        for (program, amount), card in zip(applied, cards, strict=True):
            data["lines"].append(_reward_line(program.reward_ids, card, amount))
        total = round(goods - sum(amount for __, amount in applied), 2)
        data["amount_total"] = data["amount_paid"] = total
        data["payment_ids"][0][2]["amount"] = total
        sent.append(data)
    PosOrder = env["pos.order"]
    for start in range(0, len(sent), CHUNK):
        PosOrder.sync_from_ui(sent[start : start + CHUNK])


@benchmark
def wholesale_order_500_lines_promotions(env):
    """Price a 500-line wholesale order with two promotions running."""
    rng = random.Random(5)
    products = env["product.product"].search(
        [("default_code", "=like", "BP%")], limit=5000
    )
    _programs(env, [(1000.0, 50.0), (5000.0, 300.0)], products[:100], 10.0, pos=False)
    partner = env["res.partner"].search([("name", "=like", "Bench customer%")], limit=1)
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_line": [
                (
                    0,
                    0,
                    {
                        "product_id": rng.choice(products).id,
                        "product_uom_qty": rng.randint(1, 80),
                    },
                )
                for _ in range(500)
            ],
        }
    )
    order._update_programs_and_rewards()
    # claimed as the Promotions button does (ours has claimed them already)
    for coupon, rewards in order._get_claimable_rewards().items():
        for reward in rewards:
            order._apply_program_reward(reward, coupon)
    order._update_programs_and_rewards()
    assert order.order_line.filtered("is_reward_line")
    order.amount_total  # noqa: B018 (forces the totals)
