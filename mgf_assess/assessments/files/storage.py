"""Keeping evidence files: random names in the application's storage (``mgf_assess.storage``:
the upload folder, outside the static folder, or an object store)."""

from __future__ import annotations

import secrets

from flask import abort, send_file

from mgf_assess import storage


def read_upload(upload) -> tuple[str, bytes]:
    """(file name, bytes) of an uploaded file (a werkzeug FileStorage), closed once read: a
    large upload is spooled to a temporary file, which is released now rather than later."""
    try:
        return upload.filename or "", upload.read()
    finally:
        upload.close()


def store(data: bytes) -> str:
    """Keep the bytes under a new random name; return the name."""
    name = secrets.token_hex(16)
    storage.current().put(name, data)
    return name


def checked_name(stored_name: str) -> str:
    """A stored name as evidence has it: our own hex tokens, so no path can escape the storage."""
    if not stored_name.isalnum():
        raise ValueError("invalid stored file name")
    return stored_name


def send(item):
    """The response downloading an evidence item's file as an attachment under its uploaded
    name, streamed from the storage; 404 when the item has no file or the file is gone."""
    if not item.stored_name:
        abort(404)
    try:
        stream = storage.current().open(checked_name(item.stored_name))
    except storage.Missing:
        abort(404)
    response = send_file(stream, as_attachment=True, download_name=download_name(item.file_name),
                         mimetype=item.content_type or "application/octet-stream")
    if item.size is not None and response.content_length is None:
        response.content_length = item.size
    return response


def download_name(file_name: str | None) -> str:
    """The uploaded name, fit for a header: it comes from the uploader's computer, and control
    characters cannot go into a header."""
    name = "".join(char for char in (file_name or "") if char.isprintable()).strip()
    return name or "evidence"
