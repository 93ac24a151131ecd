"""SQL of the stock levels' refresh (``retail.stock.level._refresh_levels``): the levels
to create, the figures of every level (velocity, stock, moves, orders, main supplier) for
the reorder maths of ``tools/reorder.py``, and the write-back of the results. Not a
model: plain builders of ``odoo.tools.SQL``, each for one set-based statement."""

from decimal import Decimal

from odoo.tools import SQL

from ...tools.reorder import Reorder, reorder

# move states that still bring goods in or take them out of a warehouse
OPEN_MOVE_STATES = ("waiting", "confirmed", "partially_available", "assigned")


def new_levels(company_id, uid, sales, warehouse_ids):
    """Insert a velocity level for every storable product sold (``sales``: product_id,
    warehouse_id, qty) or with negative stock in ``warehouse_ids`` that has none."""
    return SQL(
        """
        INSERT INTO retail_stock_level
            (company_id, warehouse_id, product_id, mode, alert_state,
             create_uid, write_uid, create_date, write_date)
        SELECT %(company)s, s.warehouse_id, s.product_id, 'velocity', 'ok',
               %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC'
          FROM (
            SELECT product_id, warehouse_id FROM (%(sales)s) sold WHERE qty > 0
            UNION
            -- negative stock (负库存) raises its alert even without recent sales
            SELECT q.product_id, loc.warehouse_id
              FROM stock_quant q
              JOIN stock_location loc ON loc.id = q.location_id
             WHERE loc.usage = 'internal'
               AND loc.warehouse_id = ANY(%(warehouses)s)
             GROUP BY q.product_id, loc.warehouse_id
            HAVING SUM(q.quantity) < 0
          ) s
          JOIN product_product pp ON pp.id = s.product_id
          JOIN product_template pt ON pt.id = pp.product_tmpl_id
         WHERE pt.is_storable AND pp.active
        ON CONFLICT (product_id, warehouse_id) DO NOTHING
        """,
        company=company_id,
        uid=uid,
        sales=sales,
        warehouses=list(warehouse_ids),
    )


def _stock(warehouse_ids):
    """product_id, warehouse_id, on_hand, reserved in the internal locations."""
    return SQL(
        """
        SELECT q.product_id, loc.warehouse_id,
               SUM(q.quantity) AS on_hand, SUM(q.reserved_quantity) AS reserved
          FROM stock_quant q
          JOIN stock_location loc ON loc.id = q.location_id
         WHERE loc.usage = 'internal' AND loc.warehouse_id = ANY(%(warehouses)s)
         GROUP BY q.product_id, loc.warehouse_id
        """,
        warehouses=list(warehouse_ids),
    )


def _moves(warehouse_ids):
    """product_id, warehouse_id, incoming, outgoing: the open moves into and out of
    the warehouse (moves inside it count neither)."""
    return SQL(
        """
        SELECT product_id, warehouse_id,
               SUM(incoming) AS incoming, SUM(outgoing) AS outgoing
          FROM (
            SELECT m.product_id, dl.warehouse_id,
                   m.product_qty AS incoming, 0 AS outgoing
              FROM stock_move m
              JOIN stock_location dl ON dl.id = m.location_dest_id
              JOIN stock_location sl ON sl.id = m.location_id
             WHERE m.state IN %(move_states)s
               AND dl.warehouse_id = ANY(%(warehouses)s)
               AND sl.warehouse_id IS DISTINCT FROM dl.warehouse_id
            UNION ALL
            SELECT m.product_id, sl.warehouse_id, 0, m.product_qty
              FROM stock_move m
              JOIN stock_location dl ON dl.id = m.location_dest_id
              JOIN stock_location sl ON sl.id = m.location_id
             WHERE m.state IN %(move_states)s
               AND sl.warehouse_id = ANY(%(warehouses)s)
               AND dl.warehouse_id IS DISTINCT FROM sl.warehouse_id
          ) mv
         GROUP BY product_id, warehouse_id
        """,
        move_states=OPEN_MOVE_STATES,
        warehouses=list(warehouse_ids),
    )


def _ordered(warehouse_ids):
    """product_id, warehouse_id, qty: requests for quotation and store orders not
    confirmed yet (a double precision: so are the purchase lines' quantities)."""
    return SQL(
        """
        SELECT product_id, warehouse_id, SUM(qty) AS qty
          FROM (
            SELECT pol.product_id, spt.warehouse_id, pol.product_uom_qty AS qty
              FROM purchase_order_line pol
              JOIN purchase_order po ON po.id = pol.order_id
              JOIN stock_picking_type spt ON spt.id = po.picking_type_id
             WHERE po.state IN ('draft', 'sent', 'to approve')
               AND spt.warehouse_id = ANY(%(warehouses)s)
               AND pol.display_type IS NULL
            UNION ALL
            SELECT sol.product_id, so.store_warehouse_id, sol.requested_qty
              FROM retail_store_order_line sol
              JOIN retail_store_order so ON so.id = sol.order_id
             WHERE so.state IN ('draft', 'submitted')
               AND so.store_warehouse_id = ANY(%(warehouses)s)
          ) o
         GROUP BY product_id, warehouse_id
        """,
        warehouses=list(warehouse_ids),
    )


def _supplier(company_id, today):
    """product_id, partner_id, delay, min_qty of the main supplier (first valid
    purchase price) of every product of ``lvl``."""
    return SQL(
        """
        SELECT DISTINCT ON (pp.id)
               pp.id AS product_id, si.partner_id, si.delay, si.min_qty
          FROM product_product pp
          JOIN product_supplierinfo si
            ON si.product_tmpl_id = pp.product_tmpl_id
           AND (si.product_id IS NULL OR si.product_id = pp.id)
         WHERE pp.id IN (SELECT product_id FROM lvl)
           AND (si.company_id IS NULL OR si.company_id = %(company)s)
           AND (si.date_end IS NULL OR si.date_end >= %(today)s)
         ORDER BY pp.id, si.product_id IS NULL, si.sequence, si.min_qty,
                  si.price, si.id
        """,
        company=company_id,
        today=today,
    )


# columns of :func:`level_figures`: the level, its supplier, then the arguments of
# ``tools.reorder.reorder`` in its order
LEVEL_FIGURES = (
    "id",
    "supplier_id",
    "mode",
    "daily_sales",
    "lead_days",
    "cover_days",
    "safety_days",
    "min_qty",
    "max_qty",
    "on_hand",
    "free",
    "incoming",
    "outgoing",
    "ordered",
    "supplier_min_qty",
    "pack_qty",
)


def level_figures(company_id, sales, warehouse_ids, today, window):
    """One row per level of ``warehouse_ids``, columns :data:`LEVEL_FIGURES`. Exact quantities (``numeric``) come as
    text, to be read into ``Decimal`` (the cursor would make floats of them); the
    quantity ordered is a double precision."""
    return SQL(
        """
        WITH lvl AS (
            SELECT l.id, l.product_id, l.warehouse_id, l.mode, l.min_qty,
                   l.max_qty, pp.product_tmpl_id,
                   w.retail_role, w.retail_resupply_days,
                   w.retail_cover_days, w.retail_safety_days
              FROM retail_stock_level l
              JOIN stock_warehouse w ON w.id = l.warehouse_id
              JOIN product_product pp ON pp.id = l.product_id
             WHERE l.warehouse_id = ANY(%(warehouses)s)
        ),
        sold AS (%(sales)s), stock AS (%(stock)s), moves AS (%(moves)s),
        ordered AS (%(ordered)s), supplier AS (%(supplier)s)
        SELECT lvl.id,
               CASE WHEN lvl.retail_role = 'store' THEN NULL
                    ELSE supplier.partner_id END AS supplier_id,
               lvl.mode,
               (COALESCE(sold.qty, 0) / %(window)s)::text AS daily_sales,
               CASE WHEN lvl.retail_role = 'store'
                    THEN COALESCE(lvl.retail_resupply_days, 0)
                    ELSE COALESCE(supplier.delay, 0) END AS lead_days,
               lvl.retail_cover_days AS cover_days,
               lvl.retail_safety_days AS safety_days,
               lvl.min_qty::text, lvl.max_qty::text,
               COALESCE(stock.on_hand, 0)::text AS on_hand,
               (COALESCE(stock.on_hand, 0) - COALESCE(stock.reserved, 0))::text AS free,
               COALESCE(moves.incoming, 0)::text AS incoming,
               COALESCE(moves.outgoing, 0)::text AS outgoing,
               COALESCE(ordered.qty, 0)::float8 AS ordered,
               CASE WHEN lvl.retail_role = 'store' THEN '0'
                    ELSE COALESCE(supplier.min_qty, 0)::text END AS supplier_min_qty,
               COALESCE(pt.retail_pack_qty, 0)::text AS pack_qty
          FROM lvl
          JOIN product_template pt ON pt.id = lvl.product_tmpl_id
          LEFT JOIN sold ON sold.product_id = lvl.product_id
                        AND sold.warehouse_id = lvl.warehouse_id
          LEFT JOIN stock ON stock.product_id = lvl.product_id
                         AND stock.warehouse_id = lvl.warehouse_id
          LEFT JOIN moves ON moves.product_id = lvl.product_id
                         AND moves.warehouse_id = lvl.warehouse_id
          LEFT JOIN ordered ON ordered.product_id = lvl.product_id
                           AND ordered.warehouse_id = lvl.warehouse_id
          LEFT JOIN supplier ON supplier.product_id = lvl.product_id
        """,
        warehouses=list(warehouse_ids),
        sales=sales,
        stock=_stock(warehouse_ids),
        moves=_moves(warehouse_ids),
        ordered=_ordered(warehouse_ids),
        supplier=_supplier(company_id, today),
        window=window,
    )


# (column, SQL type of the array it travels in) of the write-back, in order
WRITE_BACK_COLUMNS = (
    ("id", "int"),
    ("daily_sales", "numeric"),
    ("lead_days", "int"),
    ("min_qty", "numeric"),
    ("max_qty", "numeric"),
    ("qty_on_hand", "numeric"),
    ("qty_free", "numeric"),
    ("qty_incoming", "numeric"),
    ("qty_outgoing", "numeric"),
    ("qty_in_progress", "float8"),
    ("qty_forecast", "float8"),
    ("alert_state", "varchar"),
    ("supplier_id", "int"),
    ("supplier_min_qty", "numeric"),
    ("suggested_qty", "float8"),
)


def write_back(arrays):
    """Update the levels from ``arrays``: one PostgreSQL array literal (text such as
    ``{1,2.5,NULL}``) per column of :data:`WRITE_BACK_COLUMNS`, the levels' ids first.
    Floats are written as SQL wrote them: cast to ``numeric`` by PostgreSQL."""
    columns = [column for column, _type in WRITE_BACK_COLUMNS[1:]]
    return SQL(
        """
        UPDATE retail_stock_level l
           SET %(assignments)s, date_refreshed = now() at time zone 'UTC'
          FROM unnest(%(arrays)s) AS r(%(names)s)
         WHERE r.id = l.id
        """,
        assignments=SQL(", ").join(
            SQL("%s = r.%s", SQL.identifier(column), SQL.identifier(column))
            for column in columns
        ),
        arrays=SQL(", ").join(
            SQL("%s::%s[]", array, SQL(sql_type))
            for array, (_column, sql_type) in zip(
                arrays, WRITE_BACK_COLUMNS, strict=True
            )
        ),
        names=SQL(", ").join(
            SQL.identifier(column) for column, _type in WRITE_BACK_COLUMNS
        ),
    )


def _number(text):
    return None if text is None else Decimal(text)


def _array(values):
    """PostgreSQL array literal (text) of ``values``: numbers, words, None."""
    if None in values:
        values = ["NULL" if value is None else value for value in values]
    return "{" + ",".join(map(str, values)) + "}"


def reorder_arrays(rows):
    """The arrays of :func:`write_back` from the rows of :func:`level_figures`: the
    figures as they came (an exact quantity goes back as the very text it came as)
    and the results of the reorder maths. Column by column, not row by row: fewer
    Python objects on 150,000 rows."""
    levels = [
        reorder(
            mode,
            Decimal(sales),
            lead,
            cover,
            safety,
            _number(low),
            _number(high),
            Decimal(stock),
            Decimal(free_stock),
            Decimal(qty_in),
            Decimal(qty_out),
            qty_ordered,
            Decimal(supplier_min),
            Decimal(pack),
        )
        for (
            _id,
            _supplier,
            mode,
            sales,
            lead,
            cover,
            safety,
            low,
            high,
            stock,
            free_stock,
            qty_in,
            qty_out,
            qty_ordered,
            supplier_min,
            pack,
        ) in rows
    ]

    def figure(name):
        index = LEVEL_FIGURES.index(name)
        return [row[index] for row in rows]

    def result(name):
        index = Reorder._fields.index(name)
        return [level[index] for level in levels]

    return [
        _array(values)
        for values in (
            figure("id"),
            figure("daily_sales"),
            figure("lead_days"),
            result("min_qty"),
            result("max_qty"),
            figure("on_hand"),
            figure("free"),
            figure("incoming"),
            figure("outgoing"),
            figure("ordered"),
            result("forecast"),
            result("alert"),
            figure("supplier_id"),
            figure("supplier_min_qty"),
            result("suggested_qty"),
        )
    ]
