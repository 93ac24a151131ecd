import logging
import os
import shutil
import socket
import sys
import tempfile
import unittest
import uuid
from pathlib import Path
from unittest.mock import patch

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.retail_wholesale.tests.common import RetailCommon

DUMP = "odoo.addons.retail_backup.models.retail_backup.RetailBackup._dump"
LOGGER = "odoo.addons.retail_backup.models.retail_backup"
SECRET = "retail-secret-key"  # noqa: S105 (moto takes any)


def fake_dump(model, db_name, stream):
    stream.write(b"PK" + os.urandom(300_000))


@tagged("post_install", "-at_install")
class TestRetailBackupOffsite(RetailCommon):
    """Off-site copies in an S3-compatible bucket: moto's S3 server on loopback, reached
    over real HTTP by boto3 as a bucket of a hosting provider would be."""

    @classmethod
    def setUpClass(cls):
        try:
            import boto3  # optional, as in the addon
            from moto.server import ThreadedMotoServer
        except ImportError as error:
            raise unittest.SkipTest(
                f"{error}: bin/retail test installs boto3 and moto[server]"
            ) from error
        super().setUpClass()
        cls.server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        cls.server.start()
        cls.addClassCleanup(cls.server.stop)
        host, port = cls.server.get_host_and_port()
        cls.endpoint = f"http://{host}:{port}"
        cls.s3 = boto3.client(
            "s3",
            endpoint_url=cls.endpoint,
            region_name="us-east-1",
            aws_access_key_id="retail",
            aws_secret_access_key=SECRET,
        )

    def setUp(self):
        super().setUp()
        self.directory = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.directory)
        self.bucket = f"retail-{uuid.uuid4().hex[:12]}"
        self.s3.create_bucket(Bucket=self.bucket)
        self.db = self.env.cr.dbname
        self._set_params(
            {
                "retail_wholesale.backup_dir": str(self.directory),
                "retail_wholesale.backup_keep": "2",
                "retail_backup.s3_endpoint_url": self.endpoint,
                "retail_backup.s3_bucket": self.bucket,
                "retail_backup.s3_prefix": "nightly",
                "retail_backup.s3_access_key": "retail",
                "retail_backup.s3_secret_key": SECRET,
                "retail_backup.s3_region": "us-east-1",
            }
        )
        self.Backup = self.env["retail.backup"]

    def _set_params(self, params):
        ICP = self.env["ir.config_parameter"].sudo()
        for key, value in params.items():
            ICP.set_param(key, value)

    def _backup(self):
        with patch(DUMP, fake_dump), mute_logger("werkzeug"):
            return self.Backup._backup()

    def _keys(self):
        listing = self.s3.list_objects_v2(Bucket=self.bucket)
        return sorted(obj["Key"] for obj in listing.get("Contents", []))

    def test_backup_is_copied_to_the_bucket_with_the_same_bytes(self):
        with self.assertLogs(LOGGER, level=logging.DEBUG) as logs:
            backup = self._backup()
        self.assertEqual(backup.state, "done")
        self.assertEqual(backup.offsite_state, "done", backup.offsite_error)
        key = f"nightly/{backup.file_name}"
        self.assertEqual(backup.offsite_path, f"s3://{self.bucket}/{key}")
        remote = self.s3.get_object(Bucket=self.bucket, Key=key)
        local = Path(backup.path).read_bytes()
        self.assertEqual(remote["ContentLength"], len(local))
        self.assertEqual(remote["Body"].read(), local)
        self.assertNotIn(SECRET, "\n".join(logs.output), "the secret is never logged")

    def test_unreachable_bucket_keeps_the_local_backup_and_records_the_error(self):
        with socket.socket() as probe:  # a loopback port nobody listens on
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self._set_params({"retail_backup.s3_endpoint_url": f"http://127.0.0.1:{port}"})
        with mute_logger(LOGGER):
            backup = self._backup()
        self.assertEqual(backup.state, "done")
        self.assertTrue(Path(backup.path).exists())
        self.assertEqual(backup.offsite_state, "failed")
        self.assertIn(f"127.0.0.1:{port}", backup.offsite_error)
        self.assertNotIn(SECRET, backup.offsite_error)

    def test_copies_beyond_the_retention_are_removed_from_the_bucket(self):
        ours = [f"nightly/{self.db}-2026010{day}-020000.zip" for day in (1, 2, 3)]
        others = [
            "nightly/otherdb-20260101-020000.zip",
            f"nightly/{self.db}-notes.txt",
            f"elsewhere/{self.db}-20260101-020000.zip",
        ]
        for key in ours + others:
            self.s3.put_object(Bucket=self.bucket, Key=key, Body=b"old")
        older = self.Backup.create(
            {
                "file_name": "older",
                "offsite_state": "done",
                "offsite_path": f"s3://{self.bucket}/{ours[1]}",
            }
        )
        with mute_logger(LOGGER):
            backup = self._backup()
        self.assertEqual(backup.offsite_state, "done", backup.offsite_error)
        self.assertEqual(
            self._keys(),
            sorted([ours[2], f"nightly/{backup.file_name}", *others]),
        )
        self.assertEqual(older.offsite_state, "removed")

    def test_without_boto3_the_error_says_to_install_it(self):
        with (
            patch.dict(sys.modules, {"boto3": None}),
            mute_logger(LOGGER),
        ):
            backup = self._backup()
        self.assertEqual(backup.state, "done")
        self.assertEqual(backup.offsite_state, "failed")
        self.assertIn("install boto3", backup.offsite_error)
        self.assertEqual(self._keys(), [])
