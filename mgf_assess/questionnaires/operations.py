"""Registering questionnaire files and moving versions through their lifecycle.

Published content is immutable: a published or retired version whose file changes is refused
(its hash no longer matches); drafts may change and are refreshed on every load.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from flask_babel import lazy_gettext as _l

from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.questionnaires.definitions import language_completeness
from mgf_assess.questionnaires.models import STATUS_LABELS, TRANSITIONS, QuestionnaireVersion
from scoring.api import (
    DefinitionError,
    check_definition_file,
    definition_from_text,
    definition_yaml,
    is_mapping_path,
)


@dataclass
class LoadResult:
    """What one load did, file by file (paths relative to the questionnaires folder)."""

    registered: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, why)

    @property
    def ok(self) -> bool:
        return not self.refused


def questionnaire_files(folder: Path) -> list[Path]:
    """Every definition file below the folder: ``<family>/<version>.yaml``, not mappings or schemas."""
    files = sorted(p for p in folder.glob("*/*.y*ml") if p.suffix in (".yaml", ".yml"))
    return [path for path in files if not is_mapping_path(path) and path.parent.name != "schema"]


def load_folder(folder: str | Path, actor=None) -> LoadResult:
    """Register or refresh every questionnaire file in ``folder``; refuse invalid or changed ones."""
    folder, result = Path(folder), LoadResult()
    for path in questionnaire_files(folder):
        _load_file(path, path.relative_to(folder).as_posix(), actor, result)
    db.session.flush()
    return result


def _load_file(path: Path, relative: str, actor, result: LoadResult) -> None:
    report = check_definition_file(path)
    if not report.ok:
        why = "; ".join(f"{issue.location or '-'}: {issue.code} {issue.message}" for issue in report.errors[:5])
        result.refused.append((relative, f"invalid ({len(report.errors)} errors): {why}"))
        return
    data = path.read_bytes()
    definition, digest = report.definition, hashlib.sha256(data).hexdigest()
    existing = db.session.scalar(db.select(QuestionnaireVersion).filter_by(
        family=definition.id, version=definition.version))
    if existing is None:
        _register(definition, relative, digest, data.decode("utf-8"), actor)
        result.registered.append(relative)
    elif existing.content_hash == digest:
        result.unchanged.append(relative)
    elif existing.status != "draft":
        result.refused.append((relative, _changed_message(existing, digest)))
    else:
        _refresh(existing, definition, digest, data.decode("utf-8"), actor)
        result.updated.append(relative)


def _changed_message(version: QuestionnaireVersion, digest: str) -> str:
    return (f"{version.label} is {version.status} and its file changed since it was registered "
            f"(hash {digest[:12]} instead of {version.content_hash[:12]}). Published content is "
            f"immutable: restore the file, and publish the changes as a new version beside it.")


def _facts(definition) -> dict:
    return {"title": dict(definition.title), "languages": list(definition.languages),
            "domain_count": len(definition.domains),
            "question_count": sum(question.answerable for question in definition.question_map.values()),
            "language_completeness": language_completeness(definition)}


def _register(definition, relative: str, digest: str, text: str, actor) -> QuestionnaireVersion:
    version = QuestionnaireVersion(family=definition.id, version=definition.version, path=relative,
                                   status=definition.status, content_hash=digest, source=text,
                                   **_facts(definition))
    if definition.status in ("published", "retired"):
        version.published_at = utcnow()
    db.session.add(version)
    db.session.flush()
    audit.record(actor, "questionnaire.register", "questionnaire_version", version.id,
                 new={"label": version.label, "status": version.status, "hash": digest})
    return version


def _refresh(version: QuestionnaireVersion, definition, digest: str, text: str, actor) -> None:
    old = version.content_hash
    version.content_hash, version.source = digest, text
    for key, value in _facts(definition).items():
        setattr(version, key, value)
    version.updated_at = utcnow()
    audit.record(actor, "questionnaire.update_draft", "questionnaire_version", version.id,
                 old={"hash": old}, new={"hash": digest})


def set_status(actor, version: QuestionnaireVersion, status: str, reason: str | None = None) -> None:
    """Publish a draft or retire a published version; anything else is refused."""
    if status not in TRANSITIONS.get(version.status, ()):
        raise OperationError(_l("%(label)s is %(old)s and cannot become %(new)s: versions go from "
                                "draft to published to retired.", label=version.label,
                                old=STATUS_LABELS.get(version.status, version.status),
                                new=STATUS_LABELS.get(status, status)))
    if status == "published":
        _check_publishable(version)
        version.published_at = utcnow()
    else:
        version.retired_at = utcnow()
    old, version.status = version.status, status
    db.session.flush()
    audit.record(actor, f"questionnaire.{status}", "questionnaire_version", version.id,
                 old={"status": old}, new={"status": status}, reason=reason)


def _check_publishable(version: QuestionnaireVersion) -> None:
    incomplete = [lang for lang, share in (version.language_completeness or {}).items() if share < 1]
    if incomplete:
        raise OperationError(_l("%(label)s cannot be published: texts are missing in %(languages)s. "
                                "Complete the translations first.", label=version.label,
                                languages=", ".join(incomplete)))
    definition_from_text(version.source, version.path)  # still a valid definition


def save_imported_draft(actor, text: str, family: str, version: str, file_name: str | None) -> QuestionnaireVersion:
    """Register a questionnaire imported from an XLSForm as the draft ``family`` ``version``.

    The text is checked again (it came back from the browser), its id and version set and its
    status forced to draft. A draft of the same version is replaced; a published or retired one
    is refused. Audited with the workbook's name; flushes, never commits.
    """
    definition, text = _as_draft(text, family, version)
    existing = db.session.scalar(db.select(QuestionnaireVersion).filter_by(family=family, version=version))
    if existing is not None and existing.status != "draft":
        raise OperationError(_l("%(label)s is %(status)s and cannot be replaced: choose another version.",
                                label=existing.label, status=STATUS_LABELS[existing.status]))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if existing is None:
        existing = _register(definition, f"{family}/{version}.yaml", digest, text, actor)
    else:
        _refresh(existing, definition, digest, text, actor)
    audit.record(actor, "questionnaire.import_xlsform", "questionnaire_version", existing.id,
                 new={"label": existing.label, "file": file_name, "hash": digest})
    return existing


def _as_draft(text: str, family: str, version: str):
    """The definition and YAML text of ``text`` as the draft ``family`` ``version``."""
    try:
        definition = definition_from_text(text, f"{family}/{version}.yaml")
        text = definition_yaml(definition.model_copy(update={"id": family, "version": version, "status": "draft"}))
        return definition_from_text(text, f"{family}/{version}.yaml"), text
    except DefinitionError as error:
        raise OperationError(_l("The questionnaire is not valid: %(problems)s",
                                problems="; ".join(f"{issue.location or '-'}: {issue.message}"
                                                   for issue in error.errors[:5]))) from None
