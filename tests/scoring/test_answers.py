"""Answer parsing, coercion per type, and the problems invalid answers produce."""

import datetime
from decimal import Decimal

import pytest

from scoring.answers.check import AnswersError, check_answer, check_override, parse_answers
from scoring.answers.documents import (
    answers_document,
    decimal_json,
    load_answers,
    read_answers_file,
)
from tests.scoring.fixtures.builders import choice, fixture, one_area, options, question

DEFN = one_area(
    question("yn", allow_na=True),
    choice("single", ("none", 0), ("all", 100), allow_unknown=True),
    question("multi", "multi_choice", options=options(("a", 50), ("b", 50), ("c", 50))),
    question("num", "number", scoring={"method": "linear", "best": 0, "worst": 10}),
    question("pct", "percent", scoring={"method": "linear", "best": 100, "worst": 0}),
    question("txt", "text", required=False),
    question("day", "date", required=False),
)


def valid(qid, payload):
    answer, problems = check_answer(DEFN, qid, payload)
    assert problems == [], problems
    return answer


def codes(qid, payload):
    answer, problems = check_answer(DEFN, qid, payload)
    assert answer is None
    return [problem.code for problem in problems]


@pytest.mark.parametrize(
    ("qid", "payload", "value"),
    [
        ("yn", "yes", "yes"),
        ("yn", False, "no"),
        ("single", "all", "all"),
        ("multi", ["c", "a"], ("a", "c")),
        ("multi", [], ()),
        ("num", 3, Decimal(3)),
        ("num", 0.1, Decimal("0.1")),
        ("num", " -2.5 ", Decimal("-2.5")),
        ("num", Decimal("1e3"), Decimal("1e3")),
        ("pct", 100, Decimal(100)),
        ("pct", "0", Decimal(0)),
        ("txt", "Article 12", "Article 12"),
        ("day", "2024-02-29", "2024-02-29"),
        ("day", datetime.date(2020, 1, 31), "2020-01-31"),
    ],
)
def test_values_are_coerced_per_type(qid, payload, value):
    assert valid(qid, payload).value == value
    assert valid(qid, {"value": payload, "status": "answered"}).value == value


@pytest.mark.parametrize(
    ("qid", "payload", "code"),
    [
        ("yn", "maybe", "wrong_type"),
        ("yn", 1, "wrong_type"),
        ("single", "some", "unknown_option"),
        ("single", 1, "wrong_type"),
        ("multi", "a", "wrong_type"),
        ("multi", ["a", "z"], "unknown_option"),
        ("multi", ["a", "a"], "duplicate_option"),
        ("num", "ten", "wrong_type"),
        ("num", float("nan"), "wrong_type"),
        ("num", "Infinity", "wrong_type"),
        ("num", True, "wrong_type"),
        ("pct", 100.5, "out_of_range"),
        ("pct", -1, "out_of_range"),
        ("txt", 5, "wrong_type"),
        ("txt", "  ", "value_required"),
        ("day", "2023-02-29", "invalid_date"),
        ("day", "20240101", "wrong_type"),
        ("day", "2024-1-1", "wrong_type"),
    ],
)
def test_invalid_values_are_refused(qid, payload, code):
    assert codes(qid, payload) == [code]


def test_na_needs_allow_na_and_a_justification():
    assert valid("yn", {"status": "na", "justification": "No border"}).status == "na"
    assert codes("yn", {"status": "na"}) == ["justification_required"]
    assert codes("yn", {"status": "na", "justification": "  "}) == ["justification_required"]
    assert codes("single", {"status": "na", "justification": "x"}) == ["na_not_allowed"]
    assert codes("yn", {"status": "na", "justification": "x", "value": "yes"}) == [
        "value_with_status"
    ]


def test_unknown_needs_allow_unknown():
    assert valid("single", {"status": "unknown"}).status == "unknown"
    assert codes("yn", {"status": "unknown"}) == ["unknown_not_allowed"]


def test_object_form_problems():
    assert codes("yn", {"status": "done"}) == ["invalid_status"]
    assert codes("yn", {"status": "answered"}) == ["value_required"]
    assert codes("yn", {"value": "yes", "justifcation": "x"}) == ["unknown_key"]
    assert codes("yn", {"value": "yes", "evidence": "Act"}) == ["wrong_type"]
    assert codes("yn", {"value": "yes", "evidence": [""]}) == ["invalid_evidence"]
    assert codes("yn", {"value": "yes", "evidence_accepted": "no"}) == ["wrong_type"]


def test_evidence_and_its_verdict_are_kept():
    answer = valid(
        "yn",
        {"value": "yes", "evidence": ["Act", {"url": "https://x"}], "evidence_accepted": False},
    )
    assert answer.evidence == ("Act", {"url": "https://x"})
    assert answer.evidence_accepted is False and not answer.has_evidence


def test_null_payload_means_not_answered():
    assert check_answer(DEFN, "yn", None) == (None, [])


def test_unknown_question_suggests_the_closest_id():
    _, problems = check_answer(DEFN, "singel", "all")
    assert problems[0].code == "unknown_question"
    assert "did you mean 'single'?" in problems[0].message
    assert problems[0].location == "answers.singel"


@pytest.mark.parametrize(
    ("qid", "payload", "expected"),
    [
        ("yn", {"score": 50, "justification": "Checked"}, []),
        ("yn", {"score": Decimal("12.5"), "justification": "Checked"}, []),
        ("txt", {"score": 50, "justification": "x"}, ["override_unscored"]),
        ("yn", {"score": 101, "justification": "x"}, ["out_of_range"]),
        ("yn", {"score": "50", "justification": "x"}, ["wrong_type"]),
        ("yn", {"score": True, "justification": "x"}, ["wrong_type"]),
        ("yn", {"score": 50}, ["justification_required"]),
        ("yn", {"score": 50, "justification": "x", "by": "me"}, ["unknown_key"]),
        ("yn", 50, ["wrong_type"]),
        ("nope", {"score": 50, "justification": "x"}, ["unknown_question"]),
    ],
)
def test_overrides_are_checked(qid, payload, expected):
    override, problems = check_override(DEFN, qid, payload)
    assert [problem.code for problem in problems] == expected
    assert (override is None) == bool(expected)


def test_parse_answers_lists_every_problem_with_its_location():
    raw = {
        "questionnaire": "other",
        "version": "9",
        "answers": {"yn": "maybe", "zz": 1, "pct": 300},
        "overrides": {"txt": {"score": 5, "justification": "x"}},
    }
    with pytest.raises(AnswersError) as caught:
        parse_answers(DEFN, raw)
    assert [(p.location, p.code) for p in caught.value.problems] == [
        ("questionnaire", "questionnaire_mismatch"),
        ("version", "version_mismatch"),
        ("answers.yn.value", "wrong_type"),
        ("answers.zz", "unknown_question"),
        ("answers.pct.value", "out_of_range"),
        ("overrides.txt", "override_unscored"),
    ]
    assert caught.value.issues == caught.value.problems


def test_parse_answers_needs_a_mapping_and_the_header():
    with pytest.raises(AnswersError):
        parse_answers(DEFN, ["yn"])
    with pytest.raises(AnswersError) as caught:
        parse_answers(DEFN, {"answers": {}})
    assert [p.code for p in caught.value.problems] == ["required", "required"]
    with pytest.raises(AnswersError):
        parse_answers(DEFN, {"questionnaire": "demo", "version": "1.0", "answers": ["yn"]})


def test_extra_top_level_keys_are_ignored():
    answer_set = parse_answers(
        DEFN, {"questionnaire": "demo", "version": "1.0", "country": "KE", "answers": {}}
    )
    assert answer_set.answers == {}


def test_json_decimals_are_read_exactly(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(
        '{"questionnaire": "demo", "version": "1.0", "answers": {"num": 0.30000000000000004}}'
    )
    assert load_answers(DEFN, path).answers["num"].value == Decimal("0.30000000000000004")


def test_yaml_booleans_and_dates_are_accepted(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("questionnaire: demo\nversion: '1.0'\nanswers:\n  yn: yes\n  day: 2024-03-01\n")
    answer_set = load_answers(DEFN, path)
    assert (answer_set.answers["yn"].value, answer_set.answers["day"].value) == (
        "yes",
        "2024-03-01",
    )


def test_unreadable_file_is_an_answers_error(tmp_path):
    with pytest.raises(AnswersError) as caught:
        read_answers_file(tmp_path / "missing.json")
    assert caught.value.problems[0].code == "unreadable"
    with pytest.raises(AnswersError):
        read_answers_file(fixture("answers/unreadable.yaml"))


def test_answers_document_round_trips():
    raw = {
        "questionnaire": "demo",
        "version": "1.0",
        "answers": {
            "yn": {"status": "na", "justification": "x"},
            "multi": ["b", "a"],
            "num": Decimal("2.5"),
            "single": {"value": "all", "evidence": ["Act"], "evidence_accepted": True},
        },
        "overrides": {"num": {"score": Decimal("12.5"), "justification": "Checked"}},
    }
    first = parse_answers(DEFN, raw)
    document = answers_document(first)
    assert document["answers"]["multi"] == ["a", "b"]
    assert document["answers"]["num"] == 2.5
    assert parse_answers(DEFN, document) == first


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (Decimal("3"), 3),
        (Decimal("3.0"), 3),
        (Decimal("2.5"), 2.5),
        (Decimal("0.1"), 0.1),
        (Decimal("0.30000000000000000001"), "0.30000000000000000001"),
    ],
)
def test_decimal_json_keeps_the_number_exact(number, expected):
    assert decimal_json(number) == expected


# ---- ranges and lengths: numbers are finite and bounded, texts are bounded ----------------

RANGED = one_area(
    question("days", "number", min=0, max=3650, scoring={"method": "linear", "best": 0, "worst": 365}),
    question("gap", "number", scoring={"method": "linear", "best": 0, "worst": 10}),
    question("share", "percent", min=10, scoring={"method": "linear", "best": 100, "worst": 0}),
    question("txt", "text", required=False),
)


@pytest.mark.parametrize(("qid", "raw", "accepted"), [
    ("days", 0, True), ("days", 3650, True), ("days", -1, False), ("days", "3651", False),
    ("gap", "1e999", False), ("gap", "1" + "0" * 400, False), ("gap", -(10**15), True), ("gap", 10**15 + 1, False),
    ("gap", "-2.5", True), ("share", 10, True), ("share", 9.99, False), ("share", 100, True), ("share", 101, False),
])
def test_numbers_stay_within_the_questions_range(qid, raw, accepted):
    answer, problems = check_answer(RANGED, qid, raw)
    if accepted:
        assert problems == [] and answer.value.is_finite()
    else:
        assert answer is None and [(p.code, p.location) for p in problems] == [("out_of_range", f"answers.{qid}.value")]


def test_an_out_of_range_message_names_the_range_and_shortens_huge_numbers():
    _answer, problems = check_answer(RANGED, "days", "1" + "0" * 400)
    assert "from 0 to 3650" in problems[0].message and len(problems[0].message) < 120
    _answer, problems = check_answer(RANGED, "share", 5)
    assert problems[0].message == "a percentage must be between 10 and 100, got 5"


@pytest.mark.parametrize("where", ["value", "justification"])
def test_texts_are_bounded(where):
    from scoring.answers.coerce import MAX_TEXT

    payload = {"value": "x" * (MAX_TEXT + 1)} if where == "value" else \
        {"value": "ok", "justification": "x" * (MAX_TEXT + 1)}
    _answer, problems = check_answer(RANGED, "txt", payload)
    assert [(p.code, p.location) for p in problems] == [("too_long", f"answers.txt.{where}")]
    assert valid_in(RANGED, "txt", {"value": "x" * MAX_TEXT, "justification": "y" * MAX_TEXT})


def valid_in(definition, qid, payload):
    answer, problems = check_answer(definition, qid, payload)
    return answer is not None and problems == []


@pytest.mark.parametrize(("version", "qid"), [("2026.1", "rights_family_reunification_days"),
                                              ("2026.1", "mobility_visa_processing_days"),
                                              ("2015.1", "mobility_visa_processing_days")])
def test_the_shipped_counts_and_durations_cannot_be_negative(version, qid):
    from pathlib import Path

    from scoring.definition.loader import load_definition

    shipped = load_definition(Path(__file__).parents[2] / "questionnaires" / "mgf" / f"{version}.yaml")
    assert [p.code for p in check_answer(shipped, qid, -1)[1]] == ["out_of_range"]
    assert check_answer(shipped, qid, 0)[1] == []
