"""Uploaded workbooks waiting between their preview and their application.

The preview page must not trust the browser with the file's content, so the upload is kept on
the server: under ``UPLOAD_FOLDER/pending-workbooks/``, named by a random token, with a small
JSON note of who uploaded it for which assessment, when, and its SHA-256. Only that user may
preview or apply it, for that assessment, within ``layout.PENDING_MINUTES``; it is deleted when
applied, and expired files are swept on every new upload.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from mgf_assess.assessments.workbook import layout

FOLDER = "pending-workbooks"
TOKEN = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class Pending:
    token: str
    data: bytes
    file_name: str
    uploaded_at: float


def now() -> float:
    """The time, in seconds (a function of its own, so that tests can move it)."""
    return time.time()


def _folder() -> Path:
    return Path(current_app.config["UPLOAD_FOLDER"]) / FOLDER


def _paths(token: str) -> tuple[Path, Path]:
    folder = _folder()
    return folder / f"{token}.xlsx", folder / f"{token}.json"


def keep(data: bytes, user_id: int, assessment_id: int, file_name: str) -> str:
    """Keep an uploaded workbook; returns its token."""
    sweep()
    token = secrets.token_hex(16)
    content, note = _paths(token)
    content.parent.mkdir(parents=True, exist_ok=True)
    note.write_text(json.dumps({"user": user_id, "assessment": assessment_id, "file_name": file_name[:200],
                                "uploaded_at": now(), "sha256": hashlib.sha256(data).hexdigest()}))
    content.write_bytes(data)  # after its note: a sweep never sees content without a note
    return token


def fetch(token: str, user_id: int, assessment_id: int) -> Pending | None:
    """The workbook kept under ``token`` if it is this user's upload for this assessment, not
    expired and intact; None otherwise."""
    if not TOKEN.fullmatch(token):
        return None
    content, note = _paths(token)
    try:
        meta = json.loads(note.read_text())
        data = content.read_bytes()
    except (OSError, ValueError):
        return None
    if (meta.get("user"), meta.get("assessment")) != (user_id, assessment_id) or _expired(meta):
        return None
    if hashlib.sha256(data).hexdigest() != meta.get("sha256"):
        return None
    return Pending(token, data, meta.get("file_name", ""), meta["uploaded_at"])


def discard(token: str) -> None:
    """Delete a kept workbook (its content first, then its note)."""
    if TOKEN.fullmatch(token):
        for path in _paths(token):
            path.unlink(missing_ok=True)


def _expired(meta: dict) -> bool:
    uploaded = meta.get("uploaded_at")
    return not isinstance(uploaded, int | float) or now() - uploaded > layout.PENDING_MINUTES * 60


def sweep() -> int:
    """Delete expired uploads (and notes without content, or content without note)."""
    folder, removed = _folder(), 0
    if not folder.is_dir():
        return 0
    for note in folder.glob("*.json"):
        try:
            expired = _expired(json.loads(note.read_text()))
        except (OSError, ValueError):
            expired = True
        if expired:
            discard(note.stem)
            removed += 1
    for content in folder.glob("*.xlsx"):
        if not content.with_suffix(".json").exists():
            content.unlink(missing_ok=True)
    return removed
