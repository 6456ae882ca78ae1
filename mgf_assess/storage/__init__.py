"""Where files live: evidence files and pending answers workbooks.

Several application servers share one database, so files cannot stay on one server's disk
unless that disk is shared. ``storage_for`` chooses once, from the settings: ``LocalStorage``
(``UPLOAD_FOLDER``, the default) or ``S3Storage`` (``STORAGE_URL=s3://bucket/prefix``). The
application keeps its choice in ``app.extensions["mgf_storage"]``; ``current()`` returns it.
"""

from __future__ import annotations

import os

from flask import Flask, current_app

from mgf_assess.storage.base import Missing, Storage, checked
from mgf_assess.storage.local import LocalStorage
from mgf_assess.storage.s3 import S3Storage, parse_url

KEY = "mgf_storage"

__all__ = ["KEY", "LocalStorage", "Missing", "S3Storage", "Storage", "checked", "current", "init_app",
           "is_local", "storage_for"]


def is_local(config) -> bool:
    """Whether the settings keep files in the local ``UPLOAD_FOLDER``."""
    return not (config.get("STORAGE_URL") or "").strip()


def storage_for(config) -> Storage:
    """The storage the settings ask for (an app's ``config``)."""
    if is_local(config):
        return LocalStorage(config["UPLOAD_FOLDER"])
    bucket, prefix = parse_url(config["STORAGE_URL"].strip())
    return S3Storage(_s3_client(config), bucket, prefix)


def _s3_client(config):
    import boto3  # only deployments with object storage need it loaded

    endpoint = config.get("STORAGE_ENDPOINT_URL") or os.environ.get("AWS_ENDPOINT_URL") or None
    return boto3.client("s3", endpoint_url=endpoint)


def init_app(app: Flask) -> None:
    """Choose the application's storage once."""
    app.extensions[KEY] = storage_for(app.config)


def current() -> Storage:
    """The storage of the current application."""
    return current_app.extensions[KEY]
