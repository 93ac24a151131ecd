"""A till's session closing with 10,000 orders, ours against vanilla.

    bin/retail bench-closing [--orders 10000] [--scale small] [--modes real,closing]

For each of the two benchmark databases of ``run.py`` (see bench/README.md) and each way
of moving stock (``real``: a picking with every order, core's default; ``closing``: the
pickings of the whole session made at its closing, core's setting), in a fresh copy of
the database: a till is opened, ``--orders`` paid cash orders of 1–3 products are
synchronised 50 per call (ours reviews each: prices, totals, payments, flash sales,
refunds), then the session is closed as the till's closing screen does
(``post_closing_cash_details`` with the cash counted, ``update_closing_control_state_session``,
``close_session_from_ui``: the session's journal entry, and the pickings when stock moves
at closing). Prints the synchronisation and the closing times (goal: closing under 60 s).
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from odoo_cli import odoo_args

CHUNK = 50


def log(msg):
    print(f"[closing] {time.strftime('%H:%M:%S')} {msg}", flush=True)


def measure(db, mode, orders):
    """Seconds to synchronise ``orders`` orders and to close their session."""
    from bench_pos_sync import open_till, order_payloads

    import odoo
    from odoo import SUPERUSER_ID, api

    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env.company.point_of_sale_update_stock_quantities = mode
        session, cash = open_till(env)
        session.set_opening_control(0, "")
        payloads = order_payloads(env, session, cash, orders)
        cr.commit()
        started = time.perf_counter()
        for start in range(0, len(payloads), CHUNK):
            env["pos.order"].sync_from_ui(payloads[start : start + CHUNK])
            cr.commit()
            env.invalidate_all()
        synced = time.perf_counter() - started
        count = env["pos.order"].search_count([("session_id", "=", session.id)])
        assert count == orders, (count, orders)
        log(f"{db} ({mode}): {orders:,} orders synchronised in {synced:.1f}s")
        env.invalidate_all()
        started = time.perf_counter()
        session.post_closing_cash_details(session.cash_register_balance_end)
        session.update_closing_control_state_session("")
        result = session.close_session_from_ui()
        env.flush_all()
        cr.commit()
        closed = time.perf_counter() - started
        assert result.get("successful"), result
        assert session.state == "closed", session.state
        moves = env["stock.move"].search_count(
            [("picking_id.pos_session_id", "=", session.id)]
        )
        log(
            f"{db} ({mode}): session closed in {closed:.1f}s "
            f"(journal entry {session.move_id.name}, {moves:,} stock moves)"
        )
    return synced, closed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--scale", default="small")
    parser.add_argument("--modes", default="real,closing")
    parser.add_argument("--prefix", default="rw_bench")
    args = parser.parse_args()

    import odoo

    odoo.tools.config.parse_config(odoo_args())
    from run import OURS, update_addons

    sources = [
        f"{args.prefix}_vanilla_{args.scale}",
        f"{args.prefix}_retail_{args.scale}",
    ]
    update_addons(sources[1], OURS)
    results = {}
    for mode in args.modes.split(","):
        for source in sources:
            db = f"{source}_closing"
            subprocess.run(["dropdb", "--if-exists", db], check=True)
            subprocess.run(["createdb", "-T", source, db], check=True)
            try:
                results[source, mode] = measure(db, mode, args.orders)
            finally:
                odoo.modules.registry.Registry.delete(db)
                odoo.sql_db.close_db(db)
                subprocess.run(["dropdb", "--if-exists", db], check=False)
    print(f"\nsession of {args.orders:,} orders: synchronisation (50 a call) / closing")
    for mode in args.modes.split(","):
        vanilla, ours = (results[source, mode] for source in sources)
        print(
            f"stock {mode:8s} vanilla {vanilla[0]:7.1f}s / {vanilla[1]:6.1f}s   "
            f"ours {ours[0]:7.1f}s / {ours[1]:6.1f}s   "
            f"closing ratio {ours[1] / vanilla[1]:.2f}"
        )


if __name__ == "__main__":
    main()
