"""Chain scale: 200 stores, 50,000 products, 2M wholesale lines, 10M lines of POS history.

    bin/retail bench-chain [--stores 200] [--pos-lines 10000000] [--reuse] [--repeat 3]

Builds ``rw_bench_retail_chain`` with our addons (``run.py``'s ``chain`` scale: 50,000
products, 200,000 lots, 2,000,000 wholesale lines over a year), makes the stores (one
warehouse and one till each, the wholesale orders spread over them) and then measures,
in this order:

1. one order's synchronisation (3 lines, one a refund) before the POS history;
2. the POS history added with bulk SQL: ``--pos-lines`` lines (5 an order) in the stores'
   closed sessions over the last year;
3. the same synchronisation again (goal: within 1.2x of 1.);
4. the materialized sales history rebuilt (the nightly job), then every analysis of
   ``bench_reports.py`` and the sales dashboard, median of ``--repeat`` (goal: under
   2 s each);
5. purchase suggestions for every warehouse × product sold (vendors and stock added by
   SQL): the first refresh, which creates the stock levels, then the next one (goal:
   under 60 s).

Vanilla is not built at this scale: each goal compares with the same database before
its history or is absolute. ``--reuse`` keeps the database (its build takes about half an
hour); steps already done (stores, history, vendors) are detected and skipped.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import psycopg2
from odoo_cli import dsn, odoo_args

LINES_PER_ORDER = 5
ORDERS_PER_SESSION = 200


def log(msg):
    print(f"[chain] {time.strftime('%H:%M:%S')} {msg}", flush=True)


def make_stores(env, stores):
    """Warehouses up to ``stores`` (the first is head office), a till each, and the
    wholesale orders spread over them. Returns the warehouses."""
    Warehouse = env["stock.warehouse"].sudo()
    company = env["res.company"].search([], order="id", limit=1)
    existing = Warehouse.search([("company_id", "=", company.id)], order="id")
    missing = stores - len(existing)
    started = time.time()
    for start in range(0, max(missing, 0), 20):
        Warehouse.create(
            [
                {
                    "name": f"Chain store {n}",
                    "code": f"C{n:03d}",
                    "company_id": company.id,
                }
                for n in range(
                    len(existing) + start, len(existing) + min(start + 20, missing)
                )
            ]
        )
        env.cr.commit()
    warehouses = Warehouse.search([("company_id", "=", company.id)], order="id")
    if missing > 0:
        log(f"{missing} warehouses made in {time.time() - started:.0f}s")
    stores_only = warehouses[1:]
    if "retail_role" in Warehouse._fields:
        stores_only.filtered(lambda w: w.retail_role != "store").write(
            {"retail_role": "store"}
        )
    Config = env["pos.config"].sudo()
    with_till = Config.search(
        [("name", "=like", "Chain till %")]
    ).picking_type_id.warehouse_id
    started = time.time()
    for warehouse in warehouses - with_till:
        Config.create(
            {
                "name": f"Chain till {warehouse.code}",
                "picking_type_id": warehouse.pos_type_id.id,
            }
        )
    env.cr.commit()
    log(f"{len(warehouses - with_till)} tills made in {time.time() - started:.0f}s")
    env.cr.execute(
        "UPDATE sale_order SET warehouse_id = (%(w)s::int[])[1 + id %% %(n)s] "
        "WHERE name LIKE 'BSO%%' AND warehouse_id <> (%(w)s::int[])[1 + id %% %(n)s]",
        {"w": warehouses.ids, "n": len(warehouses)},
    )
    env.cr.commit()
    return warehouses


def add_pos_history(db, lines):
    """Closed sessions of every chain till, full of paid orders over the last year,
    inserted with generate_series. Skipped when the history is there."""
    conn = psycopg2.connect(dsn(db))
    with conn, conn.cursor() as cr:
        cr.execute("SELECT count(*) FROM pos_order WHERE name LIKE 'CHAIN/%%'")
        if cr.fetchone()[0]:
            log("POS history already there")
            return
        started = time.time()
        orders = lines // LINES_PER_ORDER
        cr.execute(
            "SELECT array_agg(id ORDER BY id), min(company_id) FROM pos_config "
            "WHERE name LIKE 'Chain till %%'"
        )
        tills, company = cr.fetchone()
        cr.execute(
            """
            INSERT INTO pos_session (config_id, name, state, user_id, start_at, stop_at)
            SELECT (%(tills)s::int[])[1 + g %% %(n)s], 'CHAIN/' || g, 'closed', 1,
                   now() - (g * 365 / %(sessions)s) * interval '1 day',
                   now() - (g * 365 / %(sessions)s) * interval '1 day' + interval '12 hours'
              FROM generate_series(1, %(sessions)s) g
            """,
            {
                "tills": tills,
                "n": len(tills),
                "sessions": max(orders // ORDERS_PER_SESSION, 1),
            },
        )
        cr.execute(
            "SELECT array_agg(id ORDER BY id) FROM pos_session WHERE name LIKE 'CHAIN/%%'"
        )
        sessions = cr.fetchone()[0]
        cr.execute(
            """
            INSERT INTO pos_order (name, pos_reference, uuid, session_id, config_id,
                                   company_id, state, date_order, amount_total,
                                   amount_paid, amount_tax, amount_return)
            SELECT 'CHAIN/' || g, 'Order CHAIN-' || g, md5('chain' || g)::uuid::text,
                   s.id, s.config_id, %(company)s, 'done',
                   s.start_at + (g %% 600) * interval '1 minute', 0, 0, 0, 0
              FROM generate_series(1, %(orders)s) g
              JOIN pos_session s ON s.id = (%(sessions)s::int[])[1 + g %% %(n)s]
            """,
            {
                "sessions": sessions,
                "n": len(sessions),
                "company": company,
                "orders": orders,
            },
        )
        log(
            f"{orders:,} orders in {len(sessions):,} sessions ({time.time() - started:.0f}s)"
        )
        cr.execute(
            "SELECT min(id), count(*), max(id) - min(id) + 1 = count(*) "
            "FROM product_product WHERE default_code LIKE 'BP%%'"
        )
        first, products, contiguous = cr.fetchone()
        if not contiguous:
            raise SystemExit("the generated products' ids do not follow each other")
        cr.execute(
            """
            INSERT INTO pos_order_line (name, order_id, product_id, qty, price_unit,
                                        price_subtotal, price_subtotal_incl, uuid,
                                        full_product_name, company_id)
            SELECT 'CHAIN', o.id, pick.id, pick.qty, pick.price, pick.qty * pick.price,
                   pick.qty * pick.price,
                   md5('chain-line' || o.id || '-' || k)::uuid::text, 'Bench', o.company_id
              FROM pos_order o
              JOIN generate_series(1, %(per)s) k ON true
             CROSS JOIN LATERAL (
                   -- the generated products' ids follow each other (checked above);
                   -- hashed, so that every store sells all of them
                   SELECT %(first)s + abs(hashint8(o.id::bigint * 8 + k)) %% %(n)s AS id,
                          1 + (o.id + k) %% 3 AS qty,
                          5 + (o.id * 31 + k) %% 200 AS price) pick
             WHERE o.name LIKE 'CHAIN/%%'
            """,
            {"per": LINES_PER_ORDER, "first": first, "n": products},
        )
        log(f"{orders * LINES_PER_ORDER:,} POS lines ({time.time() - started:.0f}s)")
        cr.execute(
            """
            UPDATE pos_order o SET amount_total = t.total, amount_paid = t.total
              FROM (SELECT order_id, sum(price_subtotal_incl) AS total
                      FROM pos_order_line WHERE name = 'CHAIN' GROUP BY order_id) t
             WHERE o.id = t.order_id
            """
        )
    conn.close()
    conn = psycopg2.connect(dsn(db))
    conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute("VACUUM ANALYZE pos_session, pos_order, pos_order_line")
    conn.close()
    log(f"POS history ready in {time.time() - started:.0f}s")


def add_vendors_and_stock(env, warehouses):
    """A vendor for every product and stock of what each store sold in the last 60
    days, as ``bench_stock.stock_chain`` does for three warehouses."""
    cr = env.cr
    cr.execute("SELECT count(*) FROM product_supplierinfo")
    if cr.fetchone()[0]:
        return
    started = time.time()
    company = warehouses[0].company_id
    vendor = env["res.partner"].create({"name": "Chain vendor", "is_company": True})
    cr.execute(
        """
        INSERT INTO product_supplierinfo
            (partner_id, product_tmpl_id, company_id, currency_id, sequence, delay,
             min_qty, price, create_uid, write_uid, create_date, write_date)
        SELECT %(vendor)s, t.id, %(company)s, %(currency)s, 1, 1 + t.id %% 10,
               (t.id %% 5) * 10, round(t.list_price * 0.6, 2), 1, 1, now(), now()
          FROM product_template t WHERE t.default_code LIKE 'BP%%'
        """,
        {
            "vendor": vendor.id,
            "company": company.id,
            "currency": company.currency_id.id,
        },
    )
    sold = env["retail.stock.level"]._retail_sales_velocity_query(
        time.strftime("%Y-%m-%d", time.gmtime(time.time() - 60 * 86400)),
        time.strftime("%Y-%m-%d", time.gmtime(time.time() + 86400)),
        warehouses.ids,
    )
    from odoo.tools import SQL

    cr.execute(
        SQL(
            """
            INSERT INTO stock_quant
                (product_id, location_id, company_id, quantity, reserved_quantity,
                 in_date, create_uid, write_uid, create_date, write_date)
            SELECT s.product_id, w.lot_stock_id, %s, mod(s.product_id * 7 + w.id, 40), 0,
                   now(), 1, 1, now(), now()
              FROM (%s) s JOIN stock_warehouse w ON w.id = s.warehouse_id
            """,
            company.id,
            sold,
        )
    )
    log(f"vendors and {cr.rowcount:,} quants in {time.time() - started:.0f}s")
    cr.execute("ANALYZE")
    env.cr.commit()


def refresh_history(env, results):
    """The whole sales history rebuilt (after an update, on Sunday nights), then a
    night's incremental refresh: the day its cutoff moves over, and the orders
    changed since the last refresh (none here)."""
    from datetime import timedelta

    from odoo import fields

    cr = env.cr
    Report = env["retail.sales.report"]
    started = time.perf_counter()
    Report._refresh_fact(full=True)
    cr.commit()
    results["history_rebuild"] = time.perf_counter() - started
    log(f"sales history rebuilt: {results['history_rebuild']:.1f}s")
    # a night later: the cutoff one day back, the last refresh after the generated
    # data was written (it is not changed since)
    cutoff = Report._fact_cutoff() - timedelta(days=1)
    cr.execute("DELETE FROM retail_sales_fact WHERE date >= %s", [cutoff])
    params = env["ir.config_parameter"].sudo()
    params.set_param(
        "retail_reports.sales_fact_cutoff", fields.Datetime.to_string(cutoff)
    )
    params.set_param(
        "retail_reports.sales_fact_refreshed_at",
        fields.Datetime.to_string(fields.Datetime.now() + timedelta(hours=1)),
    )
    cr.commit()
    started = time.perf_counter()
    Report._refresh_fact()
    cr.commit()
    results["history_night"] = time.perf_counter() - started
    cr.execute("SELECT count(*) FROM retail_sales_fact WHERE date >= %s", [cutoff])
    log(
        f"sales history refreshed for a night: {results['history_night']:.1f}s "
        f"({cr.fetchone()[0]:,} lines of the day)"
    )


def timed(env, func, repeat):
    """Median seconds of ``func()`` after a warm-up run, each rolled back."""
    timings = []
    for run in range(repeat + 1):
        env.invalidate_all()
        started = time.perf_counter()
        func()
        env.flush_all()
        if run:
            timings.append(time.perf_counter() - started)
        env.cr.rollback()
    return statistics.median(timings)


def analyses(env, repeat):
    from datetime import date, timedelta

    import bench_reports

    user_env = env
    results = {}
    for func in (
        bench_reports.sales_fact_by_category_month,
        bench_reports.sales_fact_by_store_channel,
        bench_reports.product_ranking_abc_30_days,
        bench_reports.customer_rfm_365_days,
        bench_reports.store_performance_by_month,
    ):
        results[func.__name__] = timed(user_env, lambda f=func: f(user_env), repeat)
        log(f"{func.__name__}: {results[func.__name__]:.3f}s")
    Report = user_env["retail.sales.report"]
    year = (date.today() - timedelta(days=364), date.today())
    for period, dates in (("days_30", (None, None)), ("custom", year)):
        name = f"sales_dashboard_{'year' if dates[0] else period}"
        results[name] = timed(
            user_env,
            lambda p=period, d=dates: Report.retail_dashboard_data(p, *d),
            repeat,
        )
        log(f"{name}: {results[name]:.3f}s")
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stores", type=int, default=200)
    parser.add_argument("--pos-lines", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--prefix", default="rw_bench")
    args = parser.parse_args()
    db = f"{args.prefix}_retail_chain"

    from pos_history import measure as sync_one_order
    from run import OURS, prepare

    prepare(db, OURS, "chain", args.reuse)
    import odoo
    from odoo import SUPERUSER_ID, api

    odoo.tools.config.parse_config(odoo_args())
    registry = odoo.modules.registry.Registry(db)
    results = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        warehouses = make_stores(env, args.stores)
    conn = psycopg2.connect(dsn(db))
    with conn, conn.cursor() as cr:
        cr.execute("SELECT count(*) FROM pos_order WHERE name LIKE 'CHAIN/%%'")
        history = cr.fetchone()[0]
    conn.close()
    if not history:
        results["sync_before"] = sync_one_order(db, args.repeat * 5)
        log(f"one order synchronised before the history: {results['sync_before']:.3f}s")
    add_pos_history(db, args.pos_lines)
    results["sync_after"] = sync_one_order(db, args.repeat * 5)
    log(f"one order synchronised with the history: {results['sync_after']:.3f}s")
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        refresh_history(env, results)
        cr.execute("SELECT count(*) FROM retail_sales_fact")
        log(f"{cr.fetchone()[0]:,} rows in the materialized history")
        results.update(analyses(env, args.repeat))
        warehouses = env["stock.warehouse"].browse(warehouses.ids)
        add_vendors_and_stock(env, warehouses)
        Level = env["retail.stock.level"]
        for run in ("first", "next"):
            started = time.perf_counter()
            Level._refresh_levels()
            cr.commit()
            results[f"suggestions_{run}"] = time.perf_counter() - started
            log(f"purchase suggestions ({run}): {results[f'suggestions_{run}']:.1f}s")
        cr.execute(
            "SELECT count(*), count(*) FILTER (WHERE suggested_qty > 0) FROM retail_stock_level"
        )
        levels, suggested = cr.fetchone()
        log(f"stock levels: {levels:,}, with a suggestion: {suggested:,}")
    print("\nchain scale:", args.stores, "stores,", f"{args.pos_lines:,}", "POS lines")
    for name, value in results.items():
        print(f"{name:40s} {value:9.3f}s")


if __name__ == "__main__":
    main()
