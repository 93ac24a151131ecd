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

from .s3_offsite import S3Offsite

_logger = logging.getLogger(__name__)

DIR_PARAM = "retail_wholesale.backup_dir"
KEEP_PARAM = "retail_wholesale.backup_keep"
DEFAULT_KEEP = 7


class RetailBackup(models.Model):
    """备份: a scheduled copy of the database and its filestore, with retention.

    Each backup is Odoo's own zip (database dump + filestore + manifest), restored with
    ``bin/retail restore FILE NEWDB`` or ``odoo-bin db load NEWDB FILE`` (the database
    manager is off: ``list_db = False``). After each backup the zip is copied to the
    S3-compatible bucket of the ``retail_backup.s3_*`` system parameters when one is
    set, with the same retention there.
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
    offsite_state = fields.Selection(
        selection=[("done", "Copied"), ("failed", "Failed"), ("removed", "Removed")],
        string="Off-site Copy",
        readonly=True,
    )
    offsite_path = fields.Char(string="Off-site Location", readonly=True)
    offsite_error = fields.Text(string="Off-site Error", readonly=True)

    @api.model
    def _backup_dir(self):
        """The directory of this run: ``retail_backup_dir`` in the context (a one-off
        backup into another directory, ``bin/retail backup DB DIR``), else the system
        parameter, else the data directory's ``backups/<database>``."""
        if self.env.context.get("retail_backup_dir"):
            return Path(self.env.context["retail_backup_dir"])
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
            self._check_filestore(dbname)
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
            backup._copy_offsite()
        return backup

    @api.model
    def _check_filestore(self, dbname):
        """Fail when attachments stored on disk have no file in the filestore: such a
        backup would restore the records without their files. Asset bundles (CSS and
        JS Odoo compiles again when their file is missing) are not counted."""
        self.env.cr.execute(
            """
            SELECT DISTINCT store_fname FROM ir_attachment
             WHERE store_fname > ''
               AND (url IS NULL OR NOT starts_with(url, %s))
            """,
            ["/web/assets/"],
        )
        names = sorted(name for (name,) in self.env.cr.fetchall())
        filestore = config.filestore(dbname)
        if names and not os.path.isdir(filestore):
            raise UserError(
                self.env._(
                    "The filestore %(path)s is missing: %(count)s files of attachments "
                    "should be there, the backup would not restore them.",
                    path=filestore,
                    count=len(names),
                )
            )
        missing = [
            path
            for path in (os.path.join(filestore, name) for name in names)
            if not os.path.isfile(path)
        ]
        if missing:
            raise UserError(
                self.env._(
                    "%(count)s files of attachments are missing from the filestore, "
                    "the backup would not restore them: %(paths)s",
                    count=len(missing),
                    paths=", ".join(missing[:10]),
                )
            )

    def _copy_offsite(self):
        """Copy this backup to the bucket when one is configured and keep there as many
        copies of this database as here; the outcome is recorded on the backup."""
        self.ensure_one()
        offsite = S3Offsite.from_params(self.env["ir.config_parameter"].sudo())
        if not offsite:
            return
        backup = self.sudo()
        try:
            client = offsite.client()
            key = offsite.upload(client, Path(self.path))
        except ImportError:
            _logger.warning("Off-site copy of %s: boto3 is not installed", self.path)
            backup.write(
                {
                    "offsite_state": "failed",
                    "offsite_error": self.env._(
                        "The off-site copy needs the Python package boto3 on the "
                        "server: install boto3 (pip install boto3)."
                    ),
                }
            )
            return
        except Exception as error:  # recorded on the backup, the local copy stays
            _logger.warning("Off-site copy of %s failed", self.path, exc_info=True)
            backup.write({"offsite_state": "failed", "offsite_error": str(error)})
            return
        backup.write({"offsite_state": "done", "offsite_path": offsite.location(key)})
        _logger.info("Backup %s copied to %s", self.path, backup.offsite_path)
        try:
            removed = offsite.prune(client, self.env.cr.dbname, self._keep())
        except Exception as error:  # the copy is made: only the old ones stay
            _logger.warning(
                "Off-site retention after %s failed", self.path, exc_info=True
            )
            backup.offsite_error = self.env._(
                "Copied, but the older off-site copies were not removed: %s", error
            )
            return
        if removed:
            backup.search(
                [
                    ("offsite_path", "in", [offsite.location(key) for key in removed]),
                    ("offsite_state", "=", "done"),
                ]
            ).write({"offsite_state": "removed"})

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
