"""Run every test of Retail & Wholesale against a real Odoo 18 and print one summary line.

Called by ``bin/retail test`` (which has checked Odoo, PostgreSQL, the Python packages and
Chromium). Steps, each counted in the summary:

1. lint: ruff and pylint-odoo's mandatory checks on the addons, and the size limits
   of ``size_check.py``;
2. addon tests: a fresh database, the addons installed, every Python test and browser
   tour of the addons (a skipped test or tour counts as a failure); then the translations:
   each .pot matches what the addons export and every zh_CN term is translated;
3. end-to-end: ``tests/e2e`` with pytest, which runs the first start on that database
   (``bin/prepare_db.py``: killed once during the demo load, then resumed),
   starts a server and drives it over JSON-RPC and in Chromium;
4. core: core's test suites of the modules we extend, with our addons installed and
   loaded, on a database with Odoo's demo data (``tests/run_core.py``); a failure not
   listed in ``tests/core_divergences.toml`` fails the step. ``core-tours`` runs core's
   browser tours (point of sale, its loyalty programs, stock) the same way;
   ``core-vanilla`` and ``core-vanilla-tours`` run them without our addons.

``run_all.py [STEP...]`` runs the given steps only (lint, addons, e2e, core, core-tours,
core-vanilla, core-vanilla-tours).

The last line reads ``N passed, N failed`` (``, N skipped`` when some were skipped); the
exit code is 0 only when nothing failed and nothing was skipped.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import run_core
from odoo_cli import ADDONS, ROOT, odoo_cmd

LOG_DIR = Path(os.environ.get("RW_LOG_DIR", ROOT / ".test-logs"))

RESULT_RE = re.compile(
    r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database"
)
SKIP_RE = re.compile(r": skipped (.+?) : (.*)$")
FAIL_RE = re.compile(r" (?:ERROR|CRITICAL) \S+ \S+: (FAIL|ERROR): (.*)$")
LOG_ERROR_RE = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ")
# warnings about our own code (labels, views, fields), outside test loggers
OWN_WARNING_RE = re.compile(r"^\S+ \S+ \d+ WARNING \S+ (?!\S*\.tests\.)\S+: .*retail_")


class Tally:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.problems = []

    def add(self, name, passed=0, failed=0, skipped=0, problems=()):
        self.passed += passed
        self.failed += failed
        self.skipped += skipped
        self.problems += [f"{name}: {p}" for p in problems]
        print(
            f"[retail] {name}: {passed} passed, {failed} failed, {skipped} skipped",
            flush=True,
        )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_lint(tally):
    paths = [str(ROOT / p) for p in ("addons", "bench", "bin", "data", "tests")]
    for name, command in (
        ("ruff", ["check", "--no-cache"]),
        ("ruff format", ["format", "--check", "--no-cache"]),
    ):
        ruff = subprocess.run(
            [sys.executable, "-m", "ruff", *command, *paths], cwd=ROOT, check=False
        )
        tally.add(
            name,
            passed=int(ruff.returncode == 0),
            failed=int(ruff.returncode != 0),
            problems=["see output above"] if ruff.returncode else (),
        )
    pylint = subprocess.run(
        [
            sys.executable,
            "-m",
            "pylint",
            "--rcfile",
            str(ROOT / ".pylintrc-mandatory"),
            *[str(ROOT / "addons" / a) for a in ADDONS],
        ],
        cwd=ROOT,
        check=False,
    )
    tally.add(
        "pylint-odoo",
        passed=int(pylint.returncode == 0),
        failed=int(pylint.returncode != 0),
        problems=["see output above"] if pylint.returncode else (),
    )
    run_js_lint(tally)
    run_extraction_check(tally)
    sizes = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "size_check.py")], cwd=ROOT, check=False
    )
    tally.add(
        "sizes (files 400 lines, methods 80)",
        passed=int(sizes.returncode == 0),
        failed=int(sizes.returncode != 0),
        problems=["see output above"] if sizes.returncode else (),
    )


def run_extraction_check(tally):
    """Every Python file of the addons reads with the extractor Odoo exports terms
    with: an f-string inside a translated call stops it, and the file's later terms
    silently go missing from the .pot (and so from the Chinese screens)."""
    from babel.messages import extract

    problems = []
    for path in sorted((ROOT / "addons").rglob("*.py")):
        with path.open("rb") as source:
            try:
                list(
                    extract.extract(
                        "python",
                        source,
                        keywords={"_": None, "_lt": None},
                        options={"encoding": "UTF-8"},
                    )
                )
            except Exception as error:  # noqa: BLE001 (any failure loses terms)
                problems.append(f"{path.relative_to(ROOT)}: {error!r}")
    for problem in problems:
        print(f"[retail] translation export cannot read {problem}", flush=True)
    tally.add(
        "translatable terms readable",
        passed=int(not problems),
        failed=int(bool(problems)),
        problems=problems,
    )


def run_js_lint(tally):
    """prettier (XML and JavaScript) and eslint (JavaScript), at the versions of
    package-lock.json, installed with ``npm ci`` when missing. Without npm the step
    fails: the addons' XML and JavaScript would go unchecked."""
    npm = shutil.which("npm")
    if not npm:
        tally.add("prettier and eslint", failed=1, problems=["npm is not installed"])
        return
    installed = ROOT / "node_modules" / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=ROOT,
            check=False,
        )
    bin_dir = ROOT / "node_modules" / ".bin"
    for name, command in (
        ("prettier", [bin_dir / "prettier", "--check", "addons/**/*.{js,xml}"]),
        ("eslint", [bin_dir / "eslint", "addons"]),
    ):
        if not command[0].exists():
            tally.add(name, failed=1, problems=["npm ci did not install it"])
            continue
        result = subprocess.run([str(c) for c in command], cwd=ROOT, check=False)
        tally.add(
            name,
            passed=int(result.returncode == 0),
            failed=int(result.returncode != 0),
            problems=["see output above"] if result.returncode else (),
        )


def run_addon_tests(tally, db):
    log_file = LOG_DIR / "addon-tests.log"
    log_file.unlink(missing_ok=True)
    install = ",".join(ADDONS + ["l10n_cn"])
    cmd = odoo_cmd(
        "-d",
        db,
        "-i",
        install,
        "--without-demo=all",
        "--load-language=zh_CN",
        "--test-enable",
        "--test-tags",
        ",".join(f"/{a}" for a in ADDONS),
        "--stop-after-init",
        f"--http-port={free_port()}",
        "--log-level=info",
        f"--logfile={log_file}",
        data_dir=LOG_DIR / "filestore",
    )
    started = time.time()
    proc = subprocess.run(cmd, check=False)
    print(
        f"[retail] addon install + tests took {time.time() - started:.0f}s, log: {log_file}"
    )
    text = log_file.read_text(errors="replace") if log_file.exists() else ""
    problems = []
    for line in text.splitlines():
        if m := FAIL_RE.search(line):
            problems.append(f"{m.group(1)} {m.group(2)}")
        elif m := SKIP_RE.search(line):
            problems.append(f"SKIPPED {m.group(1)}: {m.group(2)}")
    results = RESULT_RE.findall(text)
    if not results:
        tally.add(
            "addon tests",
            failed=1,
            problems=problems
            + [
                f"Odoo exited with {proc.returncode} before reporting test results; see {log_file}"
            ],
        )
        return False
    failed, errors, total = (int(x) for x in results[-1])
    skipped = sum(1 for p in problems if p.startswith("SKIPPED"))
    bad = failed + errors
    # errors logged outside any test (install or loading problems) fail the run too
    stray = [
        line
        for line in text.splitlines()
        if LOG_ERROR_RE.match(line)
        and not FAIL_RE.search(line)
        and "when loading database" not in line
    ]
    stray += [line for line in text.splitlines() if OWN_WARNING_RE.match(line)]
    if stray and not bad:
        problems += [f"error logged: {line[:300]}" for line in stray[:5]]
        bad = 1
    if proc.returncode and not bad:
        problems.append(f"Odoo exited with {proc.returncode}")
        bad = 1
    tally.add(
        "addon tests",
        passed=max(total - failed - errors - skipped, 0),
        failed=bad,
        skipped=skipped,
        problems=problems,
    )
    return True


def run_i18n_check(tally, db):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "i18n_export.py"), "--check", db],
        check=False,
    )
    tally.add(
        "translations",
        passed=int(proc.returncode == 0),
        failed=int(proc.returncode != 0),
        problems=["stale .pot or untranslated zh_CN terms, see above"]
        if proc.returncode
        else (),
    )


def run_e2e(tally, db):
    junit = LOG_DIR / "e2e-junit.xml"
    env = dict(os.environ, RW_DB=db, RW_LOG_DIR=str(LOG_DIR))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:odoo",
            "-q",
            "-rfEs",
            f"--junitxml={junit}",
            str(ROOT / "tests" / "e2e"),
        ],
        cwd=ROOT,
        env=env,
        check=False,
    )
    if not junit.exists():
        tally.add("end-to-end", failed=1, problems=["pytest produced no report"])
        return
    suite = ET.parse(junit).getroot()  # noqa: S314 (our own pytest report)
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total, failures, errors, skipped = (
        int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped")
    )
    problems = [
        f"{case.get('classname')}.{case.get('name')}: {child.tag}"
        for case in suite.iter("testcase")
        for child in case
        if child.tag in ("failure", "error", "skipped")
    ]
    if total == 0:
        failures, problems = 1, ["no end-to-end test ran"]
    tally.add(
        "end-to-end",
        passed=total - failures - errors - skipped,
        failed=failures + errors,
        skipped=skipped,
        problems=problems,
    )


def run_core_suites(tally, parts, vanilla):
    counts, problems, _seconds = run_core.run(parts, vanilla=vanilla)
    # core's own skips (a module it wants is not installed, a feature it parks) are
    # reported by run_core; a tour skipped for want of a browser is among the problems
    tally.add(
        f"core {'vanilla ' if vanilla else ''}{' and '.join(parts)} tests",
        passed=counts["passed"],
        failed=len(problems),
        problems=problems,
    )


def drop_db(db):
    # and the copies a first start killed by the end-to-end tests may leave
    for name in (
        db,
        f"{db}__install",
        f"{db}__init",
        f"{db}_empty",
        f"{db}_empty__install",
        f"{db}_upgrade",
    ):
        subprocess.run(["dropdb", "--if-exists", "--force", name], check=False)


def main():
    LOG_DIR.mkdir(exist_ok=True)
    tally = Tally()
    db = f"rw_test_{os.getpid()}"
    only = set(sys.argv[1:]) or {"lint", "addons", "e2e", "core"}
    started = time.time()
    try:
        if "lint" in only:
            run_lint(tally)
        if only & {"addons", "e2e"}:
            installed = run_addon_tests(tally, db)
            if installed:
                run_i18n_check(tally, db)
            if "e2e" in only:
                if installed:
                    run_e2e(tally, db)
                else:
                    tally.add(
                        "end-to-end", failed=1, problems=["addons did not install"]
                    )
    finally:
        if not os.environ.get("RW_KEEP_DB"):
            drop_db(db)
    for prefix, vanilla in (("core", False), ("core-vanilla", True)):
        parts = [
            part
            for part, step in (("plain", prefix), ("tours", f"{prefix}-tours"))
            if step in only
        ]
        if parts:
            run_core_suites(tally, parts, vanilla)
    for problem in tally.problems:
        print(f"[retail] problem: {problem}")
    print(f"[retail] total time {time.time() - started:.0f}s")
    summary = f"{tally.passed} passed, {tally.failed} failed"
    if tally.skipped:
        summary += f", {tally.skipped} skipped"
    print(summary)
    return 1 if tally.failed or tally.skipped else 0


if __name__ == "__main__":
    sys.exit(main())
