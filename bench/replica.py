"""A PostgreSQL streaming replica of the local cluster, made with ``pg_basebackup`` on
another port, for the topology test (``bench/topology.py``).

Run as root (the replica is made and run as the ``postgres`` system user, over the
cluster's socket: Debian's ``local replication all peer``) or as a user whose PostgreSQL
role may replicate (``ALTER ROLE ... REPLICATION``; ``host replication`` in pg_hba.conf),
who then runs the replica.
"""

import glob
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg2


def pg_bin(primary):
    """The directory of the server's own programs (the replica must be the same major
    version as the primary)."""
    with psycopg2.connect(**primary, dbname="postgres") as conn, conn.cursor() as cr:
        cr.execute("SHOW server_version_num")
        major = int(cr.fetchone()[0]) // 10000
    found = glob.glob(f"/usr/lib/postgresql/{major}/bin/pg_ctl") or [
        shutil.which("pg_ctl") or ""
    ]
    if not found[0]:
        raise SystemExit(f"pg_ctl of PostgreSQL {major} not found")
    return Path(found[0]).parent


class Replica:
    """``with Replica(primary, port) as replica:`` a hot standby streaming from
    ``primary`` (psycopg2 connection keywords) on ``port``; removed on exit."""

    def __init__(self, primary, port):
        self.primary = primary
        self.port = port
        self.bin = pg_bin(primary)
        self.as_root = os.geteuid() == 0
        self.dir = Path(tempfile.mkdtemp(prefix="rw_replica_", dir="/var/tmp"))
        self.data = self.dir / "data"

    def _run(self, *args, env=None):
        command = [str(arg) for arg in args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, check=False
        )
        if done.returncode:
            raise RuntimeError(f"{' '.join(command)}: {done.stderr.strip()}")
        return done

    def __enter__(self):
        try:
            return self._make()
        except BaseException:
            self.__exit__()
            raise

    def _make(self):
        if self.as_root:
            shutil.chown(self.dir, "postgres", "postgres")
            source = ["-h", "/var/run/postgresql", "-p", str(self.primary["port"])]
        else:
            source = [
                "-h",
                self.primary["host"],
                "-p",
                str(self.primary["port"]),
                "-U",
                self.primary["user"],
            ]
        # as the postgres system user: its own role over the socket, not ours
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        if not self.as_root:
            env["PGPASSWORD"] = self.primary["password"]
        self._run(
            self.bin / "pg_basebackup",
            *source,
            "-D",
            self.data,
            "-X",
            "stream",
            "-R",  # standby.signal and primary_conninfo: a streaming standby
            "--checkpoint=fast",
            env=env,
        )
        # Debian keeps the configuration outside the data directory: a minimal one
        (self.data / "postgresql.conf").write_text(
            f"port = {self.port}\nlisten_addresses = '127.0.0.1'\n"
            f"unix_socket_directories = '{self.dir}'\nhot_standby = on\n"
            "max_connections = 200\nshared_buffers = 256MB\nlog_statement = 'all'\n"
        )
        (self.data / "pg_hba.conf").write_text(
            "local all all peer\nhost all all 127.0.0.1/32 scram-sha-256\n"
            "host all all 127.0.0.1/32 md5\n"
        )
        (self.data / "pg_ident.conf").write_text("")
        if self.as_root:
            for path in self.data.glob("*.conf"):
                shutil.chown(path, "postgres", "postgres")
        self._run(
            self.bin / "pg_ctl",
            "-D",
            self.data,
            "-l",
            self.dir / "log",
            "-w",
            "-t",
            "300",  # hot standby waits for a transaction of many savepoints to end
            "start",
        )
        return self

    def __exit__(self, *exc):
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(
                    self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "stop"
                )
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def connect(self, db):
        return psycopg2.connect(
            host="127.0.0.1",
            port=self.port,
            user=self.primary["user"],
            password=self.primary["password"],
            dbname=db,
        )

    def wait_caught_up(self, db, timeout=60):
        """Wait until the replica has replayed everything the primary wrote so far;
        the seconds it took."""
        with psycopg2.connect(**self.primary, dbname=db) as conn, conn.cursor() as cr:
            cr.execute("SELECT pg_current_wal_lsn()")
            target = cr.fetchone()[0]
        started = time.time()
        with self.connect(db) as conn:
            conn.autocommit = True
            with conn.cursor() as cr:
                while time.time() - started < timeout:
                    cr.execute(
                        "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), %s) >= 0",
                        [target],
                    )
                    if cr.fetchone()[0]:
                        return time.time() - started
                    time.sleep(0.05)
        raise RuntimeError(f"the replica did not catch up in {timeout} s")

    def log_size(self):
        return (self.dir / "log").stat().st_size

    def statements(self, since=0):
        """The statements the replica ran since ``since`` (a ``log_size()``): it logs
        them all, so that what Odoo sent to it can be told from what it sent to the
        primary."""
        with open(self.dir / "log", encoding="utf-8", errors="replace") as log:
            log.seek(since)
            entries = re.split(r"\n(?=\d{4}-\d\d-\d\d )", log.read())
        return [
            entry.split("statement: ", 1)[1]
            for entry in entries
            if "statement: " in entry
        ]
