"""Uploaded workbooks waiting between their preview and their application.

The preview page must not trust the browser with the file's content, so the upload is kept in
the application's storage (``mgf_assess.storage``, which every server shares): under
``pending-workbooks/``, named by a random token, with a small
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

from mgf_assess import storage
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


def _names(token: str) -> tuple[str, str]:
    return f"{FOLDER}/{token}.xlsx", f"{FOLDER}/{token}.json"


def keep(data: bytes, user_id: int, assessment_id: int, file_name: str) -> str:
    """Keep an uploaded workbook; returns its token."""
    sweep()
    token, files = secrets.token_hex(16), storage.current()
    content, note = _names(token)
    files.put(note, json.dumps({"user": user_id, "assessment": assessment_id, "file_name": file_name[:200],
                                "uploaded_at": now(), "sha256": hashlib.sha256(data).hexdigest()}).encode())
    files.put(content, data)  # after its note: a sweep never sees content without a note
    return token


def fetch(token: str, user_id: int, assessment_id: int) -> Pending | None:
    """The workbook kept under ``token`` if it is this user's upload for this assessment, not
    expired and intact; None otherwise."""
    if not TOKEN.fullmatch(token):
        return None
    content, note = _names(token)
    try:
        meta = json.loads(storage.current().get(note))
        data = storage.current().get(content)
    except (storage.Missing, ValueError):
        return None
    if (meta.get("user"), meta.get("assessment")) != (user_id, assessment_id) or _expired(meta):
        return None
    if hashlib.sha256(data).hexdigest() != meta.get("sha256"):
        return None
    return Pending(token, data, meta.get("file_name", ""), meta["uploaded_at"])


def discard(token: str) -> None:
    """Delete a kept workbook (its content first, then its note)."""
    if TOKEN.fullmatch(token):
        for name in _names(token):
            storage.current().delete(name)


def _expired(meta: dict) -> bool:
    uploaded = meta.get("uploaded_at")
    return not isinstance(uploaded, int | float) or now() - uploaded > layout.PENDING_MINUTES * 60


def sweep() -> int:
    """Delete expired uploads (and notes without content, or content without note)."""
    files, removed = storage.current(), 0
    names = set(files.names(f"{FOLDER}/"))
    for note in sorted(name for name in names if name.endswith(".json")):
        if _note_expired(files, note):
            discard(note.removeprefix(f"{FOLDER}/").removesuffix(".json"))
            removed += 1
    for content in names:
        if content.endswith(".xlsx") and content.removesuffix(".xlsx") + ".json" not in names:
            files.delete(content)
    return removed


def _note_expired(files, note: str) -> bool:
    try:
        return _expired(json.loads(files.get(note)))
    except (storage.Missing, ValueError):
        return True
