"""What the topology test (``bench/topology.py``) checks once the load is over."""

import json
import uuid

import psycopg2
import requests
from live_server import order_payload
from odoo_cli import PG
from soak import OVER_RESERVED, RECONCILE_STOCK


def primary(db):
    return psycopg2.connect(**PG, dbname=db)


def reconcile(db, sent):
    """Problems with the orders the tills sent: lost, duplicated, unpaid, payments that
    differ; stock that differs from its moves, quants over-reserved."""
    problems = []
    refs = [ref for ref, _total in sent]
    with primary(db) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT uuid, count(*), bool_and(state IN ('paid', 'done', 'invoiced')),"
            "       sum(amount_paid) FROM pos_order WHERE uuid = ANY(%s) GROUP BY uuid",
            [refs],
        )
        found = {row[0]: row[1:] for row in cr.fetchall()}
        lost = [ref for ref in refs if ref not in found]
        duplicated = [ref for ref, row in found.items() if row[0] > 1]
        for ref, total in sent:
            count, paid, amount = found.get(ref, (0, True, 0))
            if count and (not paid or abs(float(amount) - total * count) > 0.001):
                problems.append(f"order {ref}: paid {amount} of {total}")
        cr.execute(
            "SELECT coalesce(sum(p.amount), 0) FROM pos_payment p"
            "  JOIN pos_order o ON o.id = p.pos_order_id WHERE o.uuid = ANY(%s)",
            [refs],
        )
        payments = float(cr.fetchone()[0])
        cr.execute(RECONCILE_STOCK)
        wrong, checked = cr.fetchone()
        cr.execute(OVER_RESERVED)
        over = cr.fetchone()[0]
    total = sum(total for _ref, total in sent)
    if lost:
        problems.append(f"{len(lost)} orders lost, e.g. {lost[:3]}")
    if duplicated:
        problems.append(f"{len(duplicated)} orders duplicated, e.g. {duplicated[:3]}")
    if abs(payments - total) > 0.01:
        problems.append(f"payments {payments:.2f} for {total:.2f} sold")
    if wrong:
        problems.append(f"{wrong} of {checked} stock balances differ from their moves")
    if over:
        problems.append(f"{over} quants reserve more than they hold")
    figures = {
        "lost": len(lost),
        "duplicated": len(duplicated),
        "payments": round(payments, 2),
        "sold": round(total, 2),
        "stock_balances_checked": checked,
    }
    return problems, figures


def across_nodes(on_node_1, on_node_2, till, product):
    """A held order and the store's stock, each made through one node and seen
    through the other. ``on_node_*``: a store's cashier pinned to each node."""
    problems = []
    line = {"product_id": product["id"], "qty": 1, "price_unit": product["lst_price"]}
    held = on_node_1(
        "retail.pos.held.order",
        "retail_hold",
        till["config_id"],
        {"name": f"Topology {uuid.uuid4().hex[:6]}", "lines": [line]},
    )
    listed = on_node_2("retail.pos.held.order", "retail_list", till["config_id"])
    if held not in [order["id"] for order in listed]:
        problems.append("a held order made on node 1 is not listed on node 2")
    on_node_2("retail.pos.held.order", "retail_resume", [held], till["config_id"])
    relisted = on_node_1("retail.pos.held.order", "retail_list", till["config_id"])
    if held in [order["id"] for order in relisted]:
        problems.append("an order resumed on node 2 is still held on node 1")
    first = on_node_1(
        "pos.order", "sync_from_ui", [order_payload(till, [(product, 2)], "Badge")]
    )
    second = on_node_2(
        "pos.order", "sync_from_ui", [order_payload(till, [(product, 1)], "Badge")]
    )
    before = (first.get("retail_store_qty") or {}).get(str(product["id"]))
    after = (second.get("retail_store_qty") or {}).get(str(product["id"]))
    if before is None or after is None:
        problems.append("no store stock in the synchronisations' answers")
    elif abs(before - 1 - after) > 0.001:
        problems.append(
            f"node 2's stock {after} does not count node 1's sale ({before})"
        )
    return problems, {"held_order_across_nodes": held, "stock_after": [before, after]}


def dashboard_on_replica(node, db, replica, login):
    """Head office's sales dashboard through ``node`` (web client route: the replica)
    and through the external API (the primary), once the replica has caught up."""
    problems = []
    http = requests.Session()
    answer = http.post(
        f"{node.url}/web/session/authenticate",
        json={"params": {"db": db, "login": login, "password": login}},
        timeout=60,
    ).json()
    uid = answer["result"]["uid"]
    lag = replica.wait_caught_up(db)
    mark = replica.log_size()
    kwargs = {"period": "days_30"}
    web = http.post(
        f"{node.url}/web/dataset/call_kw/retail.sales.report/retail_dashboard_data",
        json={
            "params": {
                "model": "retail.sales.report",
                "method": "retail_dashboard_data",
                "args": [],
                "kwargs": kwargs,
            }
        },
        timeout=120,
    ).json()
    statements = [s for s in replica.statements(mark) if "retail_sales" in s.lower()]
    api = requests.post(
        f"{node.url}/jsonrpc",
        json={
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    db,
                    uid,
                    login,
                    "retail.sales.report",
                    "retail_dashboard_data",
                    [],
                    kwargs,
                ],
            }
        },
        timeout=120,
    ).json()
    if "error" in web or "error" in api:
        problems.append(f"dashboard: {web.get('error') or api.get('error')}")
    elif json.dumps(web["result"], sort_keys=True) != json.dumps(
        api["result"], sort_keys=True
    ):
        problems.append("the dashboard read on the replica differs from the primary's")
    if not statements:
        problems.append("the dashboard was not read on the replica")
    return problems, {
        "replica_caught_up_s": round(lag, 3),
        "dashboard_statements_on_replica": len(statements),
    }
