"""The sales fact's history: the table ``retail_sales_fact`` of the orders dated before
its cutoff, which ``retail.sales.report`` reads instead of joining every line (see its
class). Functions of the report model ``report``; the model's methods call them."""

from datetime import timedelta

from odoo import fields
from odoo.tools import SQL

FACT_CUTOFF_PARAM = "retail_reports.sales_fact_cutoff"
FACT_REFRESHED_PARAM = "retail_reports.sales_fact_refreshed_at"
# orders of the last days are always read live: POS orders synced late still count
FACT_SAFETY_DAYS = 3
# changes committed by transactions that began before a refresh are looked for again
FACT_CHANGE_MARGIN = timedelta(hours=1)


def fact_cutoff(report):
    """The history's cutoff, ``None`` until its first refresh."""
    value = report.env["ir.config_parameter"].sudo().get_param(FACT_CUTOFF_PARAM)
    return fields.Datetime.to_datetime(value) if value else None


def create_history(report):
    """The history's table, empty, and ``retail_sales_fact_source``, the report's
    query over every line (a plain view): at every module update, since the query
    follows the code."""
    cr = report.env.cr
    cr.execute("SELECT relkind FROM pg_class WHERE relname = 'retail_sales_fact'")
    if (cr.fetchone() or [None])[0] == "m":  # a materialized view in earlier versions
        cr.execute("DROP MATERIALIZED VIEW retail_sales_fact")
    cr.execute(
        SQL(
            """
            DROP VIEW IF EXISTS retail_sales_fact_source;
            DROP TABLE IF EXISTS retail_sales_fact;
            CREATE VIEW retail_sales_fact_source AS %s;
            CREATE TABLE retail_sales_fact AS
                SELECT * FROM retail_sales_fact_source WITH NO DATA;
            CREATE UNIQUE INDEX retail_sales_fact_id_idx ON retail_sales_fact (id);
            CREATE INDEX retail_sales_fact_date_idx ON retail_sales_fact (date);
            """,
            report._sales_query(),
        )
    )
    report.env["ir.config_parameter"].sudo().set_param(FACT_CUTOFF_PARAM, False)
    # read live until then: the job rebuilds the history at once, not at night
    cron = report.env.ref(
        "retail_reports.retail_sales_report_cron_refresh", raise_if_not_found=False
    )
    if cron:
        cron._trigger()


def refresh_history(report, full=False):
    """Bring the history up to a new cutoff (today minus ``FACT_SAFETY_DAYS``) and
    return it. Incremental once the history is populated: the lines of orders
    changed since the last refresh are read again, then the days between the old
    cutoff and the new one are added. ``full``, or a first refresh, rebuilds it
    all. Readers see the former history until the transaction commits."""
    report.env.flush_all()
    cr = report.env.cr
    params = report.env["ir.config_parameter"].sudo()
    cutoff = (fields.Datetime.now() - timedelta(days=FACT_SAFETY_DAYS)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    previous = fact_cutoff(report)
    refreshed = fields.Datetime.to_datetime(
        params.get_param(FACT_REFRESHED_PARAM) or None
    )
    if full or not previous or not refreshed:
        # in the order of the dates: a period's rows lie together on disk, and
        # the later refreshes add the new days at the end
        cr.execute("TRUNCATE retail_sales_fact")
        cr.execute(
            SQL(
                "INSERT INTO retail_sales_fact "
                "SELECT * FROM retail_sales_fact_source WHERE date < %s ORDER BY date",
                cutoff,
            )
        )
        cr.execute("ANALYZE retail_sales_fact")
    else:
        changed = refreshed - FACT_CHANGE_MARGIN
        cr.execute(
            SQL(
                "DELETE FROM retail_sales_fact WHERE id IN (%s)",
                SQL(" UNION ALL ").join(report._sales_changed_ids(changed)),
            )
        )
        cr.execute(
            SQL(
                "INSERT INTO retail_sales_fact SELECT * FROM (%s) q WHERE q.date < %s",
                report._sales_query(changed=changed),
                previous,
            )
        )
        if cutoff > previous:
            cr.execute(
                SQL(
                    "INSERT INTO retail_sales_fact "
                    "SELECT * FROM (%s) q WHERE q.date < %s",
                    report._sales_query(since=previous),
                    cutoff,
                )
            )
        cutoff = max(cutoff, previous)
    params.set_param(FACT_CUTOFF_PARAM, fields.Datetime.to_string(cutoff))
    params.set_param(FACT_REFRESHED_PARAM, fields.Datetime.to_string(cr.now()))
    return cutoff
