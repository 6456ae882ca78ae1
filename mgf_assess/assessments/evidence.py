"""Writes on evidence: add (citation, URL, file) and remove. Flush, never commit; audited."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app
from flask_babel import lazy_gettext as _l

from mgf_assess.assessments import files
from mgf_assess.assessments.locking import lock_editable
from mgf_assess.assessments.models import EVIDENCE_KINDS, Assessment, Evidence
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.extensions import db

EVIDENCE_FROZEN = _l("This assessment is %(state)s: evidence cannot change now.")


def _check(kind: str, citation: str, url: str | None, upload: tuple[str, bytes] | None) -> dict:
    problems = {}
    if kind not in EVIDENCE_KINDS:
        problems["kind"] = _l("Choose the type of evidence.")
    if not citation.strip():
        problems["citation"] = _l("Describe the evidence: title of the law, policy, programme or data source.")
    if url and urlsplit(url).scheme not in ("http", "https"):
        problems["url"] = _l("The link must start with http:// or https://.")
    if upload is not None:
        problems.update(_check_file(upload[1]))
    return problems


def _check_file(data: bytes) -> dict:
    limit = current_app.config["MAX_UPLOAD_MB"] * 1024 * 1024
    if len(data) > limit:
        return {"file": _l("The file is larger than %(mb)d MB. Choose a smaller file or add a link instead.",
                           mb=current_app.config["MAX_UPLOAD_MB"])}
    if files.sniff(data) is None:
        return {"file": _l("This kind of file is not accepted. Upload %(kinds)s.", kinds=files.ALLOWED_DESCRIPTION)}
    return {}


def add_evidence(actor, assessment: Assessment, qid: str, *, kind: str, citation: str,
                 url: str | None = None, upload: tuple[str, bytes] | None = None) -> Evidence:
    """Attach evidence to a question; ``upload`` is (original file name, bytes). Nothing is
    stored (no row, no file) when anything is wrong."""
    assessment = lock_editable(assessment, EVIDENCE_FROZEN)
    problems = _check(kind, citation, url, upload)
    if problems:
        raise OperationError(problems)
    item = Evidence(assessment_id=assessment.id, question_id=qid, kind=kind, citation=citation.strip(),
                    url=url or None, created_by_id=getattr(actor, "id", None))
    if upload is not None:
        name, data = upload
        item.file_name, item.size, item.content_type = name[:255], len(data), files.sniff(data)
        item.stored_name = files.store(current_app.config["UPLOAD_FOLDER"], data)
    db.session.add(item)
    db.session.flush()
    audit.record(actor, "evidence.add", "evidence", item.id, country=assessment.country_code,
                 new={"question": qid, "kind": kind, "citation": item.citation, "url": item.url,
                      "file": item.file_name})
    return item


def remove_evidence(actor, assessment: Assessment, item: Evidence) -> None:
    """Detach evidence (the stored file is kept: the audit log may refer to it)."""
    assessment = lock_editable(assessment, EVIDENCE_FROZEN)
    audit.record(actor, "evidence.remove", "evidence", item.id, country=assessment.country_code,
                 old={"question": item.question_id, "citation": item.citation, "file": item.file_name})
    db.session.delete(item)
    db.session.flush()
