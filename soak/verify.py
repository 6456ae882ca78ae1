"""After the load: every acknowledged save and upload looked up in the database, and every
acknowledged file downloaded again (through the API, with the uploader's token)."""

from __future__ import annotations

import hashlib

import requests

from soak.checks import SaveCheck, UploadCheck, canonical, compare_saves, compare_uploads
from soak.databases import answer_history, connected, evidence_files, stored_answers
from soak.instance import Account
from soak.ledger import AckedUpload, Ledger


def acknowledged_writes(ledger: Ledger, accounts: list[Account], url: str, base: str) -> tuple[SaveCheck, UploadCheck]:
    """Compare what the server acknowledged with what the database and the server now hold."""
    assessments = sorted({account.assessment for account in accounts})
    with connected(url) as connection:
        stored = stored_answers(connection, assessments)
        history = {(key, revision, canonical(value)) for key, revision, value, _id in
                   answer_history(connection, assessments)}
        files = evidence_files(connection)
    tokens = {account.email: account.token for account in accounts}
    downloaded = {upload.evidence: _digest(base, tokens[upload.account], upload)
                  for upload in ledger.uploads if upload.evidence in files}
    return compare_saves(ledger.saves, stored, history), compare_uploads(ledger.uploads, set(files), downloaded)


def _digest(base: str, token: str, upload: AckedUpload) -> str | None:
    """The SHA-256 of the evidence file as downloaded now; None when the download fails."""
    path = f"/api/v1/assessments/{upload.assessment}/evidence/{upload.evidence}/file"
    try:
        response = requests.get(base + path, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    except requests.RequestException:
        return None
    return hashlib.sha256(response.content).hexdigest() if response.status_code == 200 else None
