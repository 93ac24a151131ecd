"""Off-site copies of the backups in an S3-compatible bucket.

boto3 is not in the official Odoo image: it is imported only when a bucket is configured,
so the addon installs and backs up locally without it.
"""

import re

PARAM = "retail_backup.s3_%s"
SETTINGS = ("endpoint_url", "bucket", "prefix", "access_key", "secret_key", "region")


class S3Offsite:
    """The bucket, the prefix and the credentials of the system parameters
    ``retail_backup.s3_*``; the secret key is kept here only, never logged."""

    def __init__(self, settings):
        self._settings = settings
        self.bucket = settings["bucket"]
        prefix = settings["prefix"].strip("/")
        self.prefix = f"{prefix}/" if prefix else ""

    @classmethod
    def from_params(cls, ICP):
        """The configured bucket, or None when off-site copies are off (no bucket)."""
        settings = {
            name: (ICP.get_param(PARAM % name) or "").strip() for name in SETTINGS
        }
        return cls(settings) if settings["bucket"] else None

    def location(self, key):
        return f"s3://{self.bucket}/{key}"

    def client(self):
        """A boto3 client; ImportError when boto3 is not installed."""
        import boto3  # optional: only where a bucket is configured
        from botocore.config import Config

        settings = self._settings
        return boto3.client(
            "s3",
            endpoint_url=settings["endpoint_url"] or None,
            region_name=settings["region"] or None,
            aws_access_key_id=settings["access_key"] or None,
            aws_secret_access_key=settings["secret_key"] or None,
            config=Config(
                connect_timeout=10,
                read_timeout=120,
                retries={"max_attempts": 3, "mode": "standard"},
            ),
        )

    def upload(self, client, path):
        """Upload the backup zip under the prefix; returns its key."""
        key = self.prefix + path.name
        client.upload_file(str(path), self.bucket, key)
        return key

    def prune(self, client, dbname, keep):
        """Delete this database's copies beyond the newest ``keep`` (the names hold the
        backup's time); other databases' copies and other objects stay. Returns the
        deleted keys."""
        own = re.compile(re.escape(f"{self.prefix}{dbname}-") + r"\d{8}-\d{6}\.zip\Z")
        pages = client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=f"{self.prefix}{dbname}-"
        )
        keys = sorted(
            obj["Key"]
            for page in pages
            for obj in page.get("Contents", [])
            if own.match(obj["Key"])
        )
        removed = keys[:-keep]
        for key in removed:
            client.delete_object(Bucket=self.bucket, Key=key)
        return removed
