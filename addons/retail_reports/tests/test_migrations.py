import importlib.util
from pathlib import Path

from odoo.tests import TransactionCase, tagged

MIGRATIONS = Path(__file__).parent.parent / "migrations"


def load_script(version, name):
    path = MIGRATIONS / version / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{version}_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigrations(TransactionCase):
    def test_lines_without_a_company_get_the_main_company(self):
        """A database from before the statement lines had a company: the column is
        made and filled with the main company, then the ORM may make it required."""
        cr = self.env.cr
        cr.execute("SELECT COUNT(*) FROM retail_statement_line")
        count = cr.fetchone()[0]
        self.assertTrue(count)
        cr.execute("ALTER TABLE retail_statement_line DROP COLUMN company_id CASCADE")
        load_script("18.0.1.1.0", "pre-migrate").migrate(cr, "18.0.1.0.0")
        cr.execute(
            "SELECT company_id, COUNT(*) FROM retail_statement_line GROUP BY company_id"
        )
        self.assertEqual(cr.fetchall(), [(self.env.ref("base.main_company").id, count)])
        # run again (the column is there): nothing changes
        load_script("18.0.1.1.0", "pre-migrate").migrate(cr, "18.0.1.0.0")
        self.env.invalidate_all()
