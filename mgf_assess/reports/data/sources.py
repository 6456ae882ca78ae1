"""Where a gap report's figures come from: the latest snapshot (or the current answers), the
latest reviewed snapshot, and the previous cycle's domain scores with their comparability."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from flask import current_app

from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.scoring_bridge import answers_document, definition_for
from mgf_assess.results import queries as results
from mgf_assess.results.models import REVIEW_KINDS, ScoreSnapshot
from scoring.api import (
    Definition,
    DefinitionError,
    Domain,
    ScoreSet,
    VersionMapping,
    load_mapping,
    parse_answers,
    score,
)


@dataclass(frozen=True)
class Source:
    """The inputs of one report: definition, scores, and the snapshots they come from."""

    definition: Definition
    scoreset: ScoreSet
    snapshot: ScoreSnapshot | None
    reviewed: ScoreSnapshot | None
    definition_hash: str


def load_source(assessment: Assessment) -> Source:
    """Score the latest snapshot's answers, or the current answers when there is no snapshot.

    The snapshot's answers document is scored again (rather than its stored result read)
    because the report needs the answers themselves; scoring is deterministic, so the figures
    equal the stored ones for the same engine version.
    """
    definition = definition_for(assessment)
    latest = results.latest_snapshot(assessment)
    document = latest.answers if latest is not None else answers_document(assessment)
    scoreset = score(definition, parse_answers(definition, document))
    reviewed = results.latest_snapshot(assessment, REVIEW_KINDS)
    digest = latest.definition_hash if latest is not None else assessment.questionnaire.content_hash
    return Source(definition, scoreset, latest, reviewed, digest)


def result_domain_scores(result: dict) -> dict[str, Decimal | None]:
    """Domain id → validated score of a stored result dict (DESIGN §4 JSON)."""
    return {d["id"]: None if d["score"] is None else Decimal(str(d["score"]))
            for d in result.get("domains", [])}


def domain_comparability(old: Definition, new: Definition) -> dict[str, str] | None:
    """Domain id of ``new`` → direct | indirect | none; None when no mapping says.

    Same version: every domain is ``direct``. Otherwise the version mapping decides per
    question; a domain is ``direct`` when all its questions are, ``none`` when none of them is
    comparable (or the domain did not exist), ``indirect`` (comparable with caution) otherwise.
    """
    if old.version == new.version:
        return {domain.id: "direct" for domain in new.domains}
    mapping = _mapping(old, new)
    if mapping is None:
        return None
    old_domains = {domain.id for domain in old.domains}
    return {d.id: _domain_class(d, mapping) if d.id in old_domains else "none" for d in new.domains}


def _domain_class(domain: Domain, mapping: VersionMapping) -> str:
    classes = {_question_class(mapping, q.id) for area in domain.areas for q in area.questions}
    if classes == {"direct"}:
        return "direct"
    return "none" if classes <= {"none"} else "indirect"


def _question_class(mapping: VersionMapping, qid: str) -> str:
    entry = mapping.questions.get(qid)
    return entry.comparability if entry is not None else "none"


def _mapping(old: Definition, new: Definition) -> VersionMapping | None:
    folder = Path(current_app.config["QUESTIONNAIRES_FOLDER"]) / new.id / "mappings"
    path = folder / f"{old.version}-to-{new.version}.yaml"
    if not path.is_file():
        return None
    try:
        return load_mapping(path, old, new)
    except DefinitionError:  # an invalid mapping proves nothing: show no comparison
        return None
