"""Request bodies: the JSON objects the API accepts, as pydantic models, and reading them.

Each model is both the check (``read_body``) and, through its JSON Schema, the request body of
the OpenAPI document (``api.openapi``), so the document and the validation cannot drift apart.
Validation is strict: an integer is a JSON integer (not ``"3"``, ``3.0`` or ``true``), text is
a JSON string, unknown fields are refused, and every problem is reported at once in the API's
problem format (``location``, ``code``, ``message``).
"""

from __future__ import annotations

import math
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

from flask import current_app, request
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from mgf_assess.assessments.evidence import MAX_CITATION, MAX_URL
from mgf_assess.assessments.models import ANSWER_STATUSES, EVIDENCE_KINDS
from mgf_assess.assessments.workflow import TRANSITIONS
from mgf_assess.core.limits import TEXT_MAX

MAX_REVISION = 2**31 - 1  # the largest number an INTEGER column holds


class BodyError(Exception):
    """The body cannot be used: 400 when it is not JSON, 422 with ``problems`` otherwise."""

    def __init__(self, status: int, title: str, problems: list[dict] | None = None):
        super().__init__(title)
        self.status, self.title, self.problems = status, title, problems


def item(location: str, code: str, message: str) -> dict:
    """One entry of an error's ``problems`` list."""
    return {"location": location, "code": code, "message": message}


@dataclass(frozen=True)
class Expected:
    """What a pattern-checked field must be, in words: the message when the pattern fails."""

    text: str


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


def read_body(model: type[Body]) -> Body:
    """The request's JSON object validated as ``model``; raises BodyError (400 when the body
    is not JSON, 422 listing every problem when it is not a valid ``model``)."""
    request.max_content_length = current_app.config["MAX_JSON_KB"] * 1024  # larger: 413
    try:
        data = request.get_json(silent=True)
    except RecursionError:
        data = _TOO_DEEP
    if data is _TOO_DEEP or nesting_depth(data) > MAX_JSON_DEPTH:
        raise BodyError(400, f"The request body is nested more than {MAX_JSON_DEPTH} levels deep; "
                             "send a flat JSON object as the API document describes.")
    if data is None:
        raise BodyError(400, "The request body must be a JSON object, sent with Content-Type: application/json.")
    if not isinstance(data, dict):
        raise BodyError(422, "Invalid request body",
                        [item("", "not_an_object", "The request body must be a JSON object.")])
    return validated(model, data)


def read_form(model: type[Body], max_bytes: int) -> Body:
    """The request's multipart/form-data fields and files validated as ``model``: 415 when the
    body is not multipart, 413 (by the server) when it is larger than ``max_bytes``, 422 listing
    every problem. A field sent several times is a list (only list fields accept that)."""
    request.max_content_length = max_bytes
    if request.mimetype != "multipart/form-data":
        raise BodyError(415, "Send the workbook as multipart/form-data, in the field file.")
    data: dict = {key: _one_or_list(request.form.getlist(key)) for key in request.form}
    data |= {key: _one_or_list([item.read() for item in request.files.getlist(key)]) for key in request.files}
    for name, info in model.model_fields.items():
        if name in data and typing.get_origin(info.annotation) is list and not isinstance(data[name], list):
            data[name] = [data[name]]
    return validated(model, data)


def _one_or_list(values: list):
    return values[0] if len(values) == 1 else values


MAX_JSON_DEPTH = 64  # no body the API accepts comes near it
_TOO_DEEP = object()


def nesting_depth(value) -> int:
    """How many arrays and objects deep ``value`` goes (0 for a plain value), without recursion."""
    deepest, pending = 0, [(value, 0)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is not None:
            deepest = max(deepest, depth + 1)
            pending.extend((child, depth + 1) for child in children)
    return deepest


def validated(model: type[Body], data: dict) -> Body:
    """``data`` as a ``model``; raises BodyError 422 with every problem, one per field at fault:
    unknown fields first (by name), then the model's fields in their order."""
    unreadable = [key for key in data if unusable(key)]  # pydantic stops at the first such key
    problems = [_unknown(key, model) for key in unreadable]
    try:
        body = model.model_validate({key: value for key, value in data.items() if key not in unreadable})
    except ValidationError as error:
        problems += [_problem(entry, model) for entry in error.errors(include_url=False)]
    if problems:
        rank = {name: index for index, name in enumerate(model.model_fields)}
        problems.sort(key=lambda found: (found["location"] in rank, rank.get(found["location"], 0),
                                         found["location"]))
        raise BodyError(422, "Invalid request body", problems)
    return body


# ---- pydantic's errors as the API's problems ------------------------------------------------

_TYPE_NAMES = {"string_type": "text", "int_type": "an integer",
               "float_type": "a number", "bool_type": "true or false"}


def _unknown(name: str, model: type[RequestBody]) -> dict:
    known = ", ".join(sorted(model.model_fields))
    return item(name, "unknown_field", f"Unknown field {name!r}: the fields are {known}.")


def _problem(entry: dict, model: type[RequestBody]) -> dict:
    name, kind = ".".join(map(str, entry["loc"])), entry["type"]
    if kind == "missing":
        return item(name, "required", f"{name} is required.")
    if kind == "extra_forbidden":
        return _unknown(name, model)
    if entry["input"] is None:  # nullable fields accept null: this one does not
        return item(name, "wrong_type", f"{name} cannot be null.")
    return _value_problem(name, entry, model.model_fields[str(entry["loc"][0])])  # an item: its list's field


def _value_problem(name: str, entry: dict, field: FieldInfo) -> dict:
    """A value that cannot be stored, has the wrong type, or is outside the field's limits."""
    kind = entry["type"]
    if kind == "literal_error" and not isinstance(entry["input"], str):
        kind = "string_type"  # every enum here is a set of texts: a number or a list is the wrong type
    if kind == "invalid_text":
        return item(name, "invalid_text", entry["msg"])
    if kind in _TYPE_NAMES:
        return item(name, "wrong_type", f"{name} must be {_TYPE_NAMES[kind]}.")
    if kind == "string_too_long":
        limit = entry["ctx"]["max_length"]
        return item(name, "too_long", f"{name} is too long: at most {limit:,} characters "
                                      f"(it has {len(entry['input']):,}). Shorten it.")
    return item(name, "invalid", _invalid(name, entry, field))


def _invalid(name: str, entry: dict, field: FieldInfo) -> str:
    """What is wrong with a value of the right type, and what to send instead."""
    kind = entry["type"]
    if kind in ("greater_than_equal", "less_than_equal"):
        return _out_of_range(name, _bound(field, "ge"), _bound(field, "le"))
    if kind == "literal_error":
        listed = ", ".join(typing.get_args(field.annotation))
        return f"{name} must be one of: {listed} (not {entry['input']!r})."
    expected = next((mark.text for mark in field.metadata if isinstance(mark, Expected)), None)
    if kind == "string_pattern_mismatch" and expected:
        return f"{name} must be {expected}."
    return f"{name} is not valid: {entry['msg']}."


def _out_of_range(name: str, low: object, high: object) -> str:
    if low is None:
        return f"{name} must be at most {high}."
    if high is None:
        return f"{name} must be at least {low}."
    return f"{name} must be between {low} and {high}."


def _bound(field: FieldInfo, name: str) -> object:
    """The field's ``ge`` or ``le`` limit, None if it has none."""
    return next((getattr(mark, name) for mark in field.metadata if hasattr(mark, name)), None)


def unusable(value: Any) -> str | None:
    """Values that no database column can hold: NUL characters, lone surrogates, NaN/Infinity."""
    if isinstance(value, str):
        if "\x00" in value:
            return "Text cannot contain the NUL character."
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "Text must be valid Unicode (no lone surrogates)."
    elif isinstance(value, float) and not math.isfinite(value):
        return "Numbers must be finite."
    elif isinstance(value, (list, dict)):
        children = value.values() if isinstance(value, dict) else value
        keys = list(value) if isinstance(value, dict) else []
        return next(filter(None, map(unusable, [*keys, *children])), None)
    return None
