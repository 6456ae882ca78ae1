"""Writes on evidence: add (citation, URL, file) and remove. Flush, never commit; audited.

The pages and the API call these same functions, so evidence is checked the same way
wherever it comes from: the kind, the citation, the link, and a file's size and content.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app
from flask_babel import lazy_gettext as _l

from mgf_assess.assessments import files
from mgf_assess.assessments.locking import lock_editable
from mgf_assess.assessments.models import EVIDENCE_KINDS, Assessment, Evidence
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.core.limits import CITATION_MAX as MAX_CITATION
from mgf_assess.core.limits import URL_MAX as MAX_URL
from mgf_assess.extensions import db

EVIDENCE_FROZEN = _l("This assessment is %(state)s: evidence cannot change now.")
# Why a file is refused (``files.Refused.code``): what is wrong, and what to do instead.
FILE_REFUSALS = {
    "not_allowed": _l("This kind of file is not accepted. Upload %(kinds)s."),
    "damaged": _l("This file looks like an Office or OpenDocument file but cannot be read: it may be damaged "
                  "or password-protected. Save it again from its program (or as PDF) and upload that file."),
    "too_many_members": _l("This document holds more than %(limit)d parts, far more than an ordinary document: "
                           "it is refused as a possible compression bomb. Save it again from its program "
                           "(or as PDF) and upload that file."),
    "too_large_unpacked": _l("This document would unpack to more than %(mb)d MB: it is refused as a possible "
                             "compression bomb. Save it as PDF, or split it, and upload that file."),
    "compression_ratio": _l("The part “%(member)s” of this document is compressed more than %(ratio)d times, "
                            "which ordinary documents never are: it is refused as a possible compression bomb. "
                            "Save it again from its program (or as PDF) and upload that file."),
    "nested_archive": _l("This document contains an archive (“%(member)s”): archives inside documents are not "
                         "accepted. Remove it from the document and upload the document again; add what the "
                         "archive holds as separate evidence."),
}


def _check_fields(kind: str, citation: str, url: str | None) -> dict:
    problems = {}
    if kind not in EVIDENCE_KINDS:
        problems["kind"] = _l("Choose the type of evidence.")
    if not citation.strip():
        problems["citation"] = _l("Describe the evidence: title of the law, policy, programme or data source.")
    elif len(citation) > MAX_CITATION:
        problems["citation"] = _l("The citation is longer than %(max)d characters: shorten it, and attach the "
                                  "full text as a file or a link.", max=MAX_CITATION)
    if url and urlsplit(url).scheme not in ("http", "https"):
        problems["url"] = _l("The link must start with http:// or https://.")
    elif url and len(url) > MAX_URL:
        problems["url"] = _l("The link is longer than %(max)d characters: use a shorter address of the same "
                             "page.", max=MAX_URL)
    return problems


def _check_file(data: bytes) -> tuple[dict, str | None]:
    """Problems of an uploaded file, and its content type when it is accepted."""
    limit = current_app.config["MAX_UPLOAD_MB"] * 1024 * 1024
    if len(data) > limit:
        return {"file": _l("The file is larger than %(mb)d MB. Choose a smaller file or add a link instead.",
                           mb=current_app.config["MAX_UPLOAD_MB"])}, None
    try:
        return {}, files.sniff(data)
    except files.Refused as refusal:
        details = {"kinds": files.ALLOWED_DESCRIPTION, **refusal.details}
        return {"file": str(FILE_REFUSALS[refusal.code]) % details}, None


def _check(kind: str, citation: str, url: str | None, upload: tuple[str, bytes] | None) -> tuple[dict, str | None]:
    problems, content_type = _check_fields(kind, citation, url), None
    if upload is not None:
        file_problems, content_type = _check_file(upload[1])
        problems.update(file_problems)
    return problems, content_type


def add_evidence(actor, assessment: Assessment, qid: str, *, kind: str, citation: str,
                 url: str | None = None, upload: tuple[str, bytes] | None = None) -> Evidence:
    """Attach evidence to a question; ``upload`` is (original file name, bytes). Nothing is
    stored (no row, no file) when anything is wrong: OperationError lists every problem,
    NotEditable says the state forbids changes."""
    problems, content_type = _check(kind, citation, url, upload)  # before the lock: a file takes a moment
    assessment = lock_editable(assessment, EVIDENCE_FROZEN)
    if problems:
        raise OperationError(problems)
    item = Evidence(assessment_id=assessment.id, question_id=qid, kind=kind, citation=citation.strip(),
                    url=url or None, created_by_id=getattr(actor, "id", None))
    if upload is not None:
        name, data = upload
        item.file_name, item.size, item.content_type = name[:255], len(data), content_type
        item.stored_name = files.store(data)
    db.session.add(item)
    db.session.flush()
    audit.record(actor, "evidence.add", "evidence", item.id, country=assessment.country_code,
                 new={"assessment": assessment.id, "question": qid, "kind": kind, "citation": item.citation,
                      "url": item.url, "file": item.file_name})
    return item


def remove_evidence(actor, assessment: Assessment, item: Evidence) -> None:
    """Detach evidence (the stored file is kept: the audit log may refer to it)."""
    assessment = lock_editable(assessment, EVIDENCE_FROZEN)
    audit.record(actor, "evidence.remove", "evidence", item.id, country=assessment.country_code,
                 old={"assessment": assessment.id, "question": item.question_id, "citation": item.citation,
                      "file": item.file_name})
    db.session.delete(item)
    db.session.flush()
