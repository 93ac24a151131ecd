"""Point of sale: what a till costs the server.

``pos_sync_1000_orders`` opens a till and sends it 1,000 paid orders of 1–3 generated
products, 50 per call as our tills send a backlog (vanilla receives the same calls), so
the ratio shows what our checks of each order (prices against the pricelist, floor
prices, flash sales, totals and payments, one order per uuid) add to the synchronisation.
"""

import random
import uuid

from registry import benchmark

CHUNK = 50


def open_till(env):
    """A till with a cash method and an open session, in the benchmark's savepoint."""
    journal = env["account.journal"].create(
        {"name": "Bench till cash", "code": "BTC", "type": "cash"}
    )
    cash = env["pos.payment.method"].create(
        {"name": "Bench cash", "journal_id": journal.id}
    )
    config = env["pos.config"].create(
        {"name": "Bench till", "payment_method_ids": [(6, 0, cash.ids)]}
    )
    session = env["pos.session"].create({"config_id": config.id, "user_id": env.uid})
    return session, cash


def order_payloads(env, session, cash, count, seed=7):
    rng = random.Random(seed)
    products = env["product.product"].search(
        [("default_code", "=like", "BP%"), ("tracking", "=", "none")], limit=2000
    )
    pricelist = session.config_id.pricelist_id
    orders = []
    for number in range(count):
        lines = []
        for _line in range(rng.randint(1, 3)):
            product = rng.choice(products)
            qty = rng.randint(1, 4)
            price = product.lst_price
            lines.append(
                (
                    0,
                    0,
                    {
                        "product_id": product.id,
                        "qty": qty,
                        "price_unit": price,
                        "price_subtotal": price * qty,
                        "price_subtotal_incl": price * qty,
                        "discount": 0.0,
                        "tax_ids": [(6, 0, [])],
                        "pack_lot_ids": [],
                        "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                    },
                )
            )
        total = sum(line[2]["price_subtotal_incl"] for line in lines)
        ref = str(uuid.UUID(int=rng.getrandbits(128)))
        orders.append(
            {
                "uuid": ref,
                "name": f"Bench {number:05d}",
                "session_id": session.id,
                "pricelist_id": pricelist.id,
                "fiscal_position_id": False,
                "partner_id": False,
                "user_id": env.uid,
                "sequence_number": number + 1,
                "date_order": "2026-01-01 10:00:00",
                "amount_total": total,
                "amount_tax": 0.0,
                "amount_paid": total,
                "amount_return": 0.0,
                "to_invoice": False,
                "last_order_preparation_change": "{}",
                "lines": lines,
                "payment_ids": [
                    (
                        0,
                        0,
                        {
                            "amount": total,
                            "name": "2026-01-01 10:00:00",
                            "payment_method_id": cash.id,
                        },
                    )
                ],
            }
        )
    return orders


@benchmark
def pos_sync_1000_orders(env):
    """Synchronise 1,000 paid POS orders, 50 per call."""
    session, cash = open_till(env)
    orders = order_payloads(env, session, cash, 1000)
    PosOrder = env["pos.order"]
    for start in range(0, len(orders), CHUNK):
        PosOrder.sync_from_ui(orders[start : start + CHUNK])
