"""Topology test: the chain-scale deployment on one machine, under till load, with a node
killed mid-run.

    bin/retail topology DB [--tills 20] [--minutes 3] [--workers 2]

DB must hold the demo chain (``bin/retail demo DB``). The deployment of
``docker-compose.chain.yml``, without Docker:

- a PostgreSQL streaming replica of the local cluster, made with ``pg_basebackup`` on a
  free port (``bench/replica.py``: run as root, or as a user whose role may replicate);
- two Odoo nodes on loopback ports, multi-process (``--workers``, each with its gevent
  port), on the same data directory (sessions and filestore shared, as the compose
  file's volume: no sticky sessions), each with ``db_replica_host`` on the replica;
- a round-robin proxy in this process (``Proxy``): each request goes to the next node;
  a node that refuses connections is skipped, as nginx's ``proxy_next_upstream error``
  does; a request whose answer is lost (the node died with it) is not re-sent by the
  proxy: the till keeps the order and sends it again, as the web POS does.

``--tills`` threads sell at the demo's two stores, every request round-robin over the
nodes; one order in ten is sent twice (a till that missed the answer); an order the
server refuses under contention (after its own retries) is sent again, as the web POS
keeps it for its next synchronisation. At 40 % of the
run node 2 is killed (SIGKILL of its master and workers) and at 70 % started again.
Then, with both nodes up:

- every order a till sent exists exactly once, paid, its payments equal to its total;
  every product/location quantity equals its move history; no quant over-reserved;
- a held order made through node 1 is listed and resumed by a till on node 2, and the
  stock a till on node 2 gets back with its synchronisation counts a sale made on node 1;
- once the replica has replayed the primary's WAL, the sales dashboard read by head
  office through a node is served by the replica (its statements are in the replica's
  log) and equals the same figures read through the external API, which Odoo always
  serves from the primary.

Prints the figures; exits non-zero when anything does not hold.
"""

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import topology_checks
from live_server import Client, free_port, open_till, order_payload
from odoo_cli import ODOO_BIN, PG, PYTHON, ROOT, odoo_args
from replica import Replica
from soak import CONTENTION


class Node:
    """An Odoo server in multi-process mode on loopback ports."""

    def __init__(self, name, db, workers, replica_port, log_dir):
        self.name, self.db, self.workers = name, db, workers
        self.replica_port = replica_port
        self.port, self.gevent_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_dir / f"{name}.log"
        self.log_path.unlink(missing_ok=True)  # a restart appends to it
        self.proc = None

    def start(self, timeout=120):
        log = open(self.log_path, "a")  # noqa: SIM115 (the server keeps it)
        self.proc = subprocess.Popen(
            [
                PYTHON,
                ODOO_BIN,
                *odoo_args(),
                "-d",
                self.db,
                f"--db-filter=^{self.db}$",
                "--http-interface=127.0.0.1",
                f"--http-port={self.port}",
                f"--gevent-port={self.gevent_port}",
                f"--workers={self.workers}",
                "--max-cron-threads=0",
                "--limit-time-real=600",
                "--limit-time-cpu=300",
                *(
                    [
                        "--db_replica_host=127.0.0.1",
                        f"--db_replica_port={self.replica_port}",
                    ]
                    if self.replica_port
                    else []
                ),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: killed with its workers
        )
        log.close()
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if requests.get(f"{self.url}/web/login", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.5)
        raise SystemExit(f"{self.name} did not start: see {self.log_path}")

    def kill(self):
        """SIGKILL the master and its workers, in the middle of whatever they do."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


class Proxy:
    """Round robin over the nodes; a node refusing connections is skipped for a while."""

    def __init__(self, nodes):
        self.nodes = nodes
        self.next = 0
        self.down_until = {}
        self.lock = threading.Lock()
        self.served = {node.name: 0 for node in nodes}
        self.rerouted = 0

    def _order(self, pin):
        if pin is not None:
            return [pin]
        with self.lock:
            start = self.next
            self.next = (self.next + 1) % len(self.nodes)
        order = self.nodes[start:] + self.nodes[:start]
        now = time.time()
        return [n for n in order if self.down_until.get(n.name, 0) < now] or order

    def post(self, http, path, payload, pin=None, timeout=300):
        for node in self._order(pin):
            try:
                response = http.post(node.url + path, json=payload, timeout=timeout)
            except requests.ConnectionError as error:
                if "refused" not in str(error).lower():
                    raise  # sent, and the answer lost: the client decides
                with self.lock:
                    self.down_until[node.name] = time.time() + 2
                    self.rerouted += 1
                continue
            with self.lock:
                self.served[node.name] += 1
            return response
        raise requests.ConnectionError("no node is up")


class ProxyClient(Client):
    """A JSON-RPC client whose requests go through the proxy (or to one node: ``pin``)."""

    def __init__(self, proxy, db, login, password=None, pin=None):
        self.proxy, self.pin = proxy, pin
        super().__init__("", db, login, password)

    def _post(self, path, params, timeout=300):
        response = self.proxy.post(
            self.http,
            path,
            {"jsonrpc": "2.0", "method": "call", "params": params, "id": 1},
            pin=self.pin,
            timeout=timeout,
        )
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}: {response.text[:500]}")
        return response.json()


def till_worker(proxy, db, store, products, till, deadline, stats, seed):
    """A till selling until ``deadline``: an order is kept until the server answers."""
    rng = random.Random(seed)
    cashier = ProxyClient(proxy, db, f"{store.lower()}_cashier")
    while time.time() < deadline:
        items = [
            (p, rng.randint(1, 3)) for p in rng.sample(products, rng.randint(1, 4))
        ]
        order = order_payload(till, items, name=f"Topology {store}")
        sends = 2 if rng.random() < 0.1 else 1
        started, saved = time.time(), False
        while sends:
            try:
                cashier("pos.order", "sync_from_ui", [order])
                sends, saved = sends - 1, True
            except requests.RequestException as error:
                stats["lost_answers"].append(str(error)[:80])
                time.sleep(0.5)  # the till keeps the order and sends it again
            except RuntimeError as error:
                if not any(c in str(error) for c in CONTENTION):
                    stats["errors"].append(f"{store}: {str(error)[:200]}")
                    break
                # refused under contention after the server's own retries: the web
                # POS keeps the order and sends it again with its next synchronisation
                stats["refused_under_contention"].append(str(error)[:80])
                time.sleep(0.5)
        if saved:
            stats["latency"].append(time.time() - started)
            stats["sent"].append((order["uuid"], order["amount_total"]))


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))] if values else 0.0


def run_load(args, proxy, nodes, tills, products):
    """The tills' load, node 2 killed at 40 % of the run and started at 70 %."""
    stats = {
        "sent": [],
        "latency": [],
        "lost_answers": [],
        "refused_under_contention": [],
        "errors": [],
    }
    started = time.time()
    deadline = started + args.minutes * 60
    threads = [
        threading.Thread(
            target=till_worker,
            args=(proxy, args.db, store, products, tills[store], deadline, stats, i),
        )
        for i, store in enumerate(("XH", "PD") * (args.tills // 2))
    ]
    for thread in threads:
        thread.start()
    time.sleep(args.minutes * 60 * 0.4)
    nodes[1].kill()
    killed_at = len(stats["sent"])
    time.sleep(args.minutes * 60 * 0.3)
    nodes[1].start()
    for thread in threads:
        thread.join()
    stats["seconds"] = time.time() - started
    stats["orders_before_kill"] = killed_at
    return stats


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--tills", type=int, default=20)
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    log_dir = Path(os.environ.get("RW_LOG_DIR", ROOT / ".test-logs"))
    log_dir.mkdir(exist_ok=True)
    with Replica(PG, free_port()) as replica:
        nodes = [
            Node(f"topology-node{i}", args.db, args.workers, replica.port, log_dir)
            for i in (1, 2)
        ]
        try:
            for node in nodes:
                node.start()
            return check(args, replica, nodes)
        finally:
            for node in nodes:
                node.stop()


def check(args, replica, nodes):
    proxy = Proxy(nodes)
    admin = ProxyClient(proxy, args.db, "admin", "admin")
    tills = {store: open_till(admin, store) for store in ("XH", "PD")}
    products = admin(
        "product.product",
        "search_read",
        [
            ("default_code", "=like", "G%"),
            ("tracking", "=", "none"),
            ("available_in_pos", "=", True),
            ("is_storable", "=", True),
        ],
        ["lst_price"],
        limit=40,
    )
    stats = run_load(args, proxy, nodes, tills, products)
    problems = list(stats["errors"])
    found, figures = topology_checks.reconcile(args.db, stats["sent"])
    problems += found
    pinned = [ProxyClient(proxy, args.db, "xh_cashier", pin=node) for node in nodes]
    found, more = topology_checks.across_nodes(*pinned, tills["XH"], products[0])
    problems += found
    figures.update(more)
    found, more = topology_checks.dashboard_on_replica(
        nodes[0], args.db, replica, "hq_admin"
    )
    problems += found
    figures.update(more)
    retried = sum(
        node.log_path.read_text(errors="replace").count("retrying with a read/write")
        for node in nodes
    )
    if retried:
        problems.append(f"{retried} read-only requests wrote and were run again")
    latency = stats["latency"]
    figures.update(
        tills=args.tills,
        workers_per_node=args.workers,
        seconds=round(stats["seconds"], 1),
        orders=len(stats["sent"]),
        orders_per_second=round(len(stats["sent"]) / stats["seconds"], 2),
        orders_before_kill=stats["orders_before_kill"],
        p50_s=round(statistics.median(latency), 3) if latency else 0,
        p99_s=round(percentile(latency, 0.99), 3),
        answers_lost_and_sent_again=len(stats["lost_answers"]),
        refused_under_contention_and_sent_again=len(stats["refused_under_contention"]),
        requests_rerouted=proxy.rerouted,
        requests_per_node=proxy.served,
    )
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    print(f"topology: {len(problems)} problems")
    for problem in problems[:20]:
        print("  -", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
