"""Benchmarks of the retail analyses (``retail_reports``).

Each groups every line of the sales fact (``retail.sales.report``: wholesale lines and
POS lines through ``_table_query``); in the vanilla database the same function groups
core's ``sale.report`` the same way, which gives the ratio against core. Vanilla has no
sales channel: there the store x channel benchmark groups by store x sales team, core's
nearest grouping.
"""

from registry import benchmark, setup


def _ours(env):
    return "retail.sales.report" in env


@benchmark
def sales_fact_by_category_month(env):
    """Sales fact over all lines, grouped by product category and month."""
    if _ours(env):
        env["retail.sales.report"]._read_group(
            [], ["categ_id", "date:month"], ["revenue:sum", "quantity:sum"]
        )
    else:
        env["sale.report"]._read_group(
            [],
            ["categ_id", "date:month"],
            ["price_subtotal:sum", "product_uom_qty:sum"],
        )


@benchmark
def sales_fact_by_store_channel(env):
    """Sales fact over all lines, grouped by store and sales channel."""
    if _ours(env):
        env["retail.sales.report"]._read_group(
            [],
            ["warehouse_id", "channel_id"],
            ["revenue:sum", "margin:sum", "quantity:sum"],
        )
    else:
        env["sale.report"]._read_group(
            [],
            ["warehouse_id", "team_id"],
            ["price_subtotal:sum", "product_uom_qty:sum"],
        )


@benchmark
def product_ranking_abc_30_days(env):
    """Top 20 products by revenue over 30 days with ABC classes (ours only; vanilla
    groups sale.report by product over the same days)."""
    if _ours(env):
        ranking = env["retail.product.ranking"].new({"limit": 20})
        ranking._ranking()
    else:
        from datetime import timedelta

        from odoo import fields

        env["sale.report"]._read_group(
            [("date", ">=", fields.Datetime.now() - timedelta(days=30))],
            ["product_id"],
            ["price_subtotal:sum"],
            order="price_subtotal:sum desc",
            limit=20,
        )


@setup
def sales_deliveries(env):
    """Every generated sale line delivered from its order's warehouse to the customer
    on the order's date: a done stock move linked to its sale line, its move line and
    its valuation layer (quantity and value at the product's cost), as deliveries leave
    them; what the stock turnover analysis and the sales fact's cost read. Deliveries
    of an earlier version of this set-up, not linked to their sale lines, are made
    again."""
    cr = env.cr
    cr.execute(
        "SELECT sale_line_id IS NOT NULL FROM stock_move"
        " WHERE name = 'Bench sale delivery' LIMIT 1"
    )
    done = cr.fetchone()
    if done and done[0]:
        return
    if done:
        cr.execute(
            """
            DELETE FROM stock_valuation_layer
             WHERE stock_move_id IN (SELECT id FROM stock_move
                                      WHERE name = 'Bench sale delivery');
            DELETE FROM stock_move_line
             WHERE move_id IN (SELECT id FROM stock_move
                                WHERE name = 'Bench sale delivery');
            DELETE FROM stock_move WHERE name = 'Bench sale delivery';
            """
        )
    company = env["res.company"].search([], order="id", limit=1)
    customers = env.ref("stock.stock_location_customers").id
    cr.execute(
        """
        INSERT INTO stock_move
            (name, product_id, product_uom, product_uom_qty, product_qty, quantity,
             location_id, location_dest_id, company_id, state, procure_method, date,
             picking_type_id, warehouse_id, sale_line_id, create_uid, write_uid,
             create_date, write_date)
        SELECT 'Bench sale delivery', sol.product_id, sol.product_uom,
               sol.product_uom_qty, sol.product_uom_qty, sol.product_uom_qty,
               w.lot_stock_id, %(customers)s, %(company)s, 'done', 'make_to_stock',
               so.date_order, w.out_type_id, w.id, sol.id, 1, 1, so.date_order,
               so.date_order
          FROM sale_order_line sol
          JOIN sale_order so ON so.id = sol.order_id
          JOIN stock_warehouse w ON w.id = so.warehouse_id
         WHERE so.name LIKE 'BSO%%' AND sol.product_id IS NOT NULL
        """,
        {"customers": customers, "company": company.id},
    )
    cr.execute(
        """
        INSERT INTO stock_move_line
            (move_id, product_id, product_uom_id, quantity, quantity_product_uom,
             location_id, location_dest_id, company_id, state, date, picked,
             create_uid, write_uid, create_date, write_date)
        SELECT m.id, m.product_id, m.product_uom, m.quantity, m.quantity,
               m.location_id, m.location_dest_id, m.company_id, 'done', m.date, true,
               1, 1, m.date, m.date
          FROM stock_move m
         WHERE m.name = 'Bench sale delivery'
        """
    )
    cr.execute(
        """
        INSERT INTO stock_valuation_layer
            (product_id, stock_move_id, company_id, quantity, unit_cost, value,
             remaining_qty, remaining_value, description, create_uid, write_uid,
             create_date, write_date)
        SELECT m.product_id, m.id, m.company_id, -m.quantity, cost.value,
               -m.quantity * cost.value, 0, 0, 'Bench sale delivery', 1, 1, m.date,
               m.date
          FROM stock_move m
          JOIN product_product p ON p.id = m.product_id
         CROSS JOIN LATERAL (
                SELECT COALESCE((p.standard_price ->> m.company_id::text)::numeric,
                                0) AS value
         ) cost
         WHERE m.name = 'Bench sale delivery'
        """
    )
    cr.execute("ANALYZE stock_move, stock_move_line, stock_valuation_layer")
    # the nightly refresh would carry the deliveries' cost into the sales history
    from generate import refresh_sales_history

    refresh_sales_history(cr, lambda msg: None)


def _days_to_today(env, days):
    from datetime import timedelta

    from odoo import fields

    today = fields.Date.context_today(env.user)
    return today - timedelta(days=days - 1), today


@benchmark
def stock_turnover_per_product_30_days(env):
    """Stock turnover and days of inventory per product over 30 days, every warehouse
    (opening and closing stock from the quants and the done moves since, cost of goods
    sold from the valuation layers of the deliveries); vanilla has no turnover: core's
    nearest reads, the valuation layers of the same days grouped by product and the
    quants grouped by product and warehouse."""
    date_from, date_to = _days_to_today(env, 30)
    if _ours(env):
        wizard = env["retail.stock.turnover"].new(
            {"date_from": date_from, "date_to": date_to, "group_by": "product"}
        )
        wizard._turnover_rows()
    else:
        env["stock.valuation.layer"]._read_group(
            [("create_date", ">=", date_from)],
            ["product_id"],
            ["quantity:sum", "value:sum"],
        )
        env["stock.quant"]._read_group(
            [("location_id.usage", "=", "internal")],
            ["product_id", "warehouse_id"],
            ["quantity:sum"],
        )


@benchmark
def customer_rfm_365_days(env):
    """Customer analysis over a year (RFM scores and segments by ntile over every
    customer); vanilla: core sale.report grouped by customer over the same days (count,
    last date, revenue)."""
    date_from, date_to = _days_to_today(env, 365)
    if _ours(env):
        env["retail.customer.analysis"].new(
            {"date_from": date_from, "date_to": date_to}
        )._rfm()
    else:
        env["sale.report"]._read_group(
            [("date", ">=", date_from)],
            ["partner_id"],
            ["__count", "date:max", "price_subtotal:sum"],
        )


@benchmark
def store_performance_by_month(env):
    """Store performance (sales, margin, transactions, basket size, target) per store
    and month over every line; vanilla: core sale.report by warehouse and month."""
    if _ours(env):
        env["retail.store.performance"]._read_group(
            [],
            ["warehouse_id", "month:month"],
            ["revenue:sum", "margin:sum", "transactions:sum", "target_revenue:sum"],
        )
    else:
        env["sale.report"]._read_group(
            [],
            ["warehouse_id", "date:month"],
            ["price_subtotal:sum", "nbr:sum"],
        )
