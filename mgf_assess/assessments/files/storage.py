"""Keeping evidence files: random names in the upload folder, outside the static folder."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import abort, current_app, send_file


def read_upload(storage) -> tuple[str, bytes]:
    """(file name, bytes) of an uploaded file (a werkzeug FileStorage), closed once read: a
    large upload is spooled to a temporary file, which is released now rather than later."""
    try:
        return storage.filename or "", storage.read()
    finally:
        storage.close()


def store(folder: str | Path, data: bytes) -> str:
    """Write the bytes under a new random name in ``folder``; return the name."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = secrets.token_hex(16)
    (folder / name).write_bytes(data)
    return name


def path_of(folder: str | Path, stored_name: str) -> Path:
    """The file of a stored name; names are our own hex tokens, so no path can escape the folder."""
    if not stored_name.isalnum():
        raise ValueError("invalid stored file name")
    return Path(folder) / stored_name


def send(item):
    """The response downloading an evidence item's file as an attachment under its uploaded
    name; 404 when the item has no file or the file is gone."""
    if not item.stored_name:
        abort(404)
    path = path_of(current_app.config["UPLOAD_FOLDER"], item.stored_name)
    if not path.is_file():
        abort(404)
    return send_file(path, as_attachment=True, download_name=download_name(item.file_name),
                     mimetype=item.content_type or "application/octet-stream")


def download_name(file_name: str | None) -> str:
    """The uploaded name, fit for a header: it comes from the uploader's computer, and control
    characters cannot go into a header."""
    name = "".join(char for char in (file_name or "") if char.isprintable()).strip()
    return name or "evidence"
