"""Benchmarks: the same operations on a vanilla Odoo 18 database and on one with the
Retail & Wholesale addons, with the same generated data, timed in one run.

    bin/retail bench                       # small scale (5k products, 20k lots, 100k lines)
    bin/retail bench --scale large         # 50k products, 200k lots, 1M sale lines
    bin/retail bench --reuse               # keep and reuse the two databases of a former run
    bin/retail bench --only barcode_lookup

Each benchmark runs once to warm caches, then ``--repeat`` times (default 5) inside a
savepoint that is rolled back; the median is reported with the ratio ours / vanilla.
Results are also written to ``.bench/results.json``.
"""

import argparse
import importlib
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from odoo_cli import ROOT, dsn, odoo_args, odoo_cmd
from registry import BENCHMARKS, SETUPS, benchmark

CORE = "account,sale_stock,purchase_stock,product_expiry,loyalty,point_of_sale,pos_loyalty,l10n_cn"
OURS = (
    "retail_wholesale,retail_backup,retail_book,retail_pos_ext,retail_book_pos,"
    "retail_reports,retail_reports_pos,retail_member,retail_member_pos,"
    "retail_member_reports,retail_promotion,retail_promotion_pos,"
    "retail_promotion_reports,retail_ordering,l10n_cn"
)
SCALES = {
    "small": {"products": 5000, "lots": 20000, "lines": 100000},
    "large": {"products": 50000, "lots": 200000, "lines": 1000000},
    "chain": {"products": 50000, "lots": 200000, "lines": 2000000},
}


# --------------------------------------------------------------------- benchmarks
@benchmark
def barcode_lookup(env):
    """1,000 product look-ups by barcode, as a cashier's scanner does."""
    rng = random.Random(1)
    Product = env["product.product"]
    count = Product.search_count([("default_code", "=like", "BP%")])
    for _ in range(1000):
        code = f"29{rng.randint(1, count):011d}"
        Product.search([("barcode", "=", code)], limit=1)


@benchmark
def sale_report_by_category_month(env):
    """Sales analysis over all sale lines, grouped by category and month."""
    env["sale.report"]._read_group(
        [], ["categ_id", "date:month"], ["price_subtotal:sum", "product_uom_qty:sum"]
    )


@benchmark
def wholesale_order_200_lines(env):
    """Create a 200-line sale order and compute its totals and prices."""
    rng = random.Random(2)
    products = env["product.product"].search(
        [("default_code", "=like", "BP%")], limit=5000
    )
    partner = env["res.partner"].search([("name", "=like", "Bench customer%")], limit=1)
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_line": [
                (
                    0,
                    0,
                    {
                        "product_id": rng.choice(products).id,
                        "product_uom_qty": rng.randint(1, 60),
                    },
                )
                for _ in range(200)
            ],
        }
    )
    order.amount_total  # noqa: B018 (forces the totals)


@benchmark
def wholesale_order_500_lines_tier_pricing(env):
    """Price a 500-line wholesale order for a customer on a pricelist with quantity
    breaks: through a customer grade with our addons, set on the customer in vanilla."""
    rng = random.Random(3)
    products = env["product.product"].search(
        [("default_code", "=like", "BP%")], limit=5000
    )
    pricelist = env["product.pricelist"].create(
        {
            "name": "Bench wholesale tiers",
            "item_ids": [
                (
                    0,
                    0,
                    {
                        "applied_on": "3_global",
                        "min_quantity": qty,
                        "compute_price": "percentage",
                        "percent_price": pct,
                    },
                )
                for qty, pct in ((1, 5.0), (10, 10.0), (50, 15.0))
            ],
        }
    )
    partner = env["res.partner"].search([("name", "=like", "Bench customer%")], limit=1)
    if "retail.customer.grade" in env:
        grade = env["retail.customer.grade"].create(
            {"name": "Bench W1", "pricelist_id": pricelist.id}
        )
        partner.retail_grade_id = grade
    else:
        partner.property_product_pricelist = pricelist
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_line": [
                (
                    0,
                    0,
                    {
                        "product_id": rng.choice(products).id,
                        "product_uom_qty": rng.randint(1, 80),
                    },
                )
                for _ in range(500)
            ],
        }
    )
    assert order.pricelist_id == pricelist
    order.amount_total  # noqa: B018 (forces the totals)


# benchmarks of a feature area live in bench_<topic>.py next to this file
for _path in sorted(Path(__file__).resolve().parent.glob("bench_*.py")):
    importlib.import_module(_path.stem)


# --------------------------------------------------------------------- plumbing
def db_exists(name):
    out = subprocess.run(
        ["psql", "-d", "postgres", "-tAc", "SELECT datname FROM pg_database"],
        capture_output=True,
        text=True,
        check=False,
    )
    return name in out.stdout.split()


def has_bench_data(name):
    out = subprocess.run(
        [
            "psql",
            "-d",
            name,
            "-tAc",
            "SELECT count(*) FROM product_template WHERE default_code LIKE 'BP%'",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.strip() not in ("", "0")


def prepare(name, modules, scale, reuse):
    """Install `modules` into a new database `name` and generate the chain into it."""
    if reuse and db_exists(name) and has_bench_data(name):
        print(f"[bench] reusing {name}")
        update_addons(name, modules)
        return None
    if not (reuse and db_exists(name)):
        subprocess.run(["dropdb", "--if-exists", name], check=True)
        started = time.time()
        subprocess.run(
            odoo_cmd(
                "-d",
                name,
                "-i",
                modules,
                "--without-demo=all",
                "--stop-after-init",
                "--log-level=warn",
            ),
            check=True,
        )
        print(f"[bench] {name}: installed in {time.time() - started:.0f}s")
    from generate import generate

    return generate(
        dsn(name), log=lambda msg: print(f"[bench] {name}: {msg}"), **SCALES[scale]
    )


def update_addons(name, modules):
    """Bring a reused database's retail addons up to this checkout's code."""
    ours = ",".join(m for m in modules.split(",") if m.startswith("retail_"))
    if ours:
        subprocess.run(
            # -i as well: an addon added since the database was made is installed
            odoo_cmd(
                "-d",
                name,
                "-i",
                ours,
                "-u",
                ours,
                "--stop-after-init",
                "--log-level=warn",
            ),
            check=True,
        )
        # the update rebuilds the materialized sales history empty: fill it again, as
        # the nightly cron would, or the analyses would read every line live
        import psycopg2
        from generate import refresh_sales_history

        with psycopg2.connect(dsn(name)) as conn, conn.cursor() as cr:
            refresh_sales_history(cr, lambda msg: print(f"[bench] {name}: {msg}"))


def run_setups(dbs, names=None):
    """Run the ``@setup`` functions of the feature areas in each database, committed:
    with ``names``, only those of the files of these benchmarks."""
    import odoo
    from odoo import SUPERUSER_ID, api

    for db in dbs:
        with odoo.modules.registry.Registry(db).cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            modules = {BENCHMARKS[name].__module__ for name in names or BENCHMARKS}
            for func in SETUPS:
                if func.__module__ not in modules:
                    continue
                started = time.time()
                func(env)
                env.flush_all()
                print(f"[bench] {db}: {func.__name__} in {time.time() - started:.1f}s")


def _run_once(env, name):
    cr = env.cr
    cr.execute("SAVEPOINT bench")
    env.invalidate_all()
    started = time.perf_counter()
    BENCHMARKS[name](env)
    env.flush_all()
    elapsed = time.perf_counter() - started
    cr.execute("ROLLBACK TO SAVEPOINT bench")
    env.invalidate_all()
    return elapsed


def measure(dbs, names, repeat):
    """{db: {benchmark: median seconds}}; the databases take turns at every run so that
    load on the machine hits both alike."""
    import odoo
    from odoo import SUPERUSER_ID, api

    cursors = {db: odoo.modules.registry.Registry(db).cursor() for db in dbs}
    timings = {db: {name: [] for name in names} for db in dbs}
    try:
        envs = {db: api.Environment(cr, SUPERUSER_ID, {}) for db, cr in cursors.items()}
        for name in names:
            for db in dbs:  # warm-up run, not counted
                _run_once(envs[db], name)
            for _run in range(repeat):
                for db in dbs:
                    timings[db][name].append(_run_once(envs[db], name))
    finally:
        for cr in cursors.values():
            cr.rollback()
            cr.close()
    return {
        db: {n: statistics.median(t) for n, t in by_name.items()}
        for db, by_name in timings.items()
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--reuse", action="store_true", help="reuse the databases if present"
    )
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS))
    parser.add_argument(
        "--prefix",
        default="rw_bench",
        help="database name prefix, so that several checkouts can bench side by side",
    )
    parser.add_argument(
        "--ours-only",
        action="store_true",
        help="time our database only, when vanilla takes too long at this scale",
    )
    args = parser.parse_args()

    import odoo

    vanilla = f"{args.prefix}_vanilla_{args.scale}"
    ours = f"{args.prefix}_retail_{args.scale}"
    dbs = [ours] if args.ours_only else [vanilla, ours]
    modules = {vanilla: CORE, ours: OURS}
    generated = {db: prepare(db, modules[db], args.scale, args.reuse) for db in dbs}
    odoo.tools.config.parse_config(odoo_args())
    names = args.only or sorted(BENCHMARKS)
    run_setups(dbs, names)
    results = measure(dbs, names, args.repeat)
    nan = float("nan")
    results.setdefault(vanilla, dict.fromkeys(names, nan))

    print(f"\nscale {args.scale}: {SCALES[args.scale]}, median of {args.repeat} runs")
    print(f"{'benchmark':34s} {'vanilla':>10s} {'ours':>10s} {'ratio':>7s}")
    rows = []
    for name in names:
        v, o = results[vanilla][name], results[ours][name]
        rows.append({"benchmark": name, "vanilla_s": v, "ours_s": o, "ratio": o / v})
        print(f"{name:34s} {v:10.3f} {o:10.3f} {o / v:7.2f}")
    out = ROOT / ".bench"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(
        json.dumps(
            {
                "scale": args.scale,
                "sizes": SCALES[args.scale],
                "generated_s": generated,
                "results": rows,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
