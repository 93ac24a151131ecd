"""Make a database ready to serve: create it at the first start, update it at the next.

    prepare_db.py DB [--no-demo] [--data-dir DIR] [--odoo-python PY] [--odoo-bin BIN]
                  [--update-only] -- [Odoo options: -c, --addons-path, --db_host, ...]

Used by ``bin/retail serve`` and ``bin/retail update`` on a source install and by the
``init`` service of docker-compose.yml in the official image; PostgreSQL is reached with
the PG* environment variables.

First start, in steps, each reported as it starts and recorded so that a start that
failed or was killed resumes at the step it stopped in:

1. install: the addons and the Chinese chart into ``DB__install`` (without Odoo's demo
   data, Chinese loaded and made the users' language); when done, the database's comment
   records it. A database left half-installed is dropped and installed again.
2. demo (unless --no-demo): a copy of ``DB__install`` (database and filestore) named
   ``DB__init`` gets the demo chain; a copy left by a stopped load is dropped and the
   load starts again from the installed copy.
3. ready: the database is renamed ``DB`` (its filestore with it) and the copies dropped.

``DB`` exists only once complete, so a half-built database is never served. At each later
start the addons whose files changed since the database last saw them (a checksum per
addon, kept in the database) are updated with core's ``-u``, and addons of the list not
installed yet are installed; a failed update exits non-zero and the service stays down.
"""

import argparse
import configparser
import hashlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
ADDONS = (
    "retail_wholesale,retail_backup,retail_book,retail_pos_ext,retail_book_pos,"
    "retail_reports,retail_reports_pos,retail_member,retail_member_pos,"
    "retail_member_reports,retail_promotion,retail_promotion_pos,"
    "retail_promotion_reports,retail_ordering"
)
INSTALLED = "retail:installed"
CHECKSUMS = "retail.addon_checksums"


def say(message):
    print(f"[retail] {time.strftime('%H:%M:%S')} {message}", flush=True)


class Cluster:
    def __init__(self):
        self.conn = psycopg2.connect(dbname="postgres")
        self.conn.autocommit = True

    def run(self, query, *args):
        with self.conn.cursor() as cr:
            cr.execute(query, args)
            return cr.fetchall() if cr.description else None

    def exists(self, db):
        return bool(self.run("SELECT 1 FROM pg_database WHERE datname = %s", db))

    def comment(self, db):
        rows = self.run(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
            "WHERE datname = %s",
            db,
        )
        return rows[0][0] if rows else None

    def set_comment(self, db, text):
        self.run(
            sql.SQL("COMMENT ON DATABASE {} IS %s").format(sql.Identifier(db)), text
        )

    def drop(self, db, data_dir):
        self.run(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(db)
            )
        )
        shutil.rmtree(filestore(data_dir, db), ignore_errors=True)

    def copy(self, source, target, data_dir):
        self.run(
            sql.SQL("CREATE DATABASE {} WITH TEMPLATE {}").format(
                sql.Identifier(target), sql.Identifier(source)
            )
        )
        if filestore(data_dir, source).is_dir():
            shutil.copytree(filestore(data_dir, source), filestore(data_dir, target))

    def rename(self, source, target, data_dir):
        self.run(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(source), sql.Identifier(target)
            )
        )
        if filestore(data_dir, source).is_dir():
            shutil.rmtree(filestore(data_dir, target), ignore_errors=True)
            filestore(data_dir, source).rename(filestore(data_dir, target))


def filestore(data_dir, db):
    return Path(data_dir) / "filestore" / db


def addon_checksums(names):
    """{addon: sha256 of its files} over the addons of this repository."""
    result = {}
    for name in names:
        path = ROOT / "addons" / name
        if not path.is_dir():
            continue
        digest = hashlib.sha256()
        for file in sorted(path.rglob("*")):
            if (
                file.is_file()
                and "__pycache__" not in file.parts
                and file.suffix != ".pyc"
            ):
                digest.update(str(file.relative_to(path)).encode())
                digest.update(file.read_bytes())
        result[name] = digest.hexdigest()
    return result


def db_query(db, query, *args, commit=False):
    conn = psycopg2.connect(dbname=db)
    try:
        with conn.cursor() as cr:
            cr.execute(query, args)
            rows = cr.fetchall() if cr.description else None
        if commit:
            conn.commit()
        return rows
    finally:
        conn.close()


def stored_checksums(db):
    rows = db_query(
        db, "SELECT value FROM ir_config_parameter WHERE key = %s", CHECKSUMS
    )
    return json.loads(rows[0][0]) if rows else {}


def store_checksums(db, checksums):
    db_query(
        db,
        "INSERT INTO ir_config_parameter (key, value, create_date, write_date) "
        "VALUES (%s, %s, now() at time zone 'UTC', now() at time zone 'UTC') "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, write_date = EXCLUDED.write_date",
        CHECKSUMS,
        json.dumps(checksums, sort_keys=True),
        commit=True,
    )


def write_config(base, target, workers, proxy_mode):
    """The server's configuration: ``base`` (config/odoo.conf) with the settings of this
    machine. The master password comes from RETAIL_MASTER_PASSWORD or is generated once and
    kept beside the configuration (readable by its owner only): none is committed.
    ``workers`` 'auto' is two per CPU core plus one; with workers the till's bus runs on
    the gevent port (8072), which the reverse proxy routes ``/websocket`` to. With
    RETAIL_DB_REPLICA_HOST (and RETAIL_DB_REPLICA_PORT, default 5432) Odoo serves its
    read-only requests from that streaming replica (docker-compose.chain.yml)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(base)
    options = parser["options"]
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    password_file = target.with_name(target.name + ".admin_passwd")
    password = os.environ.get("RETAIL_MASTER_PASSWORD")
    if not password:
        if password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = secrets.token_urlsafe(24)
            password_file.touch(mode=0o600)
            password_file.write_text(password + "\n")
            say(f"master password generated, kept in {password_file}")
    if workers == "auto":
        workers = 2 * (os.cpu_count() or 1) + 1
    options["admin_passwd"] = password
    options["workers"] = str(int(workers))
    options["gevent_port"] = "8072"
    options["proxy_mode"] = "True" if proxy_mode else "False"
    replica = os.environ.get("RETAIL_DB_REPLICA_HOST")
    if replica:
        options["db_replica_host"] = replica
        options["db_replica_port"] = os.environ.get("RETAIL_DB_REPLICA_PORT", "5432")
    with open(target.with_suffix(".new"), "w") as file:
        file.write(
            "; written by bin/prepare_db.py from config/odoo.conf: edit that one\n"
        )
        parser.write(file)
    target.with_suffix(".new").chmod(0o600)
    target.with_suffix(".new").replace(target)
    say(f"server configuration written to {target} ({workers} workers)")


class Preparer:
    def __init__(self, args, odoo_options):
        self.args = args
        self.options = odoo_options
        self.cluster = Cluster()
        self.modules = [m for m in args.modules.split(",") if m]

    def odoo(self, *args):
        command = [
            self.args.odoo_python,
            self.args.odoo_bin,
            *self.options,
            f"--data-dir={self.args.data_dir}",
        ]
        subprocess.run([*command, "--stop-after-init", *args], check=True)

    def fail(self, message):
        say(f"ERROR: {message}")
        sys.exit(1)

    def prepare(self):
        db = self.args.db
        if self.cluster.exists(db):
            self.update(db)
            return
        if self.args.update_only:
            self.fail(f"there is no database {db} to update.")
        installed = self.install(f"{db}__install")
        if self.args.demo:
            built = self.load_demo(installed)
        else:
            built = installed
            self.empty_company(built)
        self.cluster.rename(built, db, self.args.data_dir)
        self.cluster.drop(f"{db}__install", self.args.data_dir)
        say(f"step 3/3: database {db} is ready")

    def install(self, target):
        cluster, data_dir = self.cluster, self.args.data_dir
        if cluster.exists(target):
            if cluster.comment(target) == INSTALLED:
                say(f"step 1/3: the addons are installed already ({target}): resuming")
                return target
            say(
                f"step 1/3: {target} was left half-installed by an earlier start: dropping it"
            )
            cluster.drop(target, data_dir)
        say(f"step 1/3: installing the addons into {target} (a few minutes)")
        try:
            self.odoo(
                "-d",
                target,
                "-i",
                ",".join(self.modules),
                "--without-demo=all",
                "--load-language=zh_CN",
                "--log-level=warn",
            )
        except subprocess.CalledProcessError:
            self.fail(
                "installing the addons failed (see the errors above); the database is not "
                "served. Fix the cause and start again: the installation starts over."
            )
        store_checksums(target, addon_checksums(self.modules))
        cluster.set_comment(target, INSTALLED)
        return target

    def empty_company(self, db):
        """An empty database for a real company: its users in Chinese (Asia/Shanghai
        time); the administrator's password RETAIL_ADMIN_PASSWORD or generated and shown
        once (core's 'admin' is the demo's)."""
        from passlib.context import CryptContext

        db_query(
            db,
            "UPDATE res_partner SET lang = 'zh_CN', tz = 'Asia/Shanghai' "
            "WHERE id IN (SELECT partner_id FROM res_users)",
            commit=True,
        )
        password = os.environ.get("RETAIL_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        hashed = CryptContext(["pbkdf2_sha512"]).hash(password)
        db_query(
            db,
            "UPDATE res_users SET password = %s WHERE login = 'admin'",
            hashed,
            commit=True,
        )
        if not os.environ.get("RETAIL_ADMIN_PASSWORD"):
            say(f"administrator: login admin, password {password} (change it once in)")

    def load_demo(self, installed):
        cluster, data_dir = self.cluster, self.args.data_dir
        target = installed.replace("__install", "__init")
        if cluster.exists(target):
            say(
                f"step 2/3: {target}, the demo load an earlier start left unfinished, is dropped"
            )
            cluster.drop(target, data_dir)
        cluster.copy(installed, target, data_dir)
        say(
            f"step 2/3: loading the demo chain into {target} (about 7 minutes, week by week)"
        )
        python = self.args.odoo_python
        env = dict(os.environ)
        if self.args.odoo_path:
            env["PYTHONPATH"] = self.args.odoo_path
        result = subprocess.run(
            [
                python,
                str(ROOT / "data/load_demo.py"),
                "-d",
                target,
                *self.options,
                f"--data-dir={data_dir}",
                "--log-level=warn",
            ],
            env=env,
            check=False,
        )
        if result.returncode:
            self.fail(
                "the demo chain did not load (see the errors above); the database is not "
                "served. Start again: the load starts over from the installed addons, or "
                "start with --no-demo (RETAIL_DEMO=0) for an empty database."
            )
        return target

    def update(self, db):
        """Update the addons whose files changed; install those of the list missing."""
        states = dict(
            db_query(
                db,
                "SELECT name, state FROM ir_module_module WHERE name LIKE 'retail%%'",
            )
        )
        current = addon_checksums(self.modules)
        known = stored_checksums(db)
        installed = [m for m in self.modules if states.get(m) == "installed"]
        missing = [m for m in current if states.get(m) != "installed"]
        changed = [m for m in installed if m in current and known.get(m) != current[m]]
        if not changed and not missing:
            say(f"database {db} is up to date")
            return
        args = ["-d", db, "--log-level=warn"]
        if changed:
            args += ["-u", ",".join(changed)]
            say(f"updating in {db}: {', '.join(changed)}")
        if missing:
            args += ["-i", ",".join(missing)]
            say(f"installing in {db}: {', '.join(missing)}")
        try:
            self.odoo(*args)
        except subprocess.CalledProcessError:
            self.fail(
                f"the update of {db} failed (see the errors above); the service stays "
                "down. Fix the cause and start again, or restore last night's backup "
                "(README: Backups and restoring them)."
            )
        store_checksums(db, {**known, **current})
        say(f"database {db} is updated")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--no-demo", dest="demo", action="store_false")
    parser.add_argument("--update-only", action="store_true")
    parser.add_argument("--modules", default=f"{ADDONS},l10n_cn")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--odoo-python", default=sys.executable)
    parser.add_argument("--odoo-bin", default="/usr/bin/odoo", help="odoo-bin or odoo")
    parser.add_argument("--odoo-path", help="where the odoo package is (PYTHONPATH)")
    parser.add_argument(
        "--write-config",
        nargs=2,
        metavar=("BASE", "TARGET"),
        help="write the server's configuration TARGET from BASE first",
    )
    parser.add_argument("--workers", default="0", help="a number, or auto")
    parser.add_argument("--proxy-mode", action="store_true")
    if "--" in argv:
        split = argv.index("--")
        argv, odoo_options = argv[:split], argv[split + 1 :]
    else:
        odoo_options = []
    args = parser.parse_args(argv)
    if args.write_config:
        write_config(*args.write_config, args.workers, args.proxy_mode)
    Preparer(args, odoo_options).prepare()


if __name__ == "__main__":
    main(sys.argv[1:])
