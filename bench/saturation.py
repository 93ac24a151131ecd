"""POS synchronisation under load: orders per second at saturation and latency at 80 %
of it, ours against vanilla Odoo in one run.

    bin/retail bench-saturation [--workers 4] [--seconds 60] [--clients 12]

On copies of the benchmark databases (``bin/retail bench`` made them: ``--prefix``,
``--scale``), one Odoo server each with ``--workers``; a till is opened in each and
clients send paid orders of 1–3 generated products, one order per call as a till online
does, each till with its own session:

- saturation: ``--clients`` tills send orders back to back for ``--seconds``; the orders
  per second saved;
- 80 %: orders sent at 80 % of that rate, each on its own, for ``--seconds``; the
  median and the 99th percentile of the time to an answer;

``--stock-at-closing``: core's setting "update quantities in stock at the session's
closing" instead of with each order; both without and with one hot product in every order (its stock row is written by every
order: the quants' contention). An order the server refuses is counted as failed; every
order answered is checked to be saved once.
"""

import argparse
import concurrent.futures
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg2

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import topology_checks
from live_server import Client, order_payload
from odoo_cli import PG, ROOT
from topology import Node, percentile


def copy_db(source, target):
    """A fresh copy of ``source`` for one measurement: through a dump the first time
    (the benchmark databases may be open elsewhere), kept as a template for the next."""
    template = f"{source}_sat_template"
    with psycopg2.connect(**PG, dbname="postgres") as conn, conn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
        exists = cr.fetchone()
    if not exists:
        subprocess.run(["createdb", template], check=True)
        dump = subprocess.Popen(
            ["pg_dump", "--no-owner", source], stdout=subprocess.PIPE
        )
        subprocess.run(
            ["psql", "-q", "-o", "/dev/null", "-d", template],
            stdin=dump.stdout,
            check=True,
        )
        if dump.wait():
            raise SystemExit(f"pg_dump of {source} failed")
    subprocess.run(["dropdb", "--if-exists", target], check=True)
    subprocess.run(["createdb", "-T", template, target], check=True)


def open_bench_till(admin, n=0):
    """A till of its own (its cash journal, method and session), as each till of a
    chain has."""
    journal = admin(
        "account.journal",
        "create",
        {"name": f"Till {n} cash", "code": f"T{n:03d}", "type": "cash"},
    )
    cash = admin(
        "pos.payment.method",
        "create",
        {"name": f"Till {n} cash", "journal_id": journal},
    )
    config = admin(
        "pos.config",
        "create",
        {"name": f"Till {n}", "payment_method_ids": [(6, 0, [cash])]},
    )
    admin("pos.config", "open_ui", [config])
    read = admin(
        "pos.config", "read", [config], ["current_session_id", "pricelist_id"]
    )[0]
    return {
        "config_id": config,
        "session_id": read["current_session_id"][0],
        "pricelist_id": read["pricelist_id"] and read["pricelist_id"][0],
        "cash": cash,
    }


class Load:
    def __init__(self, node, db, tills, products, hot):
        self.node, self.db, self.tills = node, db, tills
        self.products, self.hot = products, hot
        self.local = threading.local()
        self.answered, self.failed, self.latency = [], [], []

    def client(self):
        if not hasattr(self.local, "client"):
            self.local.client = Client(self.node.url, self.db, "admin", "admin")
        return self.local.client

    def send(self, rng, till):
        items = [
            (p, rng.randint(1, 3)) for p in rng.sample(self.products, rng.randint(1, 3))
        ]
        if self.hot:
            items = [(self.hot, 1), *items[:2]]
        order = order_payload(till, items, name="Saturation")
        started = time.time()
        try:
            self.client()("pos.order", "sync_from_ui", [order])
        except Exception as error:  # noqa: BLE001 (a refusal is a figure)
            self.failed.append(str(error)[:120])
            return
        self.latency.append(time.time() - started)
        self.answered.append((order["uuid"], order["amount_total"]))


def saturate(load, clients, seconds):
    deadline = time.time() + seconds

    def till(seed):
        rng = random.Random(seed)
        while time.time() < deadline:
            load.send(rng, load.tills[seed])

    started = time.time()
    threads = [threading.Thread(target=till, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(load.answered) / (time.time() - started)


def at_rate(load, rate, seconds):
    """Orders sent at ``rate`` per second whatever the answers (an open load)."""
    rng = random.Random(99)
    with concurrent.futures.ThreadPoolExecutor(max_workers=64) as pool:
        started = time.time()
        for n in range(int(rate * seconds)):
            time.sleep(max(0.0, started + n / rate - time.time()))
            pool.submit(
                load.send, random.Random(rng.random()), load.tills[n % len(load.tills)]
            )


def measure(args, name, source, hot):
    db = f"{source}_sat"
    copy_db(source, db)
    if args.stock_at_closing:  # core's setting: the till's stock moves at closing
        subprocess.run(
            [
                "psql",
                "-d",
                db,
                "-qc",
                "UPDATE res_company SET point_of_sale_update_stock_quantities = 'closing'",
            ],
            check=True,
        )
    node = Node(f"saturation-{name}", db, args.workers, None, args.log_dir)
    try:
        node.start()
        admin = Client(node.url, db, "admin", "admin")
        tills = [open_bench_till(admin, n) for n in range(args.clients)]
        products = admin(
            "product.product",
            "search_read",
            [("default_code", "=like", "BP%"), ("tracking", "=", "none")],
            ["lst_price"],
            limit=2000,
        )
        hot_product = products.pop() if hot else None
        load = Load(node, db, tills, products, hot_product)
        rate = saturate(load, args.clients, args.seconds)
        saturated = len(load.failed)
        load.latency.clear()
        at_rate(load, 0.8 * rate, args.seconds)
        problems, _figures = topology_checks.reconcile(db, load.answered)
        latency = load.latency
        return {
            "orders_per_second": round(rate, 2),
            "failed_at_saturation": saturated,
            "failed_at_80": len(load.failed) - saturated,
            "p50_at_80_s": round(statistics.median(latency), 3) if latency else None,
            "p99_at_80_s": round(percentile(latency, 0.99), 3),
            "problems": problems,
            "failures": sorted(set(load.failed))[:3],
        }
    finally:
        node.stop()
        subprocess.run(["dropdb", "--if-exists", db], check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", default="rw_bench")
    parser.add_argument("--scale", default="small")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument(
        "--stock-at-closing",
        action="store_true",
        help="the tills' stock moved at the session's closing (core's setting), not per order",
    )
    args = parser.parse_args()
    args.log_dir = Path(os.environ.get("RW_LOG_DIR", ROOT / ".test-logs"))
    args.log_dir.mkdir(exist_ok=True)
    results = {}
    for hot in (False, True):
        for name in ("vanilla", "retail"):
            source = f"{args.prefix}_{name}_{args.scale}"
            key = f"{name}{' hot product' if hot else ''}"
            results[key] = measure(args, name, source, hot)
            print(key, json.dumps(results[key], ensure_ascii=False), flush=True)
    out = (
        ROOT
        / ".bench"
        / f"saturation{'-closing' if args.stock_at_closing else ''}.json"
    )
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    return 1 if any(result["problems"] for result in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
