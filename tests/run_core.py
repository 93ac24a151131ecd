"""Run core's test suites of the modules we extend, with our addons installed and loaded.

``bin/retail test core`` (also a default step of ``bin/retail test``) and
``bin/retail test core-tours``; alone: ``python tests/run_core.py [--vanilla]
[--part plain|tours|all] [--keep-db] [--db NAME]``.

1. A fresh database ``core_<pid>`` with Odoo's demo data, in English, the core modules of
   ``CORE_MODULES`` and our addons installed without running any test
   (``--vanilla``: the same without our addons).
2. One Odoo run per part on it through ``tests/core_launcher.py``, which runs the selected
   ``at_install`` tests after all modules are loaded, with the ``post_install`` ones: every
   core test sees our overrides. The ``plain`` part holds the tests that open no browser,
   ``tours`` the browser tours.
3. The log is read: tests run, failed (with their first error line), skipped. Failures are
   compared with ``tests/core_divergences.toml``: a failure listed there is expected (a
   divergence on purpose, each with our own test of the replacing behaviour, or a test that
   fails on vanilla Odoo in this setup too); any other failure fails the step, and so does
   a listed divergence that passes (the list must stay true).
"""

import argparse
import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from live_server import free_port
from odoo_cli import ADDONS, ODOO_PATH, PG, PYTHON, ROOT, odoo_args, odoo_cmd

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = None

LOG_DIR = Path(os.environ.get("RW_LOG_DIR", ROOT / ".test-logs"))
DIVERGENCES = ROOT / "tests" / "core_divergences.toml"

# core modules installed with demo data; their own dependencies (sale, purchase, account,
# product...) come with them
CORE_MODULES = [
    "product_expiry",
    "stock",
    "sale_stock",
    "purchase_stock",
    "stock_account",
    "point_of_sale",
    "pos_loyalty",
    "loyalty",
    "sale_loyalty",
]
# the suites of those modules, of the modules under them that we extend too (product's
# pricelists, sale and purchase orders, the portal, the barcode handler) and of the
# sale-to-purchase links installed with them; account's customer invoice and vendor bill
# flows only: the rest of account's suite is accounting that we do not change
TEST_TAGS = [
    *(f"/{module}" for module in CORE_MODULES),
    "/product",
    "/sale",
    "/purchase",
    "/sale_purchase",
    "/sale_purchase_stock",
    # the portal's pages (My Account) and the barcode handler we extend
    "/portal",
    "/barcodes",
    "/account/tests/test_account_move_out_invoice.py",
    "/account/tests/test_account_move_out_refund.py",
    "/account/tests/test_account_move_in_invoice.py",
    "/account/tests/test_account_move_in_refund.py",
]

LINE_RE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (\w+) \S+ (\S+): (.*)$")
MODULE_RE = re.compile(r"^odoo\.addons\.(\w+)\.")
TEST_RE = re.compile(r"^(?:Subtest )?(\w+)\.(\w+)")
# a class or module fixture that failed: "setUpClass (odoo.addons.stock.tests.x.TestX)"
FIXTURE_RE = re.compile(r"^(\w+) \(odoo\.addons\.(\w+)\.[\w.]*?\.?(\w+)?\)")
TOTALS_RE = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading")


@dataclass
class Run:
    """What one Odoo test run did, read from its log."""

    part: str
    seconds: float = 0.0
    started: set = field(default_factory=set)
    failures: dict = field(default_factory=dict)  # test id: first line of the error
    skipped: dict = field(default_factory=dict)  # test id: reason
    totals: tuple | None = None  # Odoo's own (failed, errors, tests)
    stray: list = field(default_factory=list)  # errors logged outside any test
    returncode: int = 0

    @property
    def passed(self):
        return len(self.started - set(self.failures) - set(self.skipped))


def test_id(logger, description):
    """``module:Class.method`` of a test from its logger and unittest description."""
    if m := FIXTURE_RE.match(description):
        fixture, module, klass = m.groups()
        return f"{module}:{klass or '?'}.{fixture}"
    module = MODULE_RE.match(logger)
    test = TEST_RE.match(description)
    if not (module and test):
        return f"?:{description}"
    return f"{module.group(1)}:{test.group(1)}.{test.group(2)}"


def first_error_line(message_lines):
    """The line saying what went wrong: the first line of the last exception."""
    frames = [i for i, line in enumerate(message_lines) if line.startswith('  File "')]
    if not frames:
        return next((line.strip() for line in message_lines if line.strip()), "")
    rest = [  # after the last frame's source lines
        line.strip()
        for line in message_lines[frames[-1] + 1 :]
        if line.strip() and not line.startswith("    ")
    ]
    if not rest:
        return ""
    if rest[0].startswith("AssertionError: The test code") and len(rest) > 1:
        return f"tour failed: {rest[1]}"[:300]  # the failing step or the tour's error
    return rest[0][:300]


def parse_log(text, run):
    records = []  # (level, logger, first line, continuation lines)
    for line in text.splitlines():
        if m := LINE_RE.match(line):
            records.append((m.group(1), m.group(2), m.group(3).strip(), []))
        elif records:
            records[-1][3].append(line)
    testing = False  # errors logged while tests run are theirs (expected ones too)
    for level, logger, message, rest in records:
        if message == "Starting post tests":
            testing = True
        elif message.startswith("Starting ") and message.endswith(" ..."):
            run.started.add(test_id(logger, message[len("Starting ") : -4]))
        elif message.startswith("skipped "):
            description, _, reason = message[len("skipped ") :].partition(" : ")
            run.skipped[test_id(logger, description)] = reason
        elif level in ("ERROR", "CRITICAL") and (
            m := re.match(r"(FAIL|ERROR): (.*)$", message)
        ):
            tid = test_id(logger, m.group(2))
            run.failures.setdefault(tid, f"{m.group(1)}: {first_error_line(rest)}")
        elif m := TOTALS_RE.search(message):
            run.totals = tuple(int(x) for x in m.groups())
            testing = False
        elif level in ("ERROR", "CRITICAL") and not testing:
            run.stray.append(f"{logger}: {message}"[:300])
    return run


def load_list():
    if tomllib is None:
        sys.exit("run_core.py reads tests/core_divergences.toml: it needs Python 3.11+")
    with DIVERGENCES.open("rb") as f:
        data = tomllib.load(f)
    divergences = {e["test"]: e for e in data.get("divergence", [])}
    vanilla = {e["test"]: e for e in data.get("vanilla", [])}
    problems = []
    for tid, entry in divergences.items():
        if not entry.get("reason") or not entry.get("replaced_by"):
            problems.append(f"{DIVERGENCES.name}: {tid} needs a reason and replaced_by")
        for ours in entry.get("replaced_by", "").split(","):
            if ours and not own_test_exists(ours.strip()):
                problems.append(f"{DIVERGENCES.name}: {tid}: no test {ours.strip()}")
    problems += [
        f"{DIVERGENCES.name}: {tid} needs a reason"
        for tid, entry in vanilla.items()
        if not entry.get("reason")
    ]
    return divergences, vanilla, problems


def own_test_exists(spec):
    """Whether ``addon:Class.method`` names a test in our addons."""
    m = re.fullmatch(r"(\w+):(\w+)\.(\w+)", spec)
    if not m or m.group(1) not in ADDONS:
        return False
    addon, klass, method = m.groups()
    for path in (ROOT / "addons" / addon / "tests").glob("test_*.py"):
        text = path.read_text()
        if re.search(rf"^class {klass}\b", text, re.MULTILINE) and re.search(
            rf"^    def {method}\(", text, re.MULTILINE
        ):
            return True
    return False


def install(db, vanilla):
    """Create ``db`` with demo data and the modules, no test run: seconds, or None."""
    log = LOG_DIR / f"core{'-vanilla' if vanilla else ''}-install.log"
    log.unlink(missing_ok=True)
    modules = CORE_MODULES + ([] if vanilla else ADDONS)
    started = time.time()
    proc = subprocess.run(
        odoo_cmd(
            "-d",
            db,
            "-i",
            ",".join(modules),
            "--without-demo=",  # the configuration file says all: core tests need demo
            "--stop-after-init",
            "--max-cron-threads=0",
            "--log-level=warn",
            f"--logfile={log}",
            data_dir=LOG_DIR / "filestore",
        ),
        check=False,
    )
    seconds = time.time() - started
    print(
        f"[retail] core: installed {len(modules)} modules in {seconds:.0f}s, log: {log}"
    )
    return seconds if proc.returncode == 0 else None


def odoo_env():
    """The environment of our Odoo and PostgreSQL commands: PG* and the odoo package."""
    return dict(
        os.environ,
        **{f"PG{k.upper()}": v for k, v in PG.items()},
        PYTHONPATH=os.pathsep.join(
            filter(None, [str(ODOO_PATH), os.environ.get("PYTHONPATH")])
        ),
    )


def run_part(db, part, vanilla, tags):
    log = LOG_DIR / f"core{'-vanilla' if vanilla else ''}-{part}.log"
    log.unlink(missing_ok=True)
    started = time.time()
    proc = subprocess.run(
        [
            PYTHON,
            str(ROOT / "tests" / "core_launcher.py"),
            f"--core-part={part}",
            *odoo_args(LOG_DIR / "filestore"),
            # this database only: an anonymous request in a test must find it
            f"--db-filter=^{db}$",
            "-d",
            db,
            "--test-enable",
            "--test-tags",
            tags,
            "--stop-after-init",
            "--max-cron-threads=0",
            f"--http-port={free_port()}",
            "--log-level=info",
            f"--logfile={log}",
        ],
        env=odoo_env(),
        check=False,
    )
    run = Run(part=part, seconds=time.time() - started, returncode=proc.returncode)
    parse_log(log.read_text(errors="replace") if log.exists() else "", run)
    print(
        f"[retail] core {part}: {len(run.started)} tests in {run.seconds:.0f}s, log: {log}"
    )
    return run


def judge(runs, vanilla_mode, all_parts):
    """(summary counts, problems, report lines) of the runs against the list."""
    divergences, vanilla, problems = load_list()
    expected = vanilla if vanilla_mode else {**vanilla, **divergences}
    started = set().union(*(r.started for r in runs))
    failures = {k: v for r in runs for k, v in r.failures.items()}
    skipped = {k: v for r in runs for k, v in r.skipped.items()}
    report = []
    counts = Counter(run=len(started), skipped=len(skipped))
    for tid, line in sorted(failures.items()):
        if tid in divergences and not vanilla_mode:
            counts["diverging"] += 1
            report.append(f"diverging on purpose  {tid}  {line}")
        elif tid in vanilla:
            counts["vanilla"] += 1
            report.append(f"fails on vanilla too  {tid}  {line}")
        else:
            counts["failed"] += 1
            report.append(f"FAILED                {tid}  {line}")
            problems.append(f"{tid} {line}")
    for tid in sorted(expected):
        if tid in failures:
            continue
        if tid in started:
            if tid in vanilla and not vanilla_mode:
                report.append(f"passes here (listed as failing on vanilla)  {tid}")
                continue
            counts["stale"] += 1
            problems.append(f"{tid} is listed in {DIVERGENCES.name} but passed")
        elif all_parts:
            counts["stale"] += 1
            problems.append(f"{tid} is listed in {DIVERGENCES.name} but did not run")
    tours = {r.part for r in runs} & {"tours", "all"}
    for tid, reason in sorted(skipped.items()):
        report.append(f"skipped               {tid}  {reason}")
        if tours and reason and ("chrom" in reason.lower() or "websocket" in reason):
            problems.append(f"{tid} skipped: {reason}")  # a skipped tour is a failure
    counts["passed"] = len(started - set(failures) - set(skipped))
    for run in runs:
        if run.totals is None:
            problems.append(
                f"{run.part}: Odoo exited with {run.returncode} before reporting test results"
            )
        problems += [
            f"{run.part}: error logged outside tests: {s}" for s in run.stray[:5]
        ]
    return counts, problems, report


def run(parts, vanilla=False, db=None, keep_db=False, tags=None):
    """Install (unless ``db`` is given) and run ``parts``: (counts, problems, seconds)."""
    LOG_DIR.mkdir(exist_ok=True)
    own_db = db is None
    db = db or f"core_{'vanilla_' if vanilla else ''}{os.getpid()}"
    seconds = {}
    try:
        if own_db:
            subprocess.run(["dropdb", "--if-exists", db], env=odoo_env(), check=False)
            seconds["install"] = install(db, vanilla)
            if seconds["install"] is None:
                return Counter(), ["core modules did not install, see the log"], seconds
        runs = []
        for part in parts:
            runs.append(run_part(db, part, vanilla, tags or ",".join(TEST_TAGS)))
            seconds[part] = runs[-1].seconds
    finally:
        if own_db and not keep_db:
            subprocess.run(["dropdb", "--if-exists", db], env=odoo_env(), check=False)
    counts, problems, report = judge(
        runs, vanilla, not tags and set(parts) >= {"plain", "tours"}
    )
    for line in report:
        print(f"[retail] core: {line}")
    print(
        "[retail] core{}: {run} run, {passed} passed, {diverging} diverging on purpose, "
        "{vanilla} failing on vanilla too, {failed} failed, {skipped} skipped, "
        "{stale} stale entries; {time}".format(
            " (vanilla)" if vanilla else "",
            time=", ".join(f"{k} {v:.0f}s" for k, v in seconds.items() if v),
            **{
                k: counts[k]
                for k in (
                    "run",
                    "passed",
                    "diverging",
                    "vanilla",
                    "failed",
                    "skipped",
                    "stale",
                )
            },
        ),
        flush=True,
    )
    return counts, problems, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vanilla", action="store_true", help="without our addons")
    parser.add_argument("--part", choices=("plain", "tours", "all"), default="plain")
    parser.add_argument("--db", help="an existing database to test (not dropped)")
    parser.add_argument("--keep-db", action="store_true", help="keep the database")
    parser.add_argument(
        "--tags", help="Odoo --test-tags instead of the suites (to look into a failure)"
    )
    args = parser.parse_args()
    parts = ["plain", "tours"] if args.part == "all" else [args.part]
    _counts, problems, _seconds = run(
        parts, args.vanilla, args.db, args.keep_db, args.tags
    )
    for problem in problems:
        print(f"[retail] core problem: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
