"""Benchmarks of the retail analyses (``retail_reports``).

Each groups every line of the sales fact (``retail.sales.report``: wholesale lines and
POS lines through ``_table_query``); in the vanilla database the same function groups
core's ``sale.report`` the same way, which gives the ratio against core. Vanilla has no
sales channel: there the store x channel benchmark groups by store x sales team, core's
nearest grouping.
"""

from registry import benchmark


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
