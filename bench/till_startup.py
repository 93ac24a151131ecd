"""Till start-up in Chromium over a large catalogue: seconds from opening the till's page
to the first sale being possible (the product screen showing products), ours against
vanilla Odoo in one run.

    bin/retail bench-till-startup [--products 50000] [--limits 20000,0] [--repeat 3]

On copies of the benchmark databases (``bin/retail bench`` made them), ``--products``
more saleable products are added with bulk SQL; for each start-up limit of
``--limits`` (core's ``point_of_sale.limited_product_count``: the most recently moved
and favourite products are loaded, 0 loads all) a server is started, a till opened, and
Chromium (headless, a fresh profile each time, so nothing is cached) opens ``/pos/ui``
as the administrator, as the back office's button does (after one untimed start that
builds the web assets); timed until a product card can be clicked. Then a product that
was not loaded is looked up by its barcode on the server (``pos.session``'s
``find_product_by_barcode``, what the till calls on a scan it does not know): timed.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg2
import requests
import websocket

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from live_server import Client, free_port
from odoo_cli import PG, ROOT
from saturation import copy_db, open_bench_till
from topology import Node

ADD_PRODUCTS = """
INSERT INTO product_template
    (name, categ_id, uom_id, uom_po_id, type, service_tracking, tracking,
     purchase_line_warn, sale_line_warn, list_price, active, sale_ok, purchase_ok,
     is_storable, available_in_pos, default_code, create_uid, write_uid, create_date,
     write_date)
SELECT jsonb_build_object('en_US', 'Till product ' || g), t.categ_id, t.uom_id,
       t.uom_po_id, 'consu', 'no', 'none', 'no-message', 'no-message', 5 + (g %% 200),
       true, true, true, true, true, 'TP' || g, 1, 1, now(), now()
  FROM generate_series(1, %(n)s) g,
       (SELECT categ_id, uom_id, uom_po_id FROM product_template
         WHERE default_code = 'BP1') t;
INSERT INTO product_product
    (product_tmpl_id, active, default_code, barcode, create_uid, write_uid,
     create_date, write_date)
SELECT id, true, default_code, '28' || lpad(substr(default_code, 3), 11, '0'), 1, 1,
       now(), now()
  FROM product_template WHERE default_code LIKE 'TP%%';
"""

READY = """(() => {
    const card = document.querySelector('.product-list .product');
    const loader = document.querySelector('.pos-loader');
    return Boolean(card && (!loader || loader.style.opacity === '0'));
})()"""


class Chromium:
    """Headless Chromium driven over its DevTools protocol."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="rw_chromium_")
        self.port = free_port()
        self.proc = subprocess.Popen(
            [
                shutil.which("chromium") or "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--window-size=1366,768",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                pages = requests.get(
                    f"http://127.0.0.1:{self.port}/json", timeout=2
                ).json()
                page = next(p for p in pages if p["type"] == "page")
                break
            except (requests.RequestException, StopIteration):
                time.sleep(0.1)
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=120, suppress_origin=True
        )
        self.id = 0

    def send(self, method, **params):
        self.id += 1
        self.ws.send(json.dumps({"id": self.id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.id:
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def close(self):
        self.ws.close()
        self.proc.kill()
        self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def first_sale_seconds(node, session_id, config_id, timeout=180):
    browser = Chromium()
    try:
        browser.send("Network.enable")
        browser.send(
            "Network.setCookie",
            name="session_id",
            value=session_id,
            domain="127.0.0.1",
            path="/",
        )
        started = time.time()
        browser.send(
            "Page.navigate",
            url=f"{node.url}/pos/ui?config_id={config_id}&from_backend=True",
        )
        while time.time() - started < timeout:
            if browser.evaluate(READY):
                return time.time() - started
            time.sleep(0.1)
        page = browser.evaluate(
            "location.href + ' ' + document.body.innerText.slice(0, 300)"
        )
        print(f"not ready after {timeout} s: {page}", flush=True)
        return None
    finally:
        browser.close()


def measure(args, name, limit):
    source = f"{args.prefix}_{name}_{args.scale}"
    db = f"{source}_till"
    copy_db(source, db)
    node = Node(f"till-startup-{name}", db, 2, None, args.log_dir)
    try:
        conn = psycopg2.connect(**PG, dbname=db)
        with conn, conn.cursor() as cr:
            cr.execute(ADD_PRODUCTS, {"n": args.products})
            cr.execute(
                "SELECT count(*) FROM product_product p JOIN product_template t"
                "  ON t.id = p.product_tmpl_id WHERE t.available_in_pos AND p.active"
            )
            catalogue = cr.fetchone()[0]
        conn.close()
        node.start()
        admin = Client(node.url, db, "admin", "admin")
        admin(
            "ir.config_parameter",
            "set_param",
            "point_of_sale.limited_product_count",
            str(limit),
        )
        till = open_bench_till(admin)
        # the register opened earlier today: the till is restarted in the day
        admin("pos.session", "set_opening_control", [till["session_id"]], 0, "")
        session_id = admin.http.cookies.get("session_id")
        first_sale_seconds(node, session_id, till["config_id"])  # the assets built once
        times = [
            first_sale_seconds(node, session_id, till["config_id"])
            for _ in range(args.repeat)
        ]
        started = time.time()
        found = admin(
            "pos.session",
            "find_product_by_barcode",
            [till["session_id"]],
            f"28{args.products:011d}",
            till["config_id"],
        )
        lookup = time.time() - started
        return {
            "catalogue": catalogue,
            "limit": limit,
            "first_sale_s": [round(t, 2) if t else None for t in times],
            "median_s": round(statistics.median([t or 999 for t in times]), 2),
            "barcode_not_loaded_found": bool(found and found.get("product.product")),
            "barcode_lookup_s": round(lookup, 3),
        }
    finally:
        node.stop()
        subprocess.run(["dropdb", "--if-exists", db], check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", default="rw_bench")
    parser.add_argument("--scale", default="small")
    parser.add_argument("--products", type=int, default=50000)
    parser.add_argument("--limits", default="20000,0")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("vanilla", "retail"))
    args = parser.parse_args()
    args.log_dir = Path(os.environ.get("RW_LOG_DIR", ROOT / ".test-logs"))
    args.log_dir.mkdir(exist_ok=True)
    results = {}
    for limit in [int(x) for x in args.limits.split(",")]:
        for name in [args.only] if args.only else ("vanilla", "retail"):
            key = f"{name} limit {limit}"
            results[key] = measure(args, name, limit)
            print(key, json.dumps(results[key]), flush=True)
    out = ROOT / ".bench" / "till_startup.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
