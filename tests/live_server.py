"""A real Odoo server on loopback and clients of it: shared by the end-to-end tests and
the soak (``bench/soak.py``)."""

import socket
import subprocess
import time
import urllib.request
import uuid

import requests
from odoo_cli import ODOO_BIN, PYTHON, odoo_args


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db, log, data_dir=None, timeout=120):
    """Start Odoo on ``db`` (threaded, no cron) on a free loopback port, logging into the
    open file ``log``; (process, url) once it answers, None when it did not start."""
    port = free_port()
    proc = subprocess.Popen(
        [
            PYTHON,
            ODOO_BIN,
            *odoo_args(data_dir),
            "-d",
            db,
            f"--db-filter=^{db}$",
            f"--http-port={port}",
            "--http-interface=127.0.0.1",
            "--workers=0",
            "--max-cron-threads=0",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + timeout
    while proc.poll() is None and time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/web/login", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return proc, url
        except OSError:
            pass
        time.sleep(0.5)
    proc.kill()
    return None


class Client:
    """A JSON-RPC client with its own session, as a till or a browser tab is."""

    def __init__(self, url, db, login, password=None):
        self.url = url
        self.http = requests.Session()
        result = self._post(
            "/web/session/authenticate",
            {"db": db, "login": login, "password": password or login},
        )
        if not (result.get("result") or {}).get("uid"):
            raise RuntimeError(f"{login} cannot log in: {result.get('error')}")

    def _post(self, path, params, timeout=300):
        response = self.http.post(
            self.url + path,
            json={"jsonrpc": "2.0", "method": "call", "params": params, "id": 1},
            timeout=timeout,
        )
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}: {response.text[:500]}")
        return response.json()

    def call(self, model, method, *args, **kwargs):
        """The raw answer: {'result': ...} or {'error': ...}."""
        return self._post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def __call__(self, model, method, *args, **kwargs):
        """The result; an error answer raises with the server's message."""
        answer = self.call(model, method, *args, **kwargs)
        if "error" in answer:
            raise RuntimeError(answer["error"]["data"].get("message", answer["error"]))
        return answer.get("result")


def error_name(answer):
    return answer.get("error", {}).get("data", {}).get("name")


def open_till(admin, store_code):
    """The open session of the store's till (opened when none is), its pricelist and
    cash method."""
    config_id = admin(
        "pos.config", "search", [("retail_warehouse_id.code", "=", store_code)]
    )[0]
    fields = ["current_session_id", "pricelist_id", "payment_method_ids"]
    config = admin("pos.config", "read", [config_id], fields)[0]
    if not config["current_session_id"]:
        admin("pos.config", "open_ui", [config_id])
        config = admin("pos.config", "read", [config_id], fields)[0]
    methods = admin(
        "pos.payment.method", "read", config["payment_method_ids"], ["is_cash_count"]
    )
    return {
        "config_id": config_id,
        "session_id": config["current_session_id"][0],
        "pricelist_id": config["pricelist_id"][0],
        "cash": next(method["id"] for method in methods if method["is_cash_count"]),
    }


def order_payload(till, items, name="Order"):
    """A paid cash order as the web POS serializes it; ``items`` are (product, qty)
    with product a dict of ``id`` and ``lst_price`` (untaxed lines)."""
    ref = str(uuid.uuid4())
    now = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    lines = []
    for product, qty in items:
        amount = round(product["lst_price"] * qty, 2)
        lines.append(
            [
                0,
                0,
                {
                    "product_id": product["id"],
                    "qty": qty,
                    "price_unit": product["lst_price"],
                    "price_subtotal": amount,
                    "price_subtotal_incl": amount,
                    "discount": 0.0,
                    "tax_ids": [[6, 0, []]],
                    "pack_lot_ids": [],
                    "uuid": str(uuid.uuid4()),
                },
            ]
        )
    total = round(sum(line[2]["price_subtotal_incl"] for line in lines), 2)
    return {
        "uuid": ref,
        "name": f"{name} {ref[:8]}",
        "session_id": till["session_id"],
        "pricelist_id": till["pricelist_id"],
        "fiscal_position_id": False,
        "partner_id": False,
        "user_id": False,
        "sequence_number": 1,
        "date_order": now,
        "amount_total": total,
        "amount_tax": 0.0,
        "amount_paid": total,
        "amount_return": 0.0,
        "to_invoice": False,
        "last_order_preparation_change": "{}",
        "lines": lines,
        "payment_ids": [
            [0, 0, {"amount": total, "name": now, "payment_method_id": till["cash"]}]
        ],
    }
