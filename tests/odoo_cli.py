"""Where Odoo is and how to call it: shared by the test runner, the end-to-end tests, the
translation export and the benchmarks. ``bin/retail`` sets the environment; the defaults
match it."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ODOO_PATH = Path(os.environ.get("ODOO_PATH", "/opt/odoo"))
ODOO_BIN = os.environ.get("ODOO_BIN", str(ODOO_PATH / "odoo-bin"))
PYTHON = os.environ.get("ODOO_PYTHON", sys.executable)
ADDONS = [
    "retail_wholesale",
    "retail_backup",
    "retail_book",
    "retail_pos_ext",
    "retail_book_pos",
    "retail_reports",
    "retail_reports_pos",
    "retail_member",
    "retail_member_pos",
    "retail_member_reports",
    "retail_promotion",
    "retail_promotion_pos",
    "retail_promotion_reports",
    "retail_ordering",
]
ADDONS_PATH = os.environ.get("RETAIL_ADDONS_PATH") or ",".join(
    str(p) for p in (ODOO_PATH / "addons", ROOT / "addons") if p.is_dir()
)
PG = {
    "host": os.environ.get("PGHOST", "localhost"),
    "port": os.environ.get("PGPORT", "5432"),
    "user": os.environ.get("PGUSER", "odoo"),
    "password": os.environ.get("PGPASSWORD", "odoo"),
}


def odoo_args(data_dir=None):
    """Options every Odoo command of ours takes: configuration, paths and database."""
    args = [
        "-c",
        str(ROOT / "config/odoo.conf"),
        f"--addons-path={ADDONS_PATH}",
        f"--db_host={PG['host']}",
        f"--db_port={PG['port']}",
        f"--db_user={PG['user']}",
        f"--db_password={PG['password']}",
    ]
    if data_dir:
        args.append(f"--data-dir={data_dir}")
    return args


def odoo_cmd(*args, data_dir=None):
    return [PYTHON, ODOO_BIN, *odoo_args(data_dir), "--db-filter=.*", *args]


def dsn(db):
    return " ".join(f"{k}={v}" for k, v in {"dbname": db, **PG}.items())
