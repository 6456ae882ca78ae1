"""The API's responses as pydantic models, and the ``components.schemas`` of its document.

The models describe what ``api.representations`` and the error handlers build (responses stay
plain dicts); their JSON Schemas are generated, with enums taken from the code's constants.
Request bodies are models too (``api.bodies``), placed beside these by ``model_schemas``.
The scoring result document stays a hand-written schema (``score_schemas``): it is the scoring
library's output, passed through unchanged, not a document the API builds.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field
from pydantic.json_schema import GenerateJsonSchema

from mgf_assess.assessments.models import ANSWER_STATUSES, EVIDENCE_KINDS
from mgf_assess.assessments.workflow import STATES
from mgf_assess.auth.models import ROLES

REF_TEMPLATE = "#/components/schemas/{model}"


def ref(name: str) -> dict:
    """A reference to the component schema ``name``."""
    return {"$ref": REF_TEMPLATE.format(model=name)}


class _SchemaGenerator(GenerateJsonSchema):
    """pydantic's JSON Schemas, except that a choice of one value stays an ``enum`` list
    (pydantic writes ``const``): a client sees the same shape when more choices come; and
    properties get no title ("Base Revision" says nothing that ``base_revision`` does not)."""

    def field_title_should_be_set(self, schema) -> bool:
        return False

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


def _optional(**details) -> Any:
    """A property a response may leave out: not ``required``. These models describe responses
    and are never filled in, so the factory never runs; unlike a default, it adds nothing to
    the schema."""
    return Field(default_factory=lambda: None, **details)


class Problem(BaseModel):
    """One problem of the input: where, a stable code, and what to send instead."""

    location: str
    code: str
    message: str


class QuestionItem(BaseModel):
    """A question of the assessment, where it stands in the questionnaire."""

    question: str
    domain: str
    area: str


class OpenQuery(BaseModel):
    """A query of the evaluator that waits for the country (its first message)."""

    id: int
    question: str
    text: str


class ErrorDetail(BaseModel):
    """What went wrong: the HTTP status and a sentence, with every problem of invalid input."""

    status: int
    title: str
    problems: list[Problem] = _optional(description="every problem of the input (422); nothing was stored")
    missing: list[QuestionItem] = _optional(description="required questions without an answer (422 on submit)")
    unconfirmed: list[QuestionItem] = _optional(
        description="answers carried over from the previous cycle and not confirmed yet (422 on submit)")
    evidence_missing: list[QuestionItem] = _optional(
        description="answers without the evidence their question requires (422 on submit)")
    open_queries: list[OpenQuery] = _optional(description="queries still open (422 on accept)")


class Error(BaseModel):
    """An error; its title says what went wrong and what to do."""

    error: ErrorDetail


class UserRef(BaseModel):
    """Who made the last change."""

    id: int
    name: str


class Evidence(BaseModel):
    """Evidence attached to an answer: a law, a policy, a data source, a link or a file."""

    id: int
    kind: Literal[EVIDENCE_KINDS]
    citation: str
    url: str | None
    file_name: str | None = Field(description="the uploaded file's name; null when there is no file")
    content_type: str | None = Field(description="the file's type, judged by its content")
    size: int | None = Field(ge=0, description="the file's size in bytes")
    review_status: Literal["accepted", "rejected"] | None = Field(
        description="the evaluator's verdict; null while not reviewed")
    review_note: str | None = Field(description="the evaluator's note (why it was rejected)")


class EvidenceItem(Evidence):
    """One piece of evidence and the question whose answer it backs; its file, if any, is
    at ``/assessments/{assessment_id}/evidence/{evidence_id}/file``."""

    question: str


class Answer(BaseModel):
    """One question's answer, its revision (0: never answered) and its evidence."""

    question: str
    value: Any = Field(description="the stored value; null unless answered")
    status: Literal[ANSWER_STATUSES] | None
    justification: str | None
    revision: int = Field(ge=0)
    updated_by: UserRef | None
    updated_at: datetime | None
    carried_over: bool
    evidence: list[Evidence]


class AnswerConflict(BaseModel):
    """The save was based on an old revision; `current` is the answer now."""

    error: ErrorDetail
    current: Answer


class QuestionnaireRef(BaseModel):
    """The questionnaire family and version of an assessment."""

    id: str
    version: str


class AssessmentSummary(BaseModel):
    """An assessment without its answers, as lists show it."""

    id: int
    state: Literal[STATES]
    questionnaire: QuestionnaireRef
    country: str
    cycle: int
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None


class Assessment(AssessmentSummary):
    """An assessment with its answers and evidence."""

    answers: dict[str, Answer] = Field(
        description="answers and evidence by question id (only questions that have either)")


class AssessmentList(BaseModel):
    """The assessments the caller may see, newest cycle first."""

    assessments: list[AssessmentSummary]


class TransitionResult(BaseModel):
    """The state before and after a transition, and the score snapshot it took, if any."""

    id: int
    action: str
    previous_state: str
    state: Literal[STATES]
    snapshot: int | None


class Override(BaseModel):
    """An evaluator's validated score of a question, beside the self-assessed one."""

    question: str
    score: float = Field(ge=0, le=100, description="the validated score")
    self_score: float | None = Field(description="the score the country's answer gives (null: none)")
    justification: str
    updated_by: UserRef | None
    updated_at: datetime


class OverrideList(BaseModel):
    """The assessment's score overrides, by question id order."""

    overrides: list[Override]


class ReviewProgress(BaseModel):
    """How far the review has come."""

    state: Literal[STATES]
    questions: int = Field(ge=0, description="questions of the questionnaire")
    looked_at: int = Field(ge=0, description="questions an evaluator marked as looked at")
    open_queries: int = Field(ge=0)
    overrides: int = Field(ge=0)
    evidence_total: int = Field(ge=0)
    evidence_reviewed: int = Field(ge=0, description="accepted or rejected")
    evidence_rejected: int = Field(ge=0)


class Change(BaseModel):
    """One change: an answer (value before and after), evidence added or removed, a reply to a query."""

    kind: Literal["answer", "evidence_added", "evidence_removed", "reply"]
    question: str | None
    by: UserRef | None = Field(description="who made it (null: the command line)")
    at: datetime
    old: dict | None = Field(description="answers: value, status and justification before the first change")
    new: dict | None = Field(description="answers: value, status and justification after the last change")
    evidence: int | None = _optional(description="evidence: its id")
    citation: str | None = _optional(description="evidence: its citation")
    reply_to: int | None = _optional(description="replies: the thread's first message")
    comment: int | None = _optional(description="replies: the reply's id")


class Changes(BaseModel):
    """What changed since the assessment was returned (or since a moment)."""

    since: datetime
    returned_by: UserRef | None = Field(description="who returned it (null when asked since a moment)")
    return_comment: str | None
    changes: list[Change]


class Me(BaseModel):
    """The account behind the token."""

    id: int
    email: str
    name: str = _optional()
    role: Literal[ROLES]
    country: str | None = _optional()
    language: str | None = _optional()
    countries: list[str] = _optional()


class RowAnswer(BaseModel):
    """An answer as a workbook row gives it."""

    status: Literal[ANSWER_STATUSES]
    value: Any = Field(description="the value; null unless answered")
    justification: str | None


class StoredAnswer(RowAnswer):
    """The stored answer a row is compared with: its revision, who saved it and when."""

    revision: int = Field(ge=1)
    updated_by: UserRef | None
    updated_at: datetime | None


class WorkbookRow(BaseModel):
    """A row of the workbook that changes an answer, or would."""

    question: str
    label: str
    section: str = Field(description="the section's number and title, e.g. 1.2 Access to services")
    row: int = Field(ge=1, description="the row of the sheet Answers")
    current: StoredAnswer | None = Field(description="the stored answer (null: none)")
    new: RowAnswer | None = Field(description="the row's answer (null: the answer is removed)")
    base_revision: int = Field(ge=0, description="the revision the row was downloaded at")
    message: str | None = Field(description="why the row is refused or skipped")


class CellProblem(BaseModel):
    """An invalid cell: where it is and what to correct."""

    location: str = Field(description="sheet!cell, e.g. Answers!G14")
    sheet: str
    row: int
    column: str
    question: str | None
    code: str
    message: str


class WorkbookSummary(BaseModel):
    """How many rows fall in each group."""

    changes: int
    conflicts: int
    invalid: int
    refused: int
    kept: int
    skipped: int
    unchanged: int


class SavedAnswer(BaseModel):
    """An answer written by the import, with its new revision."""

    question: str
    revision: int


class WorkbookImport(BaseModel):
    """The preview of an answers workbook and, when applied, what was saved."""

    applied: bool = Field(description="true when the changes were saved (apply=true)")
    ready: bool = Field(description="no invalid cell and no refused row: it can be applied")
    file_sha256: str
    rows: int = Field(description="answer rows read from the sheet Answers")
    downloaded_at: str | None
    summary: WorkbookSummary
    changes: list[WorkbookRow] = Field(description="answers to change (saved when applied)")
    conflicts: list[WorkbookRow] = Field(description="answers changed on the server since the download and in "
                                                     "the workbook: kept unless named in overwrite")
    invalid: list[CellProblem]
    refused: list[WorkbookRow] = Field(description="rows outside the sections the caller may change")
    kept: list[WorkbookRow] = Field(description="changed on the server since the download, unchanged in the "
                                                "workbook: the stored answer stays")
    skipped: list[WorkbookRow] = Field(description="questions that do not apply given the answers")
    saved: list[SavedAnswer]


class Comment(BaseModel):
    """One message of a thread on a question. A thread's first message has ``reply_to`` null
    and carries the kind, the status (queries: open or resolved) and the internal flag; its
    replies point at it."""

    id: int
    question: str
    kind: Literal["query", "comment"]
    status: Literal["open", "resolved"] | None = Field(description="a query's first message: open or resolved")
    internal: bool = Field(description="seen by evaluators and admins only")
    reply_to: int | None
    text: str
    author: UserRef | None
    created_at: datetime
    resolved_by: UserRef | None
    resolved_at: datetime | None


class CommentList(BaseModel):
    """The messages the caller may read, thread by thread, oldest first."""

    comments: list[Comment]


class NotificationItem(BaseModel):
    """An event told to the caller, worded in the request's language."""

    id: int
    kind: str = Field(description="e.g. assessment.return, comment.query, comment.reply")
    text: str
    assessment: int | None
    question: str | None
    link: str | None = Field(description="the page it leads to")
    created_at: datetime
    read_at: datetime | None


class NotificationList(BaseModel):
    """The caller's notifications, newest first (at most 200)."""

    notifications: list[NotificationItem]
    unread: int = Field(ge=0, description="how many of all the caller's notifications are unread")


RESPONSES = [Error, AnswerConflict, Problem, QuestionItem, AssessmentSummary, Assessment, AssessmentList,
             Answer, Evidence, EvidenceItem, TransitionResult, Me, WorkbookImport, OverrideList, ReviewProgress,
             Changes, Comment, CommentList, NotificationItem, NotificationList]


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


def all_schemas() -> dict:
    """The document's component schemas of responses and errors."""
    return {**model_schemas(RESPONSES), **score_schemas(), **comparison_schemas()}
