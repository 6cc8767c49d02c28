"""A real S3-compatible HTTP server for the tests: moto's server mode on a free port, spoken
to over HTTP by real boto3 (in this process, or in the gunicorn servers a test starts).

Each bucket gets the policy docs/deploy.md asks for: anyone may read ``media/*``; nothing
else is public.
"""

import json
import urllib.error
import urllib.request
import uuid
from email.message import Message

import boto3
from moto.server import ThreadedMotoServer

from dateline.settings.storage import MEDIA_S3_PREFIX, media_url, s3_storages

from .servers import free_port

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "dateline-test", "AWS_SECRET_ACCESS_KEY": "dateline-secret"}


def public_read_policy(bucket: str) -> str:
    """The bucket policy of docs/deploy.md: GetObject on the media prefix, for anyone."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicMedia",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{bucket}/{MEDIA_S3_PREFIX}/*",
                }
            ],
        }
    )


class S3Server:
    """moto's S3 server, running until :meth:`stop`."""

    def __init__(self):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.server.start()
        self.client = boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )

    def new_bucket(self, name: str = "") -> str:
        """A new, empty bucket with the public-media policy; its name."""
        name = name or f"news-{uuid.uuid4().hex[:12]}"
        self.client.create_bucket(Bucket=name)
        self.client.put_bucket_policy(Bucket=name, Policy=public_read_policy(name))
        return name

    def keys(self, bucket: str, prefix: str = "") -> list[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def read(self, bucket: str, key: str) -> bytes:
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()

    def env(self, bucket: str, **extra: str) -> dict:
        """The environment a Dateline process needs to keep its media in ``bucket``."""
        return {
            "DATELINE_MEDIA_S3_BUCKET": bucket,
            "DATELINE_MEDIA_S3_ENDPOINT": self.endpoint,
            **CREDENTIALS,
            **extra,
        }

    def use_in_settings(self, settings, monkeypatch, bucket: str, public_url: str = "") -> None:
        """Point this process's storages at ``bucket``, as settings/storage.py would."""
        for key, value in CREDENTIALS.items():
            monkeypatch.setenv(key, value)
        settings.STORAGES = {
            **s3_storages(bucket, endpoint=self.endpoint, public_url=public_url),
            "staticfiles": settings.STORAGES["staticfiles"],
        }
        settings.MEDIA_URL = media_url(bucket, endpoint=self.endpoint, public_url=public_url)

    def stop(self) -> None:
        self.server.stop()


def anonymous_get(url: str, **headers: str) -> tuple[int, Message, bytes]:
    """(status, headers (any case), body) of a GET with no credentials, as a reader's
    browser makes it."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
