"""JSON form of a ScoreSet (DESIGN §4): the documented keys first, extra keys after them.

Scores are numbers rounded half-up to 2 decimals (``50.0``, ``79.99``) or null;
completeness, confidence and the gap ordering value to 4 decimals. Dicts are built in a
fixed key order and never sorted, so the same ScoreSet always gives the same bytes.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

from scoring import ENGINE_VERSION
from scoring.engine.aggregate import report
from scoring.engine.results import (
    AreaResult,
    DomainResult,
    Gap,
    OverallResult,
    QuestionResult,
    RecommendationHit,
    ScoreSet,
)


def result_dict(scoreset: ScoreSet) -> dict:
    """The ScoreSet as plain JSON-ready data (dicts, lists, str, float, bool, None)."""
    return {
        "questionnaire": scoreset.questionnaire,
        "version": scoreset.version,
        "overall": overall_dict(scoreset.overall),
        "domains": [domain_dict(domain) for domain in scoreset.domains],
        "gaps": [gap_dict(gap) for gap in scoreset.gaps],
        "recommendations": [recommendation_dict(hit) for hit in scoreset.recommendations],
        "engine_version": ENGINE_VERSION,
    }


def result_json(scoreset: ScoreSet, indent: int | None = None) -> str:
    """The ScoreSet as JSON text, byte-for-byte deterministic (compact unless ``indent``)."""
    return json.dumps(result_dict(scoreset), ensure_ascii=False, indent=indent)


def number(value: Decimal | None) -> float | int | None:
    """A reported Decimal as a JSON number (its shortest float spelling), None as null."""
    return None if value is None else float(value)


def share(value: Fraction | None) -> float | None:
    """A ratio rounded half-up to 4 decimals, as a JSON number."""
    return number(report(value, 4))


def overall_dict(overall: OverallResult) -> dict:
    """The ``overall`` object."""
    return {
        "score": number(overall.score),
        "band": overall.band,
        "completeness": share(overall.tally.completeness),
        "self_score": number(overall.self_score),
        "self_band": overall.self_band,
        "confidence": share(overall.tally.confidence),
        "method": overall.method,
    }


def domain_dict(domain: DomainResult) -> dict:
    """One entry of ``domains``."""
    return {
        "id": domain.id,
        "score": number(domain.score),
        "band": domain.band,
        "completeness": share(domain.tally.completeness),
        "confidence": share(domain.tally.confidence),
        "areas": [area_dict(area) for area in domain.areas],
        "self_score": number(domain.self_score),
        "self_band": domain.self_band,
        "target_band": domain.target_band,
        "below_target": domain.below_target,
        "method": domain.method,
        "weight": number(domain.weight),
    }


def area_dict(area: AreaResult) -> dict:
    """One entry of a domain's ``areas``."""
    return {
        "id": area.id,
        "score": number(area.score),
        "band": area.band,
        "questions": [question_dict(question) for question in area.questions],
        "self_score": number(area.self_score),
        "self_band": area.self_band,
        "completeness": share(area.tally.completeness),
        "confidence": share(area.tally.confidence),
        "method": area.method,
        "weight": number(area.weight),
    }


def question_dict(question: QuestionResult) -> dict:
    """One entry of an area's ``questions``."""
    return {
        "id": question.id,
        "score": number(question.score),
        "status": question.status,
        "self_score": number(question.self_score),
        "self_status": question.self_status,
        "band": question.band,
        "self_band": question.self_band,
        "weight": number(question.weight),
        "scored": question.scored,
        "flags": list(question.flags),
    }


def gap_dict(gap: Gap) -> dict:
    """One entry of ``gaps``."""
    return {
        "question": gap.question,
        "domain": gap.domain,
        "score": number(gap.score),
        "gap": number(gap.gap),
        "area": gap.area,
        "status": gap.status,
        "priority_value": number(report(gap.priority_value, 4)),
    }


def recommendation_dict(hit: RecommendationHit) -> dict:
    """One entry of ``recommendations`` (codes only: the text is looked up by ``id``)."""
    return {
        "id": hit.id,
        "question": hit.question,
        "domain": hit.domain,
        "priority": hit.priority,
        "area": hit.area,
        "gap": number(hit.gap),
    }
