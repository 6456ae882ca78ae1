"""Reads on questionnaire versions, and the difference between two versions."""

from __future__ import annotations

from dataclasses import dataclass, field

from mgf_assess.extensions import db
from mgf_assess.questionnaires.models import QuestionnaireVersion
from scoring.api import Definition


def families() -> dict[str, list[QuestionnaireVersion]]:
    """Family id → its versions, oldest first."""
    grouped: dict[str, list[QuestionnaireVersion]] = {}
    for version in db.session.scalars(db.select(QuestionnaireVersion).order_by(QuestionnaireVersion.family)):
        grouped.setdefault(version.family, []).append(version)
    return {family: sorted(versions, key=QuestionnaireVersion.sort_key) for family, versions in grouped.items()}


def version_or_none(family: str, version: str) -> QuestionnaireVersion | None:
    return db.session.scalar(db.select(QuestionnaireVersion).filter_by(family=family, version=version))


def published_versions() -> list[QuestionnaireVersion]:
    """Versions that new assessments may use."""
    query = db.select(QuestionnaireVersion).filter_by(status="published")
    return sorted(db.session.scalars(query), key=lambda v: (v.family, v.sort_key()))


@dataclass
class VersionDiff:
    """Questions added, removed and changed (with the keys that changed) between two versions."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)
    unchanged: int = 0


def _placed_questions(definition: Definition) -> dict[str, dict]:
    placed = {}
    for domain, area, question in definition.iter_questions():
        data = question.model_dump(mode="json", exclude_none=True)
        placed[question.id] = {**data, "domain": domain.id, "area": area.id}
    return placed


def diff(old: Definition, new: Definition) -> VersionDiff:
    """Compare two definitions question by question (ids are stable across versions)."""
    before, after = _placed_questions(old), _placed_questions(new)
    result = VersionDiff(added=[q for q in after if q not in before],
                         removed=[q for q in before if q not in after])
    for qid in (q for q in after if q in before):
        keys = sorted(k for k in set(before[qid]) | set(after[qid]) if before[qid].get(k) != after[qid].get(k))
        if keys:
            result.changed[qid] = keys
        else:
            result.unchanged += 1
    return result
