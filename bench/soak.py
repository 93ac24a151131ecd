"""Soak: mixed POS and back-office load on a live server for a bounded time, then check
that stock, payments and orders reconcile exactly.

    bin/retail soak DB [--minutes 30] [--tills 2] [--clerks 2]

DB must hold the demo chain (``bin/retail demo DB``). A server is started on a free port;
``--tills`` threads sell at the two stores' tills (each order sent once, some twice, as
a till retrying after a timeout), ``--clerks`` threads confirm wholesale orders and
validate their deliveries at head office. At the end:

- every order a till sent exists exactly once, paid, with payments equal to its total;
- every wholesale order confirmed is confirmed once, its delivery done or waiting;
- for every product and internal location, the quantity on hand equals the done moves
  in minus the done moves out (stock reconciles with its history);
- no quant reserves more than it holds.

Exits non-zero when anything does not reconcile.
"""

import argparse
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from live_server import Client, open_till, order_payload, start_server
from odoo_cli import ROOT

CONTENTION = ("could not serialize", "deadlock detected")


def as_a_user(call, contention, tries=3):
    """Run ``call`` as a person does: when the server refuses it because another
    transaction changed the same rows (after its own retries), try again."""
    for attempt in range(tries):
        try:
            return call()
        except RuntimeError as error:
            if attempt == tries - 1 or not any(c in str(error) for c in CONTENTION):
                raise
            contention.append(str(error)[:80])
            time.sleep(0.5)
    return None


def till_worker(url, db, store, deadline, sent, errors, seed):
    rng = random.Random(seed)
    admin = Client(url, db, "admin", "admin")
    cashier = Client(url, db, f"{store.lower()}_cashier")
    till = open_till(admin, store)
    products = admin(
        "product.product",
        "search_read",
        [
            ("default_code", "=like", "G%"),
            ("tracking", "=", "none"),
            ("available_in_pos", "=", True),
        ],
        ["lst_price"],
        limit=40,
    )
    while time.time() < deadline:
        items = [
            (product, rng.randint(1, 3))
            for product in rng.sample(products, rng.randint(1, 3))
        ]
        order = order_payload(till, items, name="Soak")
        try:
            cashier("pos.order", "sync_from_ui", [order])
            if rng.random() < 0.2:  # a till that did not get the answer sends it again
                cashier("pos.order", "sync_from_ui", [order])
            sent.append((order["uuid"], order["amount_total"]))
        except Exception as error:  # noqa: BLE001
            errors.append(f"till {store}: {error}")


def clerk_worker(url, db, deadline, confirmed, errors, contention, seed):
    rng = random.Random(seed)
    clerk = Client(url, db, "hq_admin")
    customers = clerk(
        "res.partner", "search", [("name", "like", "并发测试客户")], limit=2
    )
    if not customers:
        customers = [
            clerk("res.partner", "create", {"name": f"并发测试客户 soak {seed}"})
        ]
    products = clerk(
        "product.product",
        "search",
        [
            ("default_code", "=like", "G%"),
            ("tracking", "=", "none"),
            ("is_storable", "=", True),
        ],
        limit=40,
    )
    while time.time() < deadline:
        try:
            order = clerk(
                "sale.order",
                "create",
                {
                    "partner_id": rng.choice(customers),
                    "order_line": [
                        [
                            0,
                            0,
                            {"product_id": p, "product_uom_qty": 6 * rng.randint(1, 2)},
                        ]
                        for p in rng.sample(products, rng.randint(1, 4))
                    ],
                },
            )
            as_a_user(
                lambda order=order: clerk("sale.order", "action_confirm", [order]),
                contention,
            )
            pickings = clerk("sale.order", "read", [order], ["picking_ids"])[0][
                "picking_ids"
            ]
            for picking in pickings:
                state = clerk("stock.picking", "read", [picking], ["state"])[0]["state"]
                if state == "assigned":
                    as_a_user(
                        lambda picking=picking: clerk(
                            "stock.picking",
                            "button_validate",
                            [picking],
                            context={
                                "skip_backorder": True,
                                "skip_sms": True,
                                "skip_immediate": True,
                            },
                        ),
                        contention,
                    )
            confirmed.append(order)
        except Exception as error:  # noqa: BLE001
            errors.append(f"clerk: {error}")


RECONCILE_STOCK = """
WITH moved AS (
    SELECT product_id, location_dest_id AS location_id, SUM(quantity_product_uom) AS qty
      FROM stock_move_line WHERE state = 'done' GROUP BY 1, 2
    UNION ALL
    SELECT product_id, location_id, -SUM(quantity_product_uom)
      FROM stock_move_line WHERE state = 'done' GROUP BY 1, 2
), history AS (
    SELECT product_id, location_id, SUM(qty) AS qty FROM moved GROUP BY 1, 2
), quants AS (
    SELECT product_id, location_id, SUM(quantity) AS qty, SUM(reserved_quantity) AS reserved
      FROM stock_quant GROUP BY 1, 2
)
SELECT count(*) FILTER (WHERE abs(coalesce(h.qty, 0) - coalesce(q.qty, 0)) > 0.001),
       count(*)
  FROM history h
  FULL JOIN quants q USING (product_id, location_id)
  JOIN stock_location l ON l.id = coalesce(h.location_id, q.location_id)
  JOIN product_product p ON p.id = coalesce(h.product_id, q.product_id)
  JOIN product_template t ON t.id = p.product_tmpl_id
 WHERE l.usage = 'internal' AND t.is_storable
"""


OVER_RESERVED = """
SELECT count(*) FROM stock_quant q JOIN stock_location l ON l.id = q.location_id
 WHERE l.usage = 'internal' AND q.reserved_quantity > q.quantity + 0.001
   AND q.quantity >= 0
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--tills", type=int, default=2)
    parser.add_argument("--clerks", type=int, default=2)
    args = parser.parse_args()
    log_dir = Path(os.environ.get("RW_LOG_DIR", ROOT / ".test-logs"))
    log_dir.mkdir(exist_ok=True)
    log = open(log_dir / "soak-server.log", "w")  # noqa: SIM115 (closed below)
    started = start_server(args.db, log)
    if not started:
        raise SystemExit("the server did not start")
    proc, url = started
    started = time.time()
    deadline = started + args.minutes * 60
    sent, confirmed, errors, contention = [], [], [], []
    threads = [
        threading.Thread(
            target=till_worker,
            args=(url, args.db, ("XH", "PD")[i % 2], deadline, sent, errors, i),
        )
        for i in range(args.tills)
    ] + [
        threading.Thread(
            target=clerk_worker,
            args=(url, args.db, deadline, confirmed, errors, contention, 100 + i),
        )
        for i in range(args.clerks)
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.minutes * 60 + 600)
        admin = Client(url, args.db, "admin", "admin")
        problems = list(errors)
        refs = [ref for ref, _total in sent]
        for start in range(0, len(refs), 500):
            chunk = sent[start : start + 500]
            orders = admin(
                "pos.order",
                "search_read",
                [("uuid", "in", [r for r, _t in chunk])],
                ["uuid", "state", "amount_total", "amount_paid", "payment_ids"],
            )
            if len(orders) != len(chunk):
                problems.append(f"{len(chunk)} orders sent, {len(orders)} saved")
            by_ref = {order["uuid"]: order for order in orders}
            for ref, total in chunk:
                order = by_ref.get(ref)
                if (
                    not order
                    or order["state"] != "paid"
                    or abs(order["amount_paid"] - total) > 0.001
                ):
                    problems.append(f"order {ref}: {order}")
        payments = (
            admin(
                "pos.payment",
                "read_group",
                [("pos_order_id.uuid", "in", refs)],
                ["amount:sum"],
                [],
            )
            if refs
            else [{"amount": 0}]
        )
        paid = sum(total for _ref, total in sent)
        if abs((payments[0]["amount"] or 0) - paid) > 0.01:
            problems.append(f"payments {payments[0]['amount']} for {paid} sold")
        states = admin("sale.order", "read", confirmed, ["state"]) if confirmed else []
        if any(state["state"] != "sale" for state in states):
            problems.append("a confirmed wholesale order is not confirmed")
        out = subprocess.run(
            ["psql", "-d", args.db, "-tAc", RECONCILE_STOCK],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        wrong, checked = (int(x) for x in out.split("|"))
        if wrong:
            problems.append(
                f"{wrong} of {checked} product/location quantities differ from "
                "their move history"
            )
        over = subprocess.run(
            [
                "psql",
                "-d",
                args.db,
                "-tAc",
                OVER_RESERVED,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if int(over):
            problems.append(f"{over} quants reserve more than they hold")
        minutes = (time.time() - started) / 60
        print(
            f"soak {minutes:.1f} min: {len(sent)} POS orders, {len(confirmed)} wholesale "
            f"orders, {checked} product/location balances checked, "
            f"{len(problems)} problems; {len(contention)} requests refused under "
            "contention (after the server's own retries) and done on the next try"
        )
        for problem in problems[:20]:
            print("  -", problem)
        return 1 if problems else 0
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        log.close()


if __name__ == "__main__":
    sys.exit(main())
