"""The first start of the service recovers from being killed, and later starts update
the addons that changed (``bin/prepare_db.py``, run by ``bin/retail serve`` and by the
Docker ``init`` service)."""

import json
import os
import subprocess

from conftest import LOG_DIR, prepare_db, prepare_db_cmd
from odoo_cli import ADDONS_PATH, ODOO_BIN, ODOO_PATH, PG, PYTHON, odoo_args


def test_killed_first_start_serves_nothing_then_resumes(db, demo_load):
    killed = demo_load["killed"]
    assert killed, "the database was prepared beforehand (RW_DEMO_LOADED)"
    assert "step 2/3: loading the demo chain" in killed["output"]
    # killed a week into the demo: no database under the served name, the installed
    # copy kept, the half-loaded copy left for the next start to drop
    assert killed["databases"] == {
        db: False,
        f"{db}__install": True,
        f"{db}__init": True,
    }
    output = demo_load["output"]
    assert demo_load["returncode"] == 0, output[-3000:]
    assert "step 1/3: the addons are installed already" in output
    assert f"{db}__init, the demo load an earlier start left unfinished" in output
    assert "demo chain: week 13/13 simulated" in output
    assert f"step 3/3: database {db} is ready" in output
    cluster = prepare_db.Cluster()
    assert cluster.exists(db)
    assert not cluster.exists(f"{db}__install")
    assert not cluster.exists(f"{db}__init")


def run_update(db):
    return subprocess.run(
        prepare_db_cmd(db, "--update-only"),
        env=dict(os.environ, PYTHONPATH=str(ODOO_PATH)),
        capture_output=True,
        text=True,
        check=False,
    )


def test_start_updates_the_addons_that_changed(db, server, rpc):
    # the database last saw another retail_backup (another checksum)
    known = prepare_db.stored_checksums(db)
    assert set(known) == set(prepare_db.ADDONS.split(","))
    stale = dict(known, retail_backup="0" * 64)
    prepare_db.store_checksums(db, stale)
    proc = run_update(db)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-3000:]
    assert f"updating in {db}: retail_backup\n" in output
    assert prepare_db.stored_checksums(db) == known
    # nothing changed since: nothing to do
    proc = run_update(db)
    assert proc.returncode == 0
    assert f"database {db} is up to date" in proc.stdout
    # the database still serves
    odoo = rpc("admin", "admin")
    assert odoo.env["ir.module.module"].search_count(
        [("name", "=", "retail_backup"), ("state", "=", "installed")]
    )


def test_update_of_a_missing_database_fails_loudly(db):
    proc = run_update(f"{db}_missing")
    assert proc.returncode == 1
    assert f"there is no database {db}_missing to update" in proc.stdout


SETUP_COMPANY = """
import json, sys
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tools import config

config.parse_config(sys.argv[2:])
with Registry(sys.argv[1]).cursor() as cr:
    env = api.Environment(cr, SUPERUSER_ID, {})
    admin = env.ref("base.user_admin")
    env = env(user=admin, context={"lang": "zh_CN"})
    wizard = env["retail.setup.wizard"].create(
        {"company_name": "上海新开零售有限公司", "email": "service@xinkai.cn"}
    )
    wizard.action_apply_company()
    company = env.company
    print(json.dumps({
        "chart": company.chart_template,
        "currency": company.currency_id.name,
        "prices": company.account_price_include,
        "name": company.name,
        "inventory": env["account.account"].search([("code", "=", "140500")]).name,
    }))
"""


def setup_company(db):
    """{chart, currency, ...} of ``db``'s company after the setup assistant's first
    step, run as the administrator in a process of its own."""
    proc = subprocess.run(
        [PYTHON, "-c", SETUP_COMPANY, db, *odoo_args(LOG_DIR / "filestore")],
        env=dict(os.environ, PYTHONPATH=str(ODOO_PATH)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_first_start_without_demo_gives_an_empty_company_in_chinese(db, tmp_path):
    empty = f"{db}_empty"
    base = prepare_db.ROOT / "config/odoo.conf"
    conf = tmp_path / "retail.conf"
    env = dict(os.environ, PYTHONPATH=str(ODOO_PATH))
    env.pop("RETAIL_MASTER_PASSWORD", None)
    env.pop("RETAIL_ADMIN_PASSWORD", None)
    try:
        proc = subprocess.run(
            prepare_db_cmd(
                empty,
                "--no-demo",
                "--write-config",
                str(base),
                str(conf),
                "--workers=auto",
            ),
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        output = proc.stdout + proc.stderr
        assert proc.returncode == 0, output[-3000:]
        assert f"step 3/3: database {empty} is ready" in output
        assert "loading the demo chain" not in output
        # the administrator's password is not core's 'admin': generated, shown once
        password = output.split("login admin, password ")[1].split(" ")[0]
        from passlib.context import CryptContext

        ((hashed, lang, companies),) = prepare_db.db_query(
            empty,
            "SELECT u.password, p.lang, (SELECT string_agg(name, ',') FROM res_company) "
            "FROM res_users u JOIN res_partner p ON p.id = u.partner_id "
            "WHERE u.login = 'admin'",
        )
        context = CryptContext(["pbkdf2_sha512"])
        assert context.verify(password, hashed)
        assert not context.verify("admin", hashed)
        assert lang == "zh_CN"
        assert "示例零售批发有限公司" not in companies, "no demo chain"
        # the setup assistant's first step, as the administrator, turns that company
        # into a Chinese one: the empty database is where going live starts
        company = setup_company(empty)
        assert company == {
            "chart": "cn",
            "currency": "CNY",
            "prices": "tax_included",
            "name": "上海新开零售有限公司",
            "inventory": "库存商品",
        }, company
        # the server's configuration: a generated master password, kept across starts
        text = conf.read_text()
        assert "admin_passwd = " in text
        assert f"workers = {2 * (os.cpu_count() or 1) + 1}" in text
        master = text.split("admin_passwd = ")[1].split("\n")[0]
        assert len(master) >= 24
        assert oct(conf.stat().st_mode & 0o777) == "0o600"
        prepare_db.write_config(base, conf, "0", True)
        text = conf.read_text()
        assert f"admin_passwd = {master}\n" in text
        assert "proxy_mode = True" in text
        assert "workers = 0" in text
    finally:
        prepare_db.Cluster().drop(empty, LOG_DIR / "filestore")


def test_docker_init_updates_and_writes_the_configuration(db, tmp_path):
    """bin/docker-init as the compose file's init service runs it, on this machine's
    Odoo: ``odoo`` and ``python3`` as in the official image, its paths given."""
    shims = tmp_path / "bin"
    shims.mkdir()
    (shims / "odoo").write_text(f'#!/bin/sh\nexec "{PYTHON}" "{ODOO_BIN}" "$@"\n')
    (shims / "python3").write_text(
        f'#!/bin/sh\nPYTHONPATH="{ODOO_PATH}" exec "{PYTHON}" "$@"\n'
    )
    for shim in shims.iterdir():
        shim.chmod(0o755)
    base = tmp_path / "odoo.conf"
    base.write_text(
        (prepare_db.ROOT / "config/odoo.conf")
        .read_text()
        .replace("addons_path = /mnt/extra-addons", f"addons_path = {ADDONS_PATH}")
    )
    env = dict(
        os.environ,
        PATH=f"{shims}:{os.environ['PATH']}",
        HOST=PG["host"],
        PORT=str(PG["port"]),
        USER=PG["user"],
        PASSWORD=PG["password"],
        RETAIL_DB=db,
        RETAIL_ROOT=str(prepare_db.ROOT),
        RETAIL_DATA_DIR=str(LOG_DIR / "filestore"),
        ODOO_RC=str(base),
        RETAIL_MASTER_PASSWORD="master-from-the-environment",  # noqa: S106 (a test value)
        RETAIL_WORKERS="3",
        RETAIL_DB_REPLICA_HOST="db-replica",  # docker-compose.chain.yml's replica
    )
    proc = subprocess.run(
        ["bash", str(prepare_db.ROOT / "bin/docker-init")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-3000:]
    assert "Odoo Server 18.0" in output
    assert f"database {db} is up to date" in output
    conf = (LOG_DIR / "filestore" / "retail.conf").read_text()
    assert "admin_passwd = master-from-the-environment\n" in conf
    assert "workers = 3\n" in conf
    assert "proxy_mode = True\n" in conf
    assert "gevent_port = 8072\n" in conf
    assert "db_replica_host = db-replica\n" in conf
    assert "db_replica_port = 5432\n" in conf
