"""Responses about assessments: errors, answers, evidence, assessments, transitions, the caller."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from mgf_assess.api.schemas.generation import _optional
from mgf_assess.assessments.models import ANSWER_STATUSES, EVIDENCE_KINDS
from mgf_assess.assessments.workflow import STATES
from mgf_assess.auth.models import ROLES


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



class Me(BaseModel):
    """The account behind the token."""

    id: int
    email: str
    name: str = _optional()
    role: Literal[ROLES]
    country: str | None = _optional()
    language: str | None = _optional()
    countries: list[str] = _optional()


