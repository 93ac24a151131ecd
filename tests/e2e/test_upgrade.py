"""The upgrade path: a database built by the addons of the release users run
(``tests/upgrade_from``, a commit of this repository) with a few business records in it,
updated by the start of the current addons (``bin/prepare_db.py``, as ``bin/retail
update`` and the Docker ``init`` service run it): every addon upgraded to its current
version, the records kept, the server serving."""

import ast
import os
import subprocess
import tarfile
from io import BytesIO

import psycopg2
from conftest import prepare_db, prepare_db_cmd
from odoo_cli import ADDONS, ODOO_BIN, ODOO_PATH, PYTHON, ROOT, dsn, odoo_args

# business records made in the old release, read back after the upgrade
SEED = """
partner = env["res.partner"].create({"name": "升级测试客户", "is_company": True})
product = env["product.product"].create(
    {"name": "升级测试商品", "type": "consu", "is_storable": True,
     "list_price": 12.5, "barcode": "6901234500017"}
)
order = env["sale.order"].create(
    {"partner_id": partner.id,
     "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 4})]}
)
order.action_confirm()
"""
SEED_RUNNER = f"""
import sys, odoo
odoo.tools.config.parse_config(sys.argv[1:])
with odoo.modules.registry.Registry(odoo.tools.config["db_name"]).cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {{}})
{"".join("    " + line + chr(10) for line in SEED.strip().splitlines())}
"""


def base_commit():
    return (ROOT / "tests/upgrade_from").read_text().split()[0]


def old_addons(tmp_path):
    """The addons folder of the release, from git."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", base_commit(), "addons"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(tmp_path / "old", filter="data")
    return tmp_path / "old" / "addons"


def old_odoo(addons_path, *args):
    """An Odoo command on the release's addons."""
    options = [
        a if not a.startswith("--addons-path=") else f"--addons-path={addons_path}"
        for a in odoo_args()
    ]
    return [PYTHON, ODOO_BIN, *options, *args]


def run_ok(cmd, **kwargs):
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    return proc


def query(db, sql):
    with psycopg2.connect(dsn(db)) as conn, conn.cursor() as cr:
        cr.execute(sql)
        return cr.fetchall()


def test_database_of_the_previous_release_upgrades(db, tmp_path):
    upgraded = f"{db}_upgrade"
    env = dict(os.environ, PYTHONPATH=str(ODOO_PATH))
    old = old_addons(tmp_path)
    old_path = f"{ODOO_PATH / 'addons'},{old}"
    old_list = [a for a in ADDONS if (old / a / "__manifest__.py").is_file()]
    subprocess.run(["dropdb", "--if-exists", "--force", upgraded], check=False)
    try:
        run_ok(
            old_odoo(
                old_path,
                "-d",
                upgraded,
                "-i",
                ",".join([*old_list, "l10n_cn"]),
                "--without-demo=all",
                "--stop-after-init",
                "--log-level=warn",
                "--load-language=zh_CN",
            ),
            env=env,
            timeout=1800,
        )
        run_ok(
            [PYTHON, "-c", SEED_RUNNER, *old_odoo(old_path, "-d", upgraded)[2:]],
            env=env,
            timeout=600,
        )
        # the start of the current addons: no checksums recorded by the old release,
        # so each installed addon is updated
        proc = run_ok(prepare_db_cmd(upgraded, "--update-only"), env=env, timeout=1800)
        output = proc.stdout + proc.stderr
        assert f"database {upgraded} is updated" in output
        assert " ERROR " not in output, output[-3000:]

        states = dict(
            query(
                upgraded,
                "SELECT name, latest_version FROM ir_module_module"
                " WHERE state = 'installed' AND name LIKE 'retail%'",
            )
        )
        for addon in ADDONS:
            manifest = ast.literal_eval(
                (ROOT / "addons" / addon / "__manifest__.py").read_text()
            )
            assert states.get(addon) == manifest["version"], (addon, states.get(addon))
        # the old release's records, as they were
        assert query(
            upgraded,
            "SELECT o.state, l.product_uom_qty, l.price_unit FROM sale_order o"
            " JOIN sale_order_line l ON l.order_id = o.id"
            " JOIN res_partner p ON p.id = o.partner_id WHERE p.name = '升级测试客户'",
        ) == [("sale", 4.0, 12.5)]
        assert query(
            upgraded,
            "SELECT count(*) FROM product_product WHERE barcode = '6901234500017'",
        ) == [(1,)]
        assert prepare_db.stored_checksums(upgraded) == prepare_db.addon_checksums(
            prepare_db.ADDONS.split(",")
        )
        # and the next start has nothing to do
        proc = run_ok(prepare_db_cmd(upgraded, "--update-only"), env=env, timeout=600)
        assert f"database {upgraded} is up to date" in proc.stdout, proc.stdout
    finally:
        subprocess.run(["dropdb", "--if-exists", "--force", upgraded], check=False)
