"""JSON Schemas of the API's responses and errors (the ``components.schemas`` of the document),
and the schemas of pydantic models, with the models they refer to, as components."""

from __future__ import annotations

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from mgf_assess.assessments.models import ANSWER_STATUSES, EVIDENCE_KINDS, STATES

REF_TEMPLATE = "#/components/schemas/{model}"


def ref(name: str) -> dict:
    """A reference to the component schema ``name``."""
    return {"$ref": REF_TEMPLATE.format(model=name)}


class _SchemaGenerator(GenerateJsonSchema):
    """pydantic's JSON Schemas, except that a choice of one value stays an ``enum`` list
    (pydantic writes ``const``): a client sees the same shape when more choices come."""

    def literal_schema(self, schema):
        generated = super().literal_schema(schema)
        if "const" in generated:
            generated["enum"] = [generated.pop("const")]
        return generated


def model_schemas(models: list[type[BaseModel]], mode: str = "serialization") -> dict:
    """``components.schemas`` entries: each model's JSON Schema under its name, and the models
    it refers to (pydantic's ``$defs``) hoisted beside it. ``mode``: "validation" for request
    bodies, "serialization" for responses."""
    schemas: dict = {}
    for model in models:
        schema = model.model_json_schema(ref_template=REF_TEMPLATE, schema_generator=_SchemaGenerator, mode=mode)
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    return schemas


def _object(properties: dict, required: list[str] | None = None, **extra) -> dict:
    """An object schema; every listed property is required unless ``required`` says otherwise."""
    return {"type": "object", "required": list(properties) if required is None else required,
            "properties": properties, **extra}


def _nullable(kind: str, **extra) -> dict:
    return {"type": [kind, "null"], **extra}


TEXT, INTEGER, NUMBER = {"type": "string"}, {"type": "integer"}, {"type": "number"}
TIMESTAMP = {"type": "string", "format": "date-time"}
SCORE = _nullable("number", minimum=0, maximum=100)
SHARE = _nullable("number", minimum=0, maximum=1)
CODE = _nullable("string")


def error_schemas() -> dict:
    detail = _object({
        "status": INTEGER, "title": TEXT,
        "problems": {"type": "array", "items": ref("Problem"),
                     "description": "every problem of the input (422); nothing was stored"},
        "missing": {"type": "array", "items": ref("MissingItem"),
                    "description": "required questions without an answer (422 on submit)"},
    }, required=["status", "title"])
    return {
        "Error": _object({"error": detail}),
        "AnswerConflict": _object({"error": detail, "current": ref("Answer")},
                                  description="The save was based on an old revision; `current` is the answer now."),
        "Problem": _object({"location": TEXT, "code": TEXT, "message": TEXT}),
        "MissingItem": _object({"question": TEXT, "domain": TEXT, "area": TEXT}),
    }


def assessment_schemas() -> dict:
    summary = {
        "id": INTEGER, "state": {"type": "string", "enum": list(STATES)},
        "questionnaire": _object({"id": TEXT, "version": TEXT}), "country": TEXT, "cycle": INTEGER,
        "created_at": TIMESTAMP, "updated_at": TIMESTAMP, "submitted_at": _nullable("string", format="date-time"),
    }
    answers = {"type": "object", "additionalProperties": ref("Answer"),
               "description": "answers and evidence by question id (only questions that have either)"}
    return {
        "AssessmentSummary": _object(summary),
        "Assessment": _object({**summary, "answers": answers}),
        "AssessmentList": _object({"assessments": {"type": "array", "items": ref("AssessmentSummary")}}),
        "Answer": _object({
            "question": TEXT, "value": {"description": "the stored value; null unless answered"},
            "status": {"type": ["string", "null"], "enum": [*ANSWER_STATUSES, None]},
            "justification": _nullable("string"), "revision": {"type": "integer", "minimum": 0},
            "updated_by": {"anyOf": [_object({"id": INTEGER, "name": TEXT}), {"type": "null"}]},
            "updated_at": _nullable("string", format="date-time"), "carried_over": {"type": "boolean"},
            "evidence": {"type": "array", "items": ref("Evidence")}}),
        "Evidence": _object({"id": INTEGER, "kind": {"type": "string", "enum": list(EVIDENCE_KINDS)},
                             "citation": TEXT, "url": _nullable("string"), "file_name": _nullable("string")}),
        "TransitionResult": _object({"id": INTEGER, "action": TEXT, "previous_state": TEXT,
                                     "state": {"type": "string", "enum": list(STATES)},
                                     "snapshot": _nullable("integer")}),
    }


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
    return {"ScoreResult": _object({
        "questionnaire": TEXT, "version": TEXT, "engine_version": TEXT, "overall": _object(node),
        "domains": {"type": "array", "items": domain}, "gaps": {"type": "array", "items": gap},
        "recommendations": {"type": "array", "items": recommendation}})}


def me_schema() -> dict:
    return {"Me": _object({
        "id": INTEGER, "email": TEXT, "name": TEXT,
        "role": {"type": "string", "enum": ["admin", "focal_point", "contributor", "evaluator", "analyst"]},
        "country": _nullable("string"), "language": _nullable("string"),
        "countries": {"type": "array", "items": TEXT}}, required=["id", "email", "role"])}


def all_schemas() -> dict:
    return {**error_schemas(), **assessment_schemas(), **score_schemas(), **me_schema()}
