"""Stock benchmarks: purchase suggestions from sales velocity against core's replenishment.

The set-up spreads the generated sale orders over three warehouses and gives the chain
vendors with lead times and minimums, stock on hand in every warehouse, open deliveries
that push a fifth of the products below zero, and a manual reordering rule for each
product sold in the last 30 days in a warehouse. Both databases get the same data.
"""

from registry import benchmark, setup

WAREHOUSES = (("BW2", "Bench warehouse 2"), ("BW3", "Bench warehouse 3"))
SUPPLIERS = 20


@setup
def stock_chain(env):
    Warehouse = env["stock.warehouse"]
    if Warehouse.search_count([("code", "=", "BW2")]):
        return
    cr = env.cr
    company = env["res.company"].search([], order="id", limit=1)
    hq = Warehouse.search([("company_id", "=", company.id)], order="id", limit=1)
    warehouses = hq | Warehouse.create(
        [
            {"name": name, "code": code, "company_id": company.id}
            for code, name in WAREHOUSES
        ]
    )
    env.flush_all()
    cr.execute(
        """
        UPDATE sale_order
           SET warehouse_id = (%(warehouses)s::int[])[1 + id %% 3]
         WHERE name LIKE 'BSO%%'
        """,
        {"warehouses": warehouses.ids},
    )
    cr.execute(
        """
        INSERT INTO res_partner
            (name, complete_name, active, type, is_company, customer_rank,
             supplier_rank, autopost_bills, create_uid, write_uid, create_date, write_date)
        SELECT 'Bench supplier ' || g, 'Bench supplier ' || g, true, 'contact', true,
               0, 1, 'ask', 1, 1, now(), now()
          FROM generate_series(1, %(n)s) g
        """,
        {"n": SUPPLIERS},
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id "
        "WHERE name LIKE 'Bench supplier %%'"
    )
    cr.execute(
        "SELECT array_agg(id ORDER BY id) FROM res_partner "
        "WHERE name LIKE 'Bench supplier %%'"
    )
    suppliers = cr.fetchone()[0]
    cr.execute(
        """
        INSERT INTO product_supplierinfo
            (partner_id, product_tmpl_id, company_id, currency_id, sequence, delay,
             min_qty, price, create_uid, write_uid, create_date, write_date)
        SELECT (%(suppliers)s::int[])[1 + t.id %% %(n)s], t.id, %(company)s,
               %(currency)s, 1, 1 + t.id %% 10, (t.id %% 5) * 10,
               round(t.list_price * 0.6, 2), 1, 1, now(), now()
          FROM product_template t
         WHERE t.default_code LIKE 'BP%%'
        """,
        {
            "suppliers": suppliers,
            "n": SUPPLIERS,
            "company": company.id,
            "currency": company.currency_id.id,
        },
    )
    cr.execute(
        """
        INSERT INTO stock_quant
            (product_id, location_id, company_id, quantity, reserved_quantity, in_date,
             create_uid, write_uid, create_date, write_date)
        SELECT p.id, w.lot_stock_id, %(company)s, (p.id * 7 + w.id) %% 40, 0, now(),
               1, 1, now(), now()
          FROM product_product p
         CROSS JOIN stock_warehouse w
         WHERE p.default_code LIKE 'BP%%' AND w.id = ANY(%(warehouses)s)
        """,
        {"company": company.id, "warehouses": warehouses.ids},
    )
    customers = env.ref("stock.stock_location_customers").id
    unit = env.ref("uom.product_uom_unit").id
    cr.execute(
        """
        INSERT INTO stock_move
            (name, product_id, product_uom, product_uom_qty, product_qty, location_id,
             location_dest_id, company_id, state, procure_method, date, picking_type_id,
             warehouse_id, create_uid, write_uid, create_date, write_date)
        SELECT 'Bench delivery', p.id, %(unit)s, 45, 45, w.lot_stock_id, %(customers)s,
               %(company)s, 'confirmed', 'make_to_stock', now(), w.out_type_id, w.id,
               1, 1, now(), now()
          FROM product_product p
         CROSS JOIN stock_warehouse w
         WHERE p.default_code LIKE 'BP%%' AND p.id %% 5 = 0 AND w.id = ANY(%(warehouses)s)
        """,
        {
            "unit": unit,
            "customers": customers,
            "company": company.id,
            "warehouses": warehouses.ids,
        },
    )
    cr.execute(
        """
        INSERT INTO stock_warehouse_orderpoint
            (name, trigger, active, warehouse_id, location_id, product_id, company_id,
             product_min_qty, product_max_qty, qty_multiple, create_uid, write_uid,
             create_date, write_date)
        SELECT 'BOP' || s.product_id || '-' || s.warehouse_id, 'manual', true,
               s.warehouse_id, w.lot_stock_id, s.product_id, %(company)s, 10, 50, 1,
               1, 1, now(), now()
          FROM (SELECT DISTINCT sol.product_id, so.warehouse_id
                  FROM sale_order_line sol
                  JOIN sale_order so ON so.id = sol.order_id
                 WHERE so.name LIKE 'BSO%%'
                   AND so.date_order >= now() - interval '30 days') s
          JOIN stock_warehouse w ON w.id = s.warehouse_id
        """,
        {"company": company.id},
    )
    cr.execute("ANALYZE")


@benchmark
def replenishment_suggestions(env):
    """Quantities to order for every product × warehouse: our velocity-based levels and
    purchase suggestions, refreshed in set-based SQL and read grouped by supplier, against
    core's replenishment report (``_get_orderpoint_action``, then the quantity to order
    of every reordering rule, as its list computes them)."""
    if "retail.stock.level" in env:
        Level = env["retail.stock.level"]
        Level._refresh_levels()
        groups = Level._read_group(
            [("suggested_qty", ">", 0)], ["supplier_id"], ["suggested_qty:sum"]
        )
        assert groups
    else:
        Orderpoint = env["stock.warehouse.orderpoint"]
        Orderpoint._get_orderpoint_action()
        orderpoints = Orderpoint.search([])
        assert orderpoints
        orderpoints.mapped("qty_to_order")
