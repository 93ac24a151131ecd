"""End-to-end fixtures: a real Odoo server on loopback, the demo chain, an RPC client and
Chromium.

``tests/run_all.py`` sets RW_DB to a database where the addons are installed; the first
fixture loads the demo chain into it (that load is itself under test), then a server is
started on a free port and driven as a user would.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import odoorpc
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from live_server import start_server
from odoo_cli import ODOO_BIN, ODOO_PATH, PYTHON, ROOT, odoo_args

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bin"))
import prepare_db

LOG_DIR = Path(os.environ.get("RW_LOG_DIR", ROOT / ".test-logs"))


@pytest.fixture(scope="session")
def db():
    name = os.environ.get("RW_DB")
    if not name:
        pytest.fail("RW_DB is not set: run the suite with `bin/retail test`.")
    return name


def prepare_db_cmd(db, *args):
    """``bin/prepare_db.py`` as ``bin/retail serve`` runs it, on the test's data dir."""
    return [
        PYTHON,
        str(ROOT / "bin/prepare_db.py"),
        db,
        *args,
        f"--data-dir={LOG_DIR / 'filestore'}",
        f"--odoo-python={PYTHON}",
        f"--odoo-bin={ODOO_BIN}",
        f"--odoo-path={ODOO_PATH}",
        "--",
        *odoo_args(),
    ]


def first_start_killed(db):
    """A first start killed while it loads the demo chain: the installed test database
    stands for its first step, done; the start is killed once the load has simulated a
    week. Returns what was left: the databases there and the output."""
    cluster = prepare_db.Cluster()
    data_dir = LOG_DIR / "filestore"
    cluster.rename(db, f"{db}__install", data_dir)
    prepare_db.store_checksums(
        f"{db}__install", prepare_db.addon_checksums(prepare_db.ADDONS.split(","))
    )
    cluster.set_comment(f"{db}__install", prepare_db.INSTALLED)
    # a second installed copy, for a first start without the demo
    cluster.copy(f"{db}__install", f"{db}_empty__install", data_dir)
    cluster.set_comment(f"{db}_empty__install", prepare_db.INSTALLED)
    proc = subprocess.Popen(
        prepare_db_cmd(db),
        env=dict(os.environ, PYTHONPATH=str(ODOO_PATH)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    output = []
    for line in proc.stdout:
        output.append(line)
        if "demo chain: week 1/" in line:
            os.killpg(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    proc.stdout.close()
    return {
        "output": "".join(output),
        "databases": {
            name: cluster.exists(name) for name in (db, f"{db}__install", f"{db}__init")
        },
    }


@pytest.fixture(scope="session")
def demo_load(db):
    """The first start of ``bin/retail serve``: killed during the demo load, then started
    again, which loads the demo chain into the database; the result (exit code, output,
    seconds, what the killed start left) is tested.

    RW_DEMO_LOADED=1 says the database already holds it (a copy made for a rerun)."""
    started = time.time()
    if os.environ.get("RW_DEMO_LOADED"):
        return {"returncode": 0, "output": "", "seconds": 0.0, "killed": None}
    killed = first_start_killed(db)
    proc = subprocess.run(
        prepare_db_cmd(db),
        env=dict(os.environ, PYTHONPATH=str(ODOO_PATH)),
        capture_output=True,
        text=True,
        check=False,
    )
    output = proc.stdout + proc.stderr
    (LOG_DIR / "demo-load.log").write_text(killed["output"] + "\n----\n" + output)
    return {
        "returncode": proc.returncode,
        "output": output,
        "seconds": time.time() - started,
        "killed": killed,
    }


@pytest.fixture(scope="session")
def server(db, demo_load):
    if demo_load["returncode"]:
        pytest.fail(f"the demo chain did not load:\n{demo_load['output'][-3000:]}")
    log = open(LOG_DIR / "e2e-server.log", "w")  # noqa: SIM115 (closed below)
    started = start_server(db, log, LOG_DIR / "filestore")
    if not started:
        log.close()
        pytest.fail(f"the Odoo server did not start; see {LOG_DIR / 'e2e-server.log'}")
    proc, url = started
    yield {"url": url, "port": int(url.rsplit(":", 1)[1]), "db": db}
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def rpc(server):
    """Log in over JSON-RPC; call rpc('login') for a client of that demo user."""

    def connect(login="admin", password=None):
        client = odoorpc.ODOO("127.0.0.1", port=server["port"], timeout=120)
        client.login(server["db"], login, password or login)
        return client

    return connect


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        pytest.fail("Chromium is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="zh-CN"
    )
    page = context.new_page()
    page.set_default_timeout(20000)
    yield page
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        page.screenshot(path=str(LOG_DIR / f"e2e-{request.node.name}.png"))
    context.close()


def pytest_collection_modifyitems(items):
    """The demo chain is checked as it was loaded, before the tests that add to it (the
    day in the life orders goods for 徐汇店, closes sessions...); the others keep their
    order."""
    items.sort(key=lambda item: item.path.name != "test_demo_chain.py")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
