"""Generate a retail chain at scale with bulk SQL, identically in any database.

Products (a quarter tracked by lot, with barcodes and costs), lots with expiry dates,
customers, and confirmed sale orders with their lines spread over a year. Everything is
derived from ``generate_series``, so two databases given the same scale get the same data,
which is what the benchmarks compare. Used by ``bench/run.py``; on its own:

    python bench/generate.py DB --products 50000 --lots 200000 --lines 1000000
"""

import argparse
import time

import psycopg2


def xmlid(cr, module, name):
    cr.execute(
        "SELECT res_id FROM ir_model_data WHERE module = %s AND name = %s",
        (module, name),
    )
    return cr.fetchone()[0]


def generate(dsn, products, lots, lines, customers=2000, lines_per_order=10, log=print):
    started = time.time()
    conn = psycopg2.connect(dsn)
    try:
        with conn, conn.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM product_template WHERE default_code LIKE 'BP%%'"
            )
            if cr.fetchone()[0]:
                raise SystemExit("bench data is already in this database")
            unit = xmlid(cr, "uom", "product_uom_unit")
            categ = xmlid(cr, "product", "product_category_all")
            cr.execute("SELECT id, currency_id FROM res_company ORDER BY id LIMIT 1")
            company, currency = cr.fetchone()
            cr.execute("SELECT id FROM product_pricelist ORDER BY id LIMIT 1")
            pricelist = (cr.fetchone() or [None])[
                0
            ]  # none until pricelists are enabled
            cr.execute(
                "SELECT id FROM stock_warehouse WHERE company_id = %s ORDER BY id LIMIT 1",
                (company,),
            )
            warehouse = cr.fetchone()[0]

            cr.execute(
                """
                INSERT INTO product_template
                    (name, categ_id, uom_id, uom_po_id, type, service_tracking, tracking,
                     purchase_line_warn, sale_line_warn, list_price, active, sale_ok,
                     purchase_ok, is_storable, available_in_pos, default_code,
                     create_uid, write_uid, create_date, write_date)
                SELECT jsonb_build_object('en_US', 'Bench product ' || g),
                       %(categ)s, %(unit)s, %(unit)s, 'consu', 'no',
                       CASE WHEN g %% 4 = 0 THEN 'lot' ELSE 'none' END,
                       'no-message', 'no-message', 5 + (g %% 200), true, true, true, true,
                       true, 'BP' || g, 1, 1, now(), now()
                  FROM generate_series(1, %(n)s) g
                """,
                {"categ": categ, "unit": unit, "n": products},
            )
            cr.execute(
                """
                INSERT INTO product_product
                    (product_tmpl_id, active, default_code, barcode, standard_price,
                     create_uid, write_uid, create_date, write_date)
                SELECT t.id, true, t.default_code,
                       '29' || lpad(substr(t.default_code, 3), 11, '0'),
                       jsonb_build_object(%(company)s::text, round(t.list_price * 0.7, 2)),
                       1, 1, now(), now()
                  FROM product_template t
                 WHERE t.default_code LIKE 'BP%%'
                """,
                {"company": company},
            )
            log(f"{products} products in {time.time() - started:.1f}s")

            lots_per_product = max(1, lots // max(1, products // 4))
            cr.execute(
                """
                INSERT INTO stock_lot
                    (product_id, name, company_id, expiration_date,
                     create_uid, write_uid, create_date, write_date)
                SELECT p.id, 'L' || p.id || '-' || k, %(company)s,
                       now() + (((p.id * 7 + k * 13) %% 400) - 30) * interval '1 day',
                       1, 1, now(), now()
                  FROM product_product p
                  JOIN product_template t ON t.id = p.product_tmpl_id
                 CROSS JOIN generate_series(1, %(k)s) k
                 WHERE t.default_code LIKE 'BP%%' AND t.tracking = 'lot'
                 LIMIT %(lots)s
                """,
                {"company": company, "k": lots_per_product, "lots": lots},
            )
            log(f"{cr.rowcount} lots in {time.time() - started:.1f}s")

            cr.execute(
                """
                INSERT INTO res_partner
                    (name, complete_name, active, type, is_company, customer_rank,
                     supplier_rank, company_id, autopost_bills,
                     create_uid, write_uid, create_date, write_date)
                SELECT 'Bench customer ' || g, 'Bench customer ' || g, true, 'contact', true,
                       1, 0, NULL, 'ask', 1, 1, now(), now()
                  FROM generate_series(1, %(n)s) g
                """,
                {"n": customers},
            )
            cr.execute(
                "UPDATE res_partner SET commercial_partner_id = id "
                "WHERE name LIKE 'Bench customer %%'"
            )
            cr.execute(
                "SELECT min(id), max(id) FROM res_partner WHERE name LIKE 'Bench customer %%'"
            )
            first_partner, last_partner = cr.fetchone()
            cr.execute(
                "SELECT min(id), max(id) FROM product_product WHERE default_code LIKE 'BP%%'"
            )
            first_product, last_product = cr.fetchone()

            orders = max(1, lines // lines_per_order)
            cr.execute(
                """
                INSERT INTO sale_order
                    (name, company_id, partner_id, partner_invoice_id, partner_shipping_id,
                     date_order, picking_policy, state, currency_id, pricelist_id, user_id,
                     warehouse_id, amount_untaxed, amount_tax, amount_total,
                     create_uid, write_uid, create_date, write_date)
                SELECT 'BSO' || g, %(company)s, p, p, p,
                       now() - ((g %% 365) * interval '1 day'), 'direct', 'sale',
                       %(currency)s, %(pricelist)s, 2, %(warehouse)s, 0, 0, 0,
                       1, 1, now(), now()
                  FROM (SELECT g, %(p0)s + (g * 7919) %% (%(p1)s - %(p0)s + 1) AS p
                          FROM generate_series(1, %(orders)s) g) s
                """,
                {
                    "company": company,
                    "currency": currency,
                    "pricelist": pricelist,
                    "warehouse": warehouse,
                    "p0": first_partner,
                    "p1": last_partner,
                    "orders": orders,
                },
            )
            cr.execute(
                """
                INSERT INTO sale_order_line
                    (order_id, product_id, name, product_uom_qty, product_uom, price_unit,
                     discount, price_subtotal, price_tax, price_total, price_reduce_taxexcl,
                     price_reduce_taxinc, qty_delivered, qty_invoiced, qty_to_invoice,
                     customer_lead, company_id, currency_id, order_partner_id, salesman_id,
                     state, sequence, create_uid, write_uid, create_date, write_date)
                SELECT o.id, pr.id, 'Bench line', q, %(unit)s, pr.price, 0,
                       q * pr.price, 0, q * pr.price, pr.price, pr.price, q, q, 0,
                       0, o.company_id, o.currency_id, o.partner_id, 2, 'sale', k,
                       1, 1, o.date_order, o.date_order
                  FROM sale_order o
                 CROSS JOIN generate_series(1, %(per)s) k
                 CROSS JOIN LATERAL (
                       SELECT %(pp0)s + ((o.id * 31 + k * 7919) %% (%(pp1)s - %(pp0)s + 1)) AS id,
                              (5 + ((o.id + k) %% 200))::numeric AS price) pr
                 CROSS JOIN LATERAL (SELECT (1 + (o.id * k) %% 24)::numeric AS q) qq
                 WHERE o.name LIKE 'BSO%%'
                """,
                {
                    "unit": unit,
                    "per": lines_per_order,
                    "pp0": first_product,
                    "pp1": last_product,
                },
            )
            log(
                f"{cr.rowcount} sale lines in {orders} orders in {time.time() - started:.1f}s"
            )
            cr.execute(
                """
                UPDATE sale_order o
                   SET amount_untaxed = s.total, amount_total = s.total
                  FROM (SELECT order_id, sum(price_subtotal) AS total
                          FROM sale_order_line GROUP BY order_id) s
                 WHERE s.order_id = o.id AND o.name LIKE 'BSO%%'
                """
            )
            refresh_sales_history(cr, log)
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute("VACUUM ANALYZE")
    finally:
        conn.close()
    log(f"generated in {time.time() - started:.1f}s")
    return time.time() - started


def refresh_sales_history(cr, log):
    """With retail_reports: rebuild the sales history as its Sunday job does
    (``retail.sales.report._refresh_fact(full=True)``), so that analyses read the
    history from it."""
    cr.execute("SELECT to_regclass('retail_sales_fact_source')")
    if not cr.fetchone()[0]:
        return
    cr.execute(
        """
        SELECT to_char(date_trunc('day', now() AT TIME ZONE 'UTC') - interval '3 days',
                       'YYYY-MM-DD HH24:MI:SS'),
               to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')
        """
    )
    cutoff, now = cr.fetchone()
    cr.execute("TRUNCATE retail_sales_fact")
    cr.execute(
        "INSERT INTO retail_sales_fact SELECT * FROM retail_sales_fact_source "
        "WHERE date < %s ORDER BY date",
        [cutoff],
    )
    cr.execute(
        """
        INSERT INTO ir_config_parameter (key, value, create_uid, write_uid,
                                         create_date, write_date)
        VALUES ('retail_reports.sales_fact_cutoff', %s, 1, 1, now(), now()),
               ('retail_reports.sales_fact_refreshed_at', %s, 1, 1, now(), now())
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
        """,
        [cutoff, now],
    )
    cr.execute("ANALYZE retail_sales_fact")
    log("sales history materialized")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dsn", help="database name or libpq connection string")
    parser.add_argument("--products", type=int, default=50000)
    parser.add_argument("--lots", type=int, default=200000)
    parser.add_argument("--lines", type=int, default=1000000)
    args = parser.parse_args()
    dsn = args.dsn if "=" in args.dsn else f"dbname={args.dsn}"
    generate(dsn, args.products, args.lots, args.lines)


if __name__ == "__main__":
    main()
