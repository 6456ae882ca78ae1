"""Hand-written schemas of documents the API passes through: the scoring result and the
comparison."""

from __future__ import annotations

# ---- the scoring result document, hand-written ----------------------------------------------

def _object(properties: dict) -> dict:
    """An object schema whose every listed property is required."""
    return {"type": "object", "required": list(properties), "properties": properties}


def _nullable(kind: str, **extra) -> dict:
    return {"type": [kind, "null"], **extra}


TEXT, NUMBER = {"type": "string"}, {"type": "number"}
SCORE = _nullable("number", minimum=0, maximum=100)
SHARE = _nullable("number", minimum=0, maximum=1)
CODE = _nullable("string")


def score_schemas() -> dict:
    """The scoring library's result document (`python -m scoring score` prints the same)."""
    node = {"score": SCORE, "band": CODE, "self_score": SCORE, "self_band": CODE,
            "completeness": SHARE, "confidence": SHARE, "method": TEXT}
    question = _object({"id": TEXT, "score": SCORE, "status": TEXT, "self_score": SCORE, "self_status": TEXT,
                        "band": CODE, "self_band": CODE, "weight": NUMBER, "scored": {"type": "boolean"},
                        "flags": {"type": "array", "items": TEXT}})
    area = _object({"id": TEXT, **node, "weight": NUMBER, "questions": {"type": "array", "items": question}})
    domain = _object({"id": TEXT, **node, "weight": NUMBER, "target_band": CODE,
                      "below_target": _nullable("boolean"), "areas": {"type": "array", "items": area}})
    gap = _object({"question": TEXT, "domain": TEXT, "area": TEXT, "score": SCORE, "gap": NUMBER,
                   "status": TEXT, "priority_value": NUMBER})
    recommendation = _object({"id": TEXT, "question": TEXT, "domain": TEXT, "area": TEXT,
                              "priority": TEXT, "gap": NUMBER})
    result = _object({
        "questionnaire": TEXT, "version": TEXT, "engine_version": TEXT, "overall": _object(node),
        "domains": {"type": "array", "items": domain}, "gaps": {"type": "array", "items": gap},
        "recommendations": {"type": "array", "items": recommendation}})
    override = _object({"score": SCORE, "justification": TEXT})
    result["properties"]["overrides"] = {  # the API adds it; the library's document has none
        "type": "object", "additionalProperties": override,
        "description": "the evaluator's overrides by question id: score is the validated figure at every "
                       "level, self_score the self-assessed one"}
    return {"ScoreResult": result}


def comparison_schemas() -> dict:
    """The comparison document (``comparisons.tables.document``)."""
    suppressed = _object({"suppressed": {"type": "boolean", "enum": [True]}})
    counts = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}
    entry = {"anyOf": [suppressed, _object({"n": {"type": "integer", "minimum": 0}, "bands": counts,
                                            "share_meeting": SHARE, "median": SCORE, "q1": SCORE, "q3": SCORE})]}
    by_node = {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/ComparisonAggregate"}}
    figures = _object({"score": SCORE, "band": CODE, "completeness": SHARE, "confidence": SHARE})
    return {"ComparisonAggregate": entry, "Comparison": _comparison(_country_schema(figures), by_node, suppressed)}


def _country_schema(figures: dict) -> dict:
    schema = _object({"country": TEXT, "region": TEXT, "subregion": TEXT, "version": TEXT,
                      "snapshot": {"type": "integer"}, "published": {"type": "boolean"},
                      "overall": {"anyOf": [_object({"score": SCORE, "band": CODE}), {"type": "null"}]},
                      "domains": {"type": "object", "additionalProperties": figures}})
    schema["properties"]["role"] = TEXT  # only for the countries of a corridor compared
    return schema


def _comparison(country: dict, by_node: dict, suppressed: dict) -> dict:
    change = _object({"country": TEXT, "domain": TEXT, "baseline": SCORE, "current": SCORE,
                      "delta": _nullable("number", minimum=-100, maximum=100),
                      "comparability": {"type": "string", "enum": ["direct", "indirect", "none"]},
                      "coverage": _object({"questions": {"type": "integer"}, "total": {"type": "integer"}}),
                      "movement": {"type": ["string", "null"], "enum": ["improved", "same", "declined", None]},
                      "baseline_band": CODE, "current_band": CODE})
    summary = {"anyOf": [suppressed, _object({"n": {"type": "integer"}, "improved": {"type": "integer"},
                                              "same": {"type": "integer"}, "declined": {"type": "integer"}})]}
    nullable_object = {"type": ["object", "null"]}
    return _object({
        "questionnaire": TEXT, "cycle": {"type": ["integer", "null"]}, "baseline": {"type": ["integer", "null"]},
        "source": {"type": "string", "enum": ["validated", "latest"]}, "preliminary": {"type": "boolean"},
        "countries": {"type": "array", "items": country},
        "distribution": _object({"global": by_node,
                                 "regions": {"type": "object", "additionalProperties": by_node},
                                 "region_levels": {"type": "object"}}),
        "change": {"type": "array", "items": change},
        "change_summary": {"type": "object", "additionalProperties": summary},
        "ranking": nullable_object, "peers": nullable_object, "corridor": nullable_object,
        "counted": _object({"states": {"type": "integer"}, "not_shown": {"type": "integer"}}),
        "snapshots": {"type": "array", "items": {"type": "object"}}})

