"""API request bodies: the limits of each model, and every problem reported at once."""

import math

import pytest
from api_support import bearer, token_for

from mgf_assess.api.bodies import (
    MAX_REVISION,
    AnswerSave,
    BodyError,
    NewAssessment,
    TransitionRequest,
    validated,
)
from mgf_assess.assessments.models import ANSWER_STATUSES
from mgf_assess.assessments.workflow import TRANSITIONS

NEW = {"country": "KEN", "questionnaire": "mgf", "version": "2026.1", "cycle": 2026}
SAVE = {"value": "yes", "base_revision": 0}
SUBMIT = {"action": "submit"}


def _problems(model, body) -> list[tuple[str, str]]:
    with pytest.raises(BodyError) as refused:
        validated(model, body)
    assert refused.value.status == 422
    return [(problem["location"], problem["code"]) for problem in refused.value.problems]


# ---- limits: (field, value that passes or None, code of the problem) ------------------------

NEW_ASSESSMENT_CASES = [
    ("cycle", 2000, None), ("cycle", 2100, None), ("cycle", 1999, "invalid"), ("cycle", 2101, "invalid"),
    ("cycle", "2026", "wrong_type"), ("cycle", 2026.0, "wrong_type"), ("cycle", True, "wrong_type"),
    ("cycle", None, "wrong_type"), ("cycle", math.inf, "invalid_text"),
    ("country", "MEX", None), ("country", "ken", "invalid"), ("country", "KENY", "invalid"),
    ("country", "KE", "invalid"), ("country", "KEN\n", "invalid"), ("country", 404, "wrong_type"),
    ("country", "K\x00N", "invalid_text"), ("country", "K\ud800N", "invalid_text"),
    ("questionnaire", "a" * 64, None), ("questionnaire", "mgf_2", None), ("questionnaire", "a" * 65, "invalid"),
    ("questionnaire", "", "invalid"), ("questionnaire", "MGF", "invalid"), ("questionnaire", ["mgf"], "wrong_type"),
    ("version", "1", None), ("version", "v" * 32, None), ("version", "2026.1-rc_2", None),
    ("version", "v" * 33, "invalid"), ("version", ".1", "invalid"), ("version", "1 0", "invalid"),
    ("version", 2026.1, "wrong_type"), ("version", None, "wrong_type"),
]
ANSWER_CASES = [
    ("base_revision", 0, None), ("base_revision", MAX_REVISION, None), ("base_revision", -1, "invalid"),
    ("base_revision", MAX_REVISION + 1, "invalid"), ("base_revision", "3", "wrong_type"),
    ("base_revision", 3.0, "wrong_type"), ("base_revision", True, "wrong_type"), ("base_revision", None, "wrong_type"),
    *[("status", status, None) for status in ANSWER_STATUSES], ("status", "maybe", "invalid"),
    ("status", "ANSWERED", "invalid"), ("status", None, "wrong_type"), ("status", 1, "wrong_type"),
    ("justification", None, None), ("justification", "", None), ("justification", 5, "wrong_type"),
    ("justification", "nul \x00 byte", "invalid_text"),
    ("value", None, None), ("value", [], None), ("value", {"a": [1, "b"]}, None), ("value", 12.5, None),
    ("value", True, None), ("value", math.nan, "invalid_text"), ("value", ["ok", "\x00"], "invalid_text"),
    ("value", {"\ud800": 1}, "invalid_text"),
]
TRANSITION_CASES = [
    *[("action", name, None) for name in TRANSITIONS], ("action", "approve", "invalid"),
    ("action", "Submit", "invalid"), ("action", None, "wrong_type"), ("action", ["submit"], "wrong_type"),
    ("comment", None, None), ("comment", "All done", None), ("comment", 1, "wrong_type"),
]


def _check(model, valid: dict, field: str, value, code):
    body = {**valid, field: value}
    if code is None:
        assert getattr(validated(model, body), field) == value
    else:
        assert _problems(model, body) == [(field, code)]


@pytest.mark.parametrize(("field", "value", "code"), NEW_ASSESSMENT_CASES)
def test_new_assessment_limits(field, value, code):
    _check(NewAssessment, NEW, field, value, code)


@pytest.mark.parametrize(("field", "value", "code"), ANSWER_CASES)
def test_answer_save_limits(field, value, code):
    _check(AnswerSave, SAVE, field, value, code)


@pytest.mark.parametrize(("field", "value", "code"), TRANSITION_CASES)
def test_transition_request_limits(field, value, code):
    _check(TransitionRequest, SUBMIT, field, value, code)


@pytest.mark.parametrize(("model", "valid"), [(NewAssessment, NEW), (AnswerSave, SAVE), (TransitionRequest, SUBMIT)])
def test_required_fields_and_unknown_fields(model, valid):
    required = [name for name, field in model.model_fields.items() if field.is_required()]
    assert _problems(model, {}) == [(name, "required") for name in required]
    assert _problems(model, {**valid, "extra": 1, "Extra": None}) == [("Extra", "unknown_field"),
                                                                      ("extra", "unknown_field")]


def test_required_fields_are_the_documented_ones():
    assert [name for name, field in NewAssessment.model_fields.items() if field.is_required()] == list(NEW)
    assert [name for name, field in AnswerSave.model_fields.items() if field.is_required()] == ["base_revision"]
    assert [name for name, field in TransitionRequest.model_fields.items() if field.is_required()] == ["action"]


# ---- absent or given -------------------------------------------------------------------------

def test_absent_and_null_fields_are_told_apart():
    absent = validated(AnswerSave, {"base_revision": 0})
    given = validated(AnswerSave, {"base_revision": 0, "value": None, "justification": None})
    assert absent.given("value", "status", "justification") == {}
    assert given.given("value", "status", "justification") == {"value": None, "justification": None}
    assert validated(TransitionRequest, SUBMIT).comment is None


def test_values_are_kept_as_sent():
    value = {"nested": [1, 2.5, "three", None, {"four": True}]}
    assert validated(AnswerSave, {"value": value, "base_revision": 3}).value == value


# ---- every problem at once -------------------------------------------------------------------

def test_every_problem_is_listed_once_unknown_fields_first_then_in_field_order():
    body = {"zeta": 1, "value": math.inf, "status": "maybe", "justification": 7, "base_revision": "1", "alpha": 2}
    with pytest.raises(BodyError) as refused:
        validated(AnswerSave, body)
    problems = refused.value.problems
    assert [(p["location"], p["code"]) for p in problems] == [
        ("alpha", "unknown_field"), ("zeta", "unknown_field"), ("value", "invalid_text"),
        ("status", "invalid"), ("justification", "wrong_type"), ("base_revision", "wrong_type")]
    assert all(set(p) == {"location", "code", "message"} for p in problems)


def test_messages_say_what_is_wrong_and_what_to_send():
    body = {"country": "kenya", "questionnaire": None, "version": 1, "cycle": 1990, "colour": "red"}
    with pytest.raises(BodyError) as refused:
        validated(NewAssessment, body)
    messages = {p["location"]: p["message"] for p in refused.value.problems}
    assert messages == {
        "colour": "Unknown field 'colour': the fields are country, cycle, questionnaire, version.",
        "country": "country must be an ISO 3166 alpha-3 code such as KEN.",
        "questionnaire": "questionnaire cannot be null.",
        "version": "version must be text.",
        "cycle": "cycle must be between 2000 and 2100."}
    names = ", ".join(sorted(TRANSITIONS))  # every transition of the workflow table
    assert _message(TransitionRequest, {"action": "approve"}) == f"action must be one of: {names} (not 'approve')."
    assert _message(AnswerSave, {}) == "base_revision is required."
    assert _message(AnswerSave, {"base_revision": True}) == "base_revision must be an integer."
    assert "Input should" not in str(refused.value.problems)  # no pydantic wording


def _message(model, body) -> str:
    with pytest.raises(BodyError) as refused:
        validated(model, body)
    return refused.value.problems[0]["message"]


def test_a_key_that_is_not_text_is_an_unknown_field_beside_the_other_problems():
    """pydantic stops at a key with a lone surrogate; it is reported like any unknown field."""
    assert _problems(AnswerSave, {"\ud800": 1, "status": 5}) == [
        ("\ud800", "unknown_field"), ("status", "wrong_type"), ("base_revision", "required")]


# ---- through the API -------------------------------------------------------------------------

def test_the_422_document_lists_every_problem(app, client, make_user):
    headers = bearer(token_for(app, make_user(role="admin", country=None)))
    response = client.post("/api/v1/assessments", json={"country": "KEN", "cycle": "2026", "x": 1}, headers=headers)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert (error["status"], error["title"]) == (422, "Invalid request body")
    assert [(p["location"], p["code"]) for p in error["problems"]] == [
        ("x", "unknown_field"), ("questionnaire", "required"), ("version", "required"), ("cycle", "wrong_type")]
