import os
import tempfile
import time
import uuid
from pathlib import Path
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import config, mute_logger

from odoo.addons.retail_wholesale.tests.common import RetailCommon

DUMP = "odoo.addons.retail_backup.models.retail_backup.RetailBackup._dump"


@tagged("post_install", "-at_install")
class TestRetailBackup(RetailCommon):
    """Scheduled backups: a zip per run in the backup directory, the newest kept, each
    run recorded (failures too). The real dump and restore run end to end in
    tests/e2e/test_reliability.py."""

    def setUp(self):
        super().setUp()
        self.directory = Path(tempfile.mkdtemp())
        self.addCleanup(lambda: [p.unlink() for p in self.directory.iterdir()])
        ICP = self.env["ir.config_parameter"].sudo()
        ICP.set_param("retail_wholesale.backup_dir", str(self.directory))
        ICP.set_param("retail_wholesale.backup_keep", "2")
        self.Backup = self.env["retail.backup"]

    def _old_backup(self, name, days_ago):
        path = self.directory / f"{self.env.cr.dbname}-{name}.zip"
        path.write_bytes(b"old")
        os.utime(path, (time.time() - 86400 * days_ago,) * 2)
        return path

    def test_backup_writes_a_zip_and_keeps_the_newest(self):
        oldest = self._old_backup("20260101-020000", 3)
        older = self._old_backup("20260102-020000", 2)
        other_db = self.directory / "otherdb-20260101-020000.zip"
        other_db.write_bytes(b"another database's backup")

        def fake_dump(model, db_name, stream):
            self.assertEqual(db_name, self.env.cr.dbname)
            stream.write(b"PK" + b"x" * 2_000_000)

        with patch(DUMP, fake_dump):
            self.Backup._cron_backup()
        backup = self.Backup.search([], limit=1)
        self.assertEqual(backup.state, "done")
        self.assertEqual(Path(backup.path).read_bytes()[:2], b"PK")
        self.assertAlmostEqual(backup.size_mb, 2.0, places=1)
        self.assertFalse(oldest.exists(), "beyond the retention")
        self.assertTrue(older.exists())
        self.assertTrue(other_db.exists(), "other databases' backups are not ours")
        self.assertFalse(list(self.directory.glob("*.part")))
        self.assertFalse(backup.offsite_state, "no bucket configured, no copy")

    def test_failed_backup_is_recorded_and_keeps_the_old_ones(self):
        old = self._old_backup("20260101-020000", 9)
        self._old_backup("20260102-020000", 8)
        self._old_backup("20260103-020000", 7)

        def broken_dump(model, db_name, stream):
            raise OSError("No space left on device")

        with (
            patch(DUMP, broken_dump),
            mute_logger("odoo.addons.retail_backup.models.retail_backup"),
        ):
            self.Backup._cron_backup()
            with self.assertRaisesRegex(UserError, "No space left on device"):
                self.Backup.action_backup_now()
        failed = self.Backup.search([("state", "=", "failed")])
        self.assertTrue(failed)
        self.assertIn("No space left on device", failed[0].error)
        self.assertTrue(old.exists(), "a failed backup removes nothing")

    def test_only_administrators_back_up(self):
        with self.assertRaises(UserError):
            self.Backup.with_user(self.role_users["store_manager"]).action_backup_now()

    def _backup_without_dump(self):
        dumped = []
        with (
            patch(DUMP, lambda model, db_name, stream: dumped.append(db_name)),
            mute_logger("odoo.addons.retail_backup.models.retail_backup"),
        ):
            backup = self.Backup._backup()
        self.assertFalse(dumped, "nothing is dumped without the files")
        self.assertEqual(backup.state, "failed")
        self.assertFalse(list(self.directory.glob("*.zip")))
        return backup

    def test_backup_without_the_filestore_fails_and_names_it(self):
        self.env["ir.attachment"].create({"name": "备份.txt", "raw": b"on disk"})
        missing = str(self.directory / "no-filestore")
        with patch.object(config, "filestore", lambda db_name: missing):
            backup = self._backup_without_dump()
        self.assertIn(f"The filestore {missing} is missing", backup.error)

    def test_backup_with_an_attachment_file_missing_fails_and_names_it(self):
        attachment = self.env["ir.attachment"].create(
            {"name": "备份.txt", "raw": f"only here {uuid.uuid4()}".encode()}
        )
        path = attachment._full_path(attachment.store_fname)
        os.rename(path, f"{path}.away")
        self.addCleanup(os.rename, f"{path}.away", path)
        backup = self._backup_without_dump()
        self.assertIn("missing from the filestore", backup.error)
        self.assertIn(path, backup.error)

    def test_a_missing_asset_bundle_does_not_fail_the_backup(self):
        """Odoo compiles an asset bundle again when its file is missing: the backup
        does not need it."""
        bundle = self.env["ir.attachment"].create(
            {
                "name": "web.assets_test.min.css",
                "raw": f"/* {uuid.uuid4()} */".encode(),
                "res_model": "ir.ui.view",
                "url": "/web/assets/1/web.assets_test.min.css",
            }
        )
        path = bundle._full_path(bundle.store_fname)
        os.rename(path, f"{path}.away")
        self.addCleanup(os.rename, f"{path}.away", path)
        self.Backup._check_filestore(self.env.cr.dbname)
        bundle.url = False
        bundle.flush_recordset()
        with self.assertRaisesRegex(UserError, "missing from the filestore"):
            self.Backup._check_filestore(self.env.cr.dbname)
