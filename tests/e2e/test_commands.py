"""The commands of the README refuse clearly when Odoo is missing."""

import os
import subprocess

from odoo_cli import ROOT


def run_without_odoo(tmp_path, *args):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("ODOO_BIN", "RETAIL_ADDONS_PATH")
    }
    env["ODOO_PATH"] = str(tmp_path / "no-odoo-here")
    return subprocess.run(
        ["bash", str(ROOT / "bin/retail"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_test_command_fails_loudly_without_odoo(tmp_path):
    proc = run_without_odoo(tmp_path, "test")
    assert proc.returncode == 2
    assert "no Odoo 18 found" in proc.stderr
    assert "ODOO_PATH" in proc.stderr
    assert "passed" not in proc.stdout


def test_serve_command_fails_loudly_without_odoo(tmp_path):
    proc = run_without_odoo(tmp_path, "serve")
    assert proc.returncode == 2
    assert "no Odoo 18 found" in proc.stderr
