"""Files in an S3-compatible object store (AWS S3, MinIO, Ceph, …), for several servers.

``STORAGE_URL=s3://bucket/prefix`` selects it; the endpoint comes from ``STORAGE_ENDPOINT_URL``
(or ``AWS_ENDPOINT_URL``), the credentials and region from boto3's usual environment variables
(``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_DEFAULT_REGION``) or its other sources.
"""

from __future__ import annotations

import io
from typing import BinaryIO
from urllib.parse import urlsplit

from mgf_assess.storage.base import Missing, checked

NOT_FOUND = {"404", "NoSuchKey", "NotFound"}


def parse_url(url: str) -> tuple[str, str]:
    """(bucket, prefix) of ``s3://bucket/prefix``; ValueError saying what is wrong otherwise."""
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise ValueError(f"STORAGE_URL={url!r} is not an s3://bucket/prefix address: set it to one, "
                         "or leave it unset to keep files in UPLOAD_FOLDER")
    return parts.netloc, parts.path.strip("/")


class S3Storage:
    """Stored names are keys under ``prefix`` in ``bucket``; ``client`` is a boto3 S3 client."""

    def __init__(self, client, bucket: str, prefix: str = ""):
        self.client, self.bucket, self.prefix = client, bucket, prefix.strip("/")

    def _key(self, name: str) -> str:
        return f"{self.prefix}/{checked(name)}" if self.prefix else checked(name)

    def put(self, name: str, data: bytes | BinaryIO) -> None:
        body = io.BytesIO(bytes(data)) if isinstance(data, bytes | bytearray | memoryview) else data
        self.client.upload_fileobj(body, self.bucket, self._key(name))

    def open(self, name: str) -> BinaryIO:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._key(name))["Body"]
        except self.client.exceptions.ClientError as error:
            raise _missing_or(error, name) from None

    def get(self, name: str) -> bytes:
        stream = self.open(name)
        try:
            return stream.read()
        finally:
            stream.close()

    def delete(self, name: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._key(name))

    def exists(self, name: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self._key(name))
        except self.client.exceptions.ClientError as error:
            if _code(error) in NOT_FOUND:
                return False
            raise
        return True

    def names(self, prefix: str = "") -> list[str]:
        start = f"{self.prefix}/" if self.prefix else ""
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=start + prefix)
        return sorted(item["Key"][len(start):] for page in pages for item in page.get("Contents", []))

    def describe(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"


def _code(error) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def _missing_or(error, name: str) -> Exception:
    return Missing(name) if _code(error) in NOT_FOUND else error
