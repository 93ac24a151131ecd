"""POS synchronisation time against the size of the POS history.

    bin/retail bench-history [--lines 5000000] [--scale small]

On the two benchmark databases of ``run.py`` (vanilla and ours, see bench/README.md),
measures the median time to synchronise one paid order (of 3 lines, one of them a
refund of an earlier sale) on the current history, then adds ``--lines`` order lines of
history (closed sessions, 5 lines per order) with bulk SQL and measures again. Prints,
per database, the median before and after and the ratio after / before. Each database is
measured in a copy (``<db>_history``), dropped at the end (``--keep`` keeps it): removing
millions of lines takes longer than adding them.
"""

import argparse
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import psycopg2
from odoo_cli import dsn, odoo_args

LINES_PER_ORDER = 5


def add_history(db, lines, log):
    """Closed sessions full of done orders, inserted with generate_series."""
    started = time.time()
    orders = lines // LINES_PER_ORDER
    conn = psycopg2.connect(dsn(db))
    with conn, conn.cursor() as cr:
        cr.execute("SELECT id, company_id FROM pos_config WHERE name = 'Bench till'")
        till, company = cr.fetchone()
        cr.execute(
            """
            INSERT INTO pos_session (config_id, name, state, user_id, start_at, stop_at)
            SELECT %s, 'HIST/' || g, 'closed', 1, now() - interval '400 days',
                   now() - interval '399 days'
              FROM generate_series(1, %s) g
            RETURNING id
            """,
            (till, max(orders // 500, 1)),
        )
        sessions = [row[0] for row in cr.fetchall()]
        cr.execute(
            """
            INSERT INTO pos_order (name, pos_reference, uuid, session_id, config_id,
                                   company_id, state, date_order, amount_total,
                                   amount_paid, amount_tax, amount_return)
            SELECT 'HIST/' || g, 'Order HIST-' || g, md5('hist' || g)::uuid::text,
                   (%(sessions)s::int[])[1 + g %% %(n_sessions)s], %(config)s,
                   %(company)s, 'done', now() - interval '400 days', 50, 50, 0, 0
              FROM generate_series(1, %(orders)s) g
            """,
            {
                "sessions": sessions,
                "n_sessions": len(sessions),
                "config": till,
                "company": company,
                "orders": orders,
            },
        )
        cr.execute(
            """
            INSERT INTO pos_order_line (name, order_id, product_id, qty, price_unit,
                                        price_subtotal, price_subtotal_incl, uuid,
                                        full_product_name, company_id)
            SELECT 'HIST', o.id, (p.ids)[1 + (o.id * 7 + k) %% array_length(p.ids, 1)],
                   1, 10, 10, 10,
                   md5('hist-line' || o.id || '-' || k)::uuid::text, 'Bench', o.company_id
              FROM pos_order o
              JOIN generate_series(1, %(per)s) k ON true
              CROSS JOIN (SELECT array_agg(id) AS ids
                            FROM (SELECT id FROM product_product
                                   WHERE default_code LIKE 'BP%%'
                                   ORDER BY id LIMIT 1000) s) p
             WHERE o.name LIKE 'HIST/%%'
            """,
            {"per": LINES_PER_ORDER},
        )
        cr.execute("ANALYZE pos_order; ANALYZE pos_order_line")
    conn.close()
    log(
        f"{db}: {orders} orders, {orders * LINES_PER_ORDER} lines of history in "
        f"{time.time() - started:.0f}s"
    )


def measure(db, repeat):
    """Median seconds to sync one order with a refund line, committed each time."""
    from bench_pos_sync import open_till, order_payloads

    import odoo
    from odoo import SUPERUSER_ID, api

    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        session = env["pos.session"].search(
            [("config_id.name", "=", "Bench till"), ("state", "=", "opened")], limit=1
        )
        if session:
            cash = session.payment_method_ids[:1]
        else:
            session, cash = open_till(env)
            session.set_opening_control(0, None)
        first = env["pos.order"].sync_from_ui(
            order_payloads(env, session, cash, 1, seed=1)
        )
        sold_line = first["pos.order.line"][0]
        cr.commit()
        timings = []
        for run in range(repeat + 1):
            payload = order_payloads(env, session, cash, 1, seed=1000 + run)[0]
            payload["lines"].append(
                (
                    0,
                    0,
                    {
                        "product_id": sold_line["product_id"],
                        "qty": -1,
                        "price_unit": sold_line["price_unit"],
                        "price_subtotal": -sold_line["price_unit"],
                        "price_subtotal_incl": -sold_line["price_unit"],
                        "refunded_orderline_id": sold_line["id"],
                        "tax_ids": [(6, 0, [])],
                        "pack_lot_ids": [],
                        "uuid": str(uuid.uuid4()),
                    },
                )
            )
            total = sum(line[2]["price_subtotal_incl"] for line in payload["lines"])
            payload.update(amount_total=total, amount_paid=total)
            payload["payment_ids"][0][2]["amount"] = total
            env.invalidate_all()
            started = time.perf_counter()
            env["pos.order"].sync_from_ui([payload])
            env.flush_all()
            elapsed = time.perf_counter() - started
            cr.commit()
            if run:  # the first one warms the caches
                timings.append(elapsed)
    return statistics.median(timings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", default="small")
    parser.add_argument("--lines", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    import odoo

    odoo.tools.config.parse_config(odoo_args())
    dbs = [f"rw_bench_vanilla_{args.scale}", f"rw_bench_retail_{args.scale}"]
    results = {}
    from run import OURS, update_addons

    update_addons(dbs[1], OURS)
    for source in dbs:
        db = f"{source}_history"
        subprocess.run(["dropdb", "--if-exists", db], check=True)
        subprocess.run(["createdb", "-T", source, db], check=True)
        try:
            before = measure(db, args.repeat)
            print(f"{db}: {before:.3f}s on the bench history alone", flush=True)
            add_history(db, args.lines, print)
            after = measure(db, args.repeat)
            print(f"{db}: {after:.3f}s with {args.lines:,} more lines", flush=True)
        finally:
            if not args.keep:
                odoo.modules.registry.Registry.delete(db)
                odoo.sql_db.close_db(db)
                subprocess.run(["dropdb", "--if-exists", db], check=False)
        results[source] = (before, after)
    print(
        f"\nsync of one order (3 lines, one refund) without / with {args.lines:,} "
        "lines of POS history, median"
    )
    for db, (before, after) in results.items():
        print(f"{db:28s} {before:8.3f}s {after:8.3f}s x{after / before:.2f}")


if __name__ == "__main__":
    main()
