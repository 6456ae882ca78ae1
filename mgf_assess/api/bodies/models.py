"""The JSON objects the API accepts, as strict pydantic models."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from mgf_assess.api.bodies.problems import Expected, unusable
from mgf_assess.assessments.evidence import MAX_CITATION, MAX_URL
from mgf_assess.assessments.models import ANSWER_STATUSES, EVIDENCE_KINDS
from mgf_assess.assessments.workflow import TRANSITIONS
from mgf_assess.core.limits import TEXT_MAX

MAX_REVISION = 2**31 - 1  # the largest number an INTEGER column holds


def _matching(pattern: str, expected: str) -> Any:
    """Text matching ``pattern`` as a whole; refused with "<field> must be <expected>."."""
    return Annotated[str, Field(pattern=f"^{pattern}$"), Expected(expected)]


CountryCode = _matching(r"[A-Z]{3}", "an ISO 3166 alpha-3 code such as KEN")
QuestionnaireId = _matching(r"[a-z0-9_]{1,64}", "a questionnaire id such as mgf")
VersionText = _matching(r"[0-9A-Za-z][0-9A-Za-z._-]{0,31}", "a version such as 2026.1")
AnswerStatus = Literal[ANSWER_STATUSES]
EvidenceKind = Literal[EVIDENCE_KINDS]
TransitionName = Literal[tuple(sorted(TRANSITIONS))]  # a new transition is accepted and documented


class RequestBody(BaseModel):
    """A JSON object of a request: strict JSON types, no unknown fields, storable values."""

    model_config = ConfigDict(strict=True, extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _storable(cls, value: Any) -> Any:
        """Refuse what no database column can hold, before any other check of the field."""
        problem = unusable(value)
        if problem:
            raise PydanticCustomError("invalid_text", problem)
        return value

    def given(self, *names: str) -> dict:
        """The fields among ``names`` that the request sent, null ones included, absent ones not."""
        return {name: getattr(self, name) for name in names if name in self.model_fields_set}


class NewAssessment(RequestBody):
    """Country, questionnaire version and cycle."""

    country: CountryCode = Field(description="ISO 3166 alpha-3 code of the country")
    questionnaire: QuestionnaireId = Field(description="questionnaire family id")
    version: VersionText = Field(description="a published version of the questionnaire")
    cycle: int = Field(ge=2000, le=2100, description="the year of the assessment cycle")


class AnswerSave(RequestBody):
    """The answer and the revision it replaces."""

    value: Any = Field(None, description="the answer when status is answered: yes/no or an option code, a list "
                       "of option codes, a number, a text or an ISO date, as the question's type says")
    status: AnswerStatus = Field("answered", description="answered (default), na (not applicable: needs a "
                                 "justification) or unknown")
    justification: str | None = Field(None, max_length=TEXT_MAX, description="why not applicable, or a note "
                                      "(at most 10,000 characters)")
    base_revision: int = Field(ge=0, le=MAX_REVISION, description="the revision the new answer is based on: "
                               "0 for a never-answered question")


class TransitionRequest(RequestBody):
    """The transition to make, and a comment recorded with it."""

    action: TransitionName = Field(description="the transition to make")
    comment: str | None = Field(None, max_length=TEXT_MAX, description="recorded with the change of state "
                                "(at most 10,000 characters)")


class OverrideSet(RequestBody):
    """An evaluator's validated score of a scored question, and why."""

    score: float = Field(ge=0, le=100, description="the validated score, 0–100, at most two decimals")
    justification: str = Field(max_length=TEXT_MAX, description="why the validated score differs from the "
                               "self-assessed one (required; at most 10,000 characters)")


class EvidenceReview(RequestBody):
    """An evaluator's verdict on one piece of evidence."""

    status: Literal["accepted", "rejected"] = Field(description="accepted or rejected")
    note: str | None = Field(None, max_length=TEXT_MAX, description="what is wrong with it: required for a "
                             "rejection, read by the country (at most 10,000 characters)")


class NewEvidence(RequestBody):
    """Evidence backing an answer: the kind of source, its citation and a link to it."""

    kind: EvidenceKind = Field(description="the kind of source")
    citation: str = Field(max_length=MAX_CITATION, description="title, number and date of the law, policy, "
                          "programme or data source")
    url: str | None = Field(None, max_length=MAX_URL, description="a link to the source, starting with http:// "
                            "or https:// (optional)")


class NewEvidenceUpload(NewEvidence):
    """The same as a multipart/form-data form, with the file. Documents the form only: its
    fields are read as a NewEvidence, the file as the pages read an upload."""

    file: bytes = Field(description="the document: PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, "
                        "plain text or CSV, judged by its content")

QuestionId = _matching(r"[A-Za-z0-9_.-]{1,64}", "a question id such as q_border")


class NewComment(RequestBody):
    """A new thread on a question (a query or a comment), or a reply to one (``reply_to``)."""

    question: QuestionId | None = Field(None, description="the question; required for a new thread, optional "
                                        "for a reply (which takes its thread's)")
    kind: Literal["query", "comment"] = Field("comment", description="query: asks the country to explain, correct "
                                              "or add evidence, open until resolved; comment: no resolution")
    text: str = Field(max_length=TEXT_MAX, description="the message (at most 10,000 characters)")
    internal: bool = Field(False, description="evaluators and admins only: a comment the country never sees")
    reply_to: int | None = Field(None, ge=1, le=MAX_REVISION, description="the id of a thread's first message: "
                                 "the reply takes its question, kind and internal flag")


OverwriteChoice = _matching(r"[A-Za-z0-9_.-]{1,64}:[0-9]{1,10}",
                           "a question id and the revision of the stored answer seen, such as q_one:3")


class WorkbookImportForm(RequestBody):
    """An answers workbook to preview or apply, sent as multipart/form-data."""

    file: bytes = Field(description="the answers workbook (.xlsx) downloaded from this assessment and filled in; "
                        "at most 5 MB")
    apply: Literal["true", "false"] = Field("false", description="true: save the changes, all or nothing; false "
                                            "(the default): a dry run that only reports them")
    overwrite: list[OverwriteChoice] = Field([], description="conflicts to resolve with the workbook's answer, each "
                                             "as question id:revision of the stored answer the caller saw (from a "
                                             "dry run); other conflicts keep the stored answer")

    def overwrite_map(self) -> dict[str, int]:
        return {qid: int(revision) for qid, _sep, revision in (item.rpartition(":") for item in self.overwrite)}


Body = TypeVar("Body", bound=RequestBody)


