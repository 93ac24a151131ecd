import json
import logging
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from odoo import _, api, fields, models, release
from odoo.exceptions import UserError
from odoo.tools import config, osutil
from odoo.tools.misc import exec_pg_environ, find_pg_tool

_logger = logging.getLogger(__name__)

DIR_PARAM = "retail_wholesale.backup_dir"
KEEP_PARAM = "retail_wholesale.backup_keep"
DEFAULT_KEEP = 7


class RetailBackup(models.Model):
    """备份: a scheduled copy of the database and its filestore, with retention.

    Each backup is Odoo's own zip (database dump + filestore + manifest), so it is
    restored with the database manager (/web/database/manager, Restore) or
    ``bin/retail restore FILE DB``.
    """

    _name = "retail.backup"
    _description = "Database Backup"
    _order = "create_date desc, id desc"
    _rec_name = "file_name"

    file_name = fields.Char(readonly=True)
    path = fields.Char(readonly=True)
    size_mb = fields.Float(string="Size (MB)", digits=(16, 1), readonly=True)
    duration = fields.Float(string="Duration (s)", digits=(16, 1), readonly=True)
    state = fields.Selection(
        selection=[("done", "Done"), ("failed", "Failed"), ("removed", "Removed")],
        readonly=True,
        required=True,
        default="done",
    )
    error = fields.Text(readonly=True)

    @api.model
    def _backup_dir(self):
        ICP = self.env["ir.config_parameter"].sudo()
        default = os.path.join(config["data_dir"], "backups", self.env.cr.dbname)
        return Path(ICP.get_param(DIR_PARAM) or default)

    @api.model
    def _keep(self):
        value = self.env["ir.config_parameter"].sudo().get_param(KEEP_PARAM)
        try:
            keep = int(value) if value else DEFAULT_KEEP
        except ValueError:
            keep = DEFAULT_KEEP
        return max(keep, 1)

    @api.model
    def action_backup_now(self):
        """Back up now (HQ administrators), then apply the retention."""
        if not self.env.user.has_group("base.group_system"):
            raise UserError(_("Only administrators back up the database."))
        backup = self._backup()
        if backup.state == "failed":
            raise UserError(_("The backup failed: %s", backup.error))
        return {"type": "ir.actions.client", "tag": "reload"}

    @api.model
    def _cron_backup(self):
        self._backup()

    @api.model
    def _backup(self):
        directory = self._backup_dir()
        dbname = self.env.cr.dbname
        name = f"{dbname}-{time.strftime('%Y%m%d-%H%M%S')}.zip"
        target = directory / name
        started = time.time()
        vals = {"file_name": name, "path": str(target)}
        try:
            directory.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".zip.part")
            with partial.open("wb") as stream:
                self._dump(dbname, stream)
            partial.rename(target)
            vals.update(size_mb=target.stat().st_size / 1e6, state="done")
            _logger.info("Backup of %s written to %s", dbname, target)
        except Exception as error:  # recorded on the backup, never lost
            _logger.exception("Backup of %s failed", dbname)
            detail = getattr(error, "stderr", None)
            if isinstance(detail, bytes):
                detail = detail.decode(errors="replace")
            vals.update(
                state="failed", error=f"{error}\n{detail}" if detail else str(error)
            )
        vals["duration"] = time.time() - started
        backup = self.sudo().create(vals)
        if backup.state == "done":
            self._apply_retention()
        return backup

    @api.model
    def _dump(self, dbname, stream):
        """Odoo's backup zip (dump.sql, filestore/, manifest.json), as the database
        manager makes it, written by the server itself: the database manager is off on
        a production server (``list_db = False``), the scheduled backup is not."""
        with tempfile.TemporaryDirectory() as dump_dir:
            filestore = config.filestore(dbname)
            if os.path.exists(filestore):
                shutil.copytree(filestore, os.path.join(dump_dir, "filestore"))
            with open(os.path.join(dump_dir, "manifest.json"), "w") as manifest:
                json.dump(self._manifest(), manifest, indent=4)
            subprocess.run(
                [
                    find_pg_tool("pg_dump"),
                    "--no-owner",
                    "--file=" + os.path.join(dump_dir, "dump.sql"),
                    dbname,
                ],
                env=exec_pg_environ(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                check=True,
            )
            osutil.zip_dir(
                dump_dir,
                stream,
                include_dir=False,
                fnct_sort=lambda file_name: file_name != "dump.sql",
            )

    @api.model
    def _manifest(self):
        """The manifest.json of Odoo's backups (what restoring checks)."""
        cr = self.env.cr
        cr.execute(
            "SELECT name, latest_version FROM ir_module_module WHERE state = 'installed'"
        )
        major, minor = divmod(cr._obj.connection.server_version // 100, 100)
        return {
            "odoo_dump": "1",
            "db_name": cr.dbname,
            "version": release.version,
            "version_info": release.version_info,
            "major_version": release.major_version,
            "pg_version": f"{major}.{minor}",
            "modules": dict(cr.fetchall()),
        }

    @api.model
    def _apply_retention(self):
        """Keep the newest backups of this database in its directory, remove the rest."""
        directory = self._backup_dir()
        dbname = self.env.cr.dbname
        files = sorted(
            directory.glob(f"{dbname}-*.zip"), key=lambda path: path.stat().st_mtime
        )
        removed = files[: -self._keep()]
        for path in removed:
            path.unlink(missing_ok=True)
            _logger.info("Backup %s removed (retention)", path)
        if removed:
            self.sudo().search(
                [
                    ("path", "in", [str(path) for path in removed]),
                    ("state", "=", "done"),
                ]
            ).write({"state": "removed"})
        return removed
