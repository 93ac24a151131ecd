"""Point of sale: what a till costs the server.

``pos_sync_1000_orders`` opens a till and sends it 1,000 paid orders of 1–3 generated
products, 50 per call as our tills send a backlog (vanilla receives the same calls), so
the ratio shows what our checks of each order (prices against the pricelist, floor
prices, flash sales, totals and payments, one order per uuid) add to the synchronisation.
"""

import random

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
    """``count`` paid cash orders of 1–3 generated products, as a till sends them."""
    from live_server import order_payload

    rng = random.Random(seed)
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
    return [
        order_payload(
            till,
            [
                (rng.choice(products), rng.randint(1, 4))
                for _ in range(rng.randint(1, 3))
            ],
            name="Bench",
        )
        for _ in range(count)
    ]


@benchmark
def pos_sync_1000_orders(env):
    """Synchronise 1,000 paid POS orders, 50 per call."""
    session, cash = open_till(env)
    orders = order_payloads(env, session, cash, 1000)
    PosOrder = env["pos.order"]
    for start in range(0, len(orders), CHUNK):
        PosOrder.sync_from_ui(orders[start : start + CHUNK])
