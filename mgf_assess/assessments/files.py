"""Evidence files: an allow-list checked by content (not by name), random names, size limit."""

from __future__ import annotations

import io
import secrets
import zipfile
from pathlib import Path

# (content type, what a person calls it) by the first bytes of the file
SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/msword"),  # legacy Office (doc, xls)
]
OFFICE_ZIP_TYPES = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
OPEN_DOCUMENT_PREFIX = b"application/vnd.oasis.opendocument."
ALLOWED_DESCRIPTION = "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, plain text or CSV"


def _zip_type(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype")
                return mimetype.decode("ascii") if mimetype.startswith(OPEN_DOCUMENT_PREFIX) else None
            return next((kind for prefix, kind in OFFICE_ZIP_TYPES.items()
                         if any(name.startswith(prefix) for name in names)), None)
    except (zipfile.BadZipFile, UnicodeDecodeError, KeyError):
        return None


def _text_type(data: bytes) -> str | None:
    if b"\x00" in data[:8192]:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "text/plain"


def sniff(data: bytes) -> str | None:
    """The content type of an allowed document or image, judged by its bytes; None if refused."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith(b"PK\x03\x04"):
        return _zip_type(data)
    return _text_type(data) if data else None


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
