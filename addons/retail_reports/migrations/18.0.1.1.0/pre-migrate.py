"""Statement lines made before they had a company belong to the main company: the column
is filled before the ORM makes it NOT NULL."""

from odoo.tools import sql


def migrate(cr, version):
    if not sql.table_exists(cr, "retail_statement_line") or sql.column_exists(
        cr, "retail_statement_line", "company_id"
    ):
        return
    sql.create_column(cr, "retail_statement_line", "company_id", "int4")
    cr.execute(
        """
        UPDATE retail_statement_line
           SET company_id = COALESCE(
               (SELECT res_id FROM ir_model_data
                 WHERE module = 'base' AND name = 'main_company'),
               (SELECT MIN(id) FROM res_company))
        """
    )
