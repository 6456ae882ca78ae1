"""An S3 API on a free loopback port (moto's standalone server) for the storage tests, and an
application whose files live there."""

from __future__ import annotations

import socket
import uuid

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    """The address of a real S3 API (moto's server), with test credentials in the environment
    as a deployment would give them."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AWS_ACCESS_KEY_ID", "test-access-key")
        env.setenv("AWS_SECRET_ACCESS_KEY", "test-secret-key")
        env.setenv("AWS_DEFAULT_REGION", "us-east-1")
        env.delenv("AWS_ENDPOINT_URL", raising=False)
        yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_url(s3_endpoint):
    """``s3://bucket/prefix`` of a new, empty bucket."""
    import boto3

    bucket = f"mgf-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_endpoint).create_bucket(Bucket=bucket)
    return f"s3://{bucket}/evidence"


@pytest.fixture
def s3_app(_schema, database_url, tmp_path, s3_endpoint, s3_url):
    """The test application with its files in the object store."""
    from conftest import _config, empty_tables

    from mgf_assess import create_app
    from mgf_assess.extensions import db

    app = create_app({**_config(database_url, tmp_path), "STORAGE_URL": s3_url, "STORAGE_ENDPOINT_URL": s3_endpoint})
    yield app
    with app.app_context():
        db.session.remove()
        empty_tables(db)
        db.engine.dispose()
