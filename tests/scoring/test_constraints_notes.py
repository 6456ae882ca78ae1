"""Format additions: constraints (checked on a save), notes, XLSForm-style ids, any language,
unscored numbers."""

import datetime

import pytest

from scoring.api import check_answer, definition_from_text, parse_answers, score
from scoring.definition.loader import Report, check_definition_file

BASE = """\
format_version: 1
id: demo
version: "1"
status: draft
languages: [ha, en]
title: {ha: Gwaji, en: Demo}
bands:
  - {code: low, min: 0, label: {ha: Ƙasa, en: Low}}
target_band: low
domains:
  - id: Domain-1
    title: {ha: D, en: D}
    areas:
      - id: area.1
        title: {ha: A, en: A}
        questions:
          - {id: intro, type: note, label: {ha: Barka, en: Welcome}, relevant: "${Q1} != ''"}
          - {id: Q1, type: number, label: {ha: N, en: N}, min: 0,
             constraint: ". <= ${cap} and . mod 1 = 0",
             constraint_message: {ha: Lamba, en: "A whole number, at most the cap"}}
          - {id: cap, type: number, label: {ha: C, en: Cap}, required: false}
          - {id: opened, type: date, label: {ha: D, en: Opened}, constraint: ". <= today()"}
          - {id: kinds, type: multi_choice, label: {ha: K, en: Kinds}, constraint: "count-selected(.) <= 1",
             options: [{code: "0.5", label: {ha: a, en: a}}, {code: 4_or_more, label: {ha: b, en: b}}]}
"""
TODAY = datetime.date(2026, 3, 31)


@pytest.fixture
def definition():
    return definition_from_text(BASE)


def issues(text: str, tmp_path) -> list[str]:
    path = tmp_path / "demo" / "1.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report: Report = check_definition_file(path)
    return [f"{issue.location}: {issue.code}" for issue in report.issues]


def test_the_additions_validate(definition, tmp_path):
    assert issues(BASE, tmp_path) == []
    assert definition.source_language == "ha"


def test_constraints_are_checked_on_a_save(definition):
    values = {"cap": 10}
    assert check_answer(definition, "Q1", 4, today=TODAY, values=values)[1] == []
    for bad in (12, "4.5"):
        _, problems = check_answer(definition, "Q1", bad, today=TODAY, values=values)
        assert [(p.code, p.location) for p in problems] == [("constraint", "answers.Q1.value")]
    assert check_answer(definition, "opened", "2026-04-01", today=TODAY)[1][0].code == "constraint"
    assert check_answer(definition, "opened", "2026-03-31", today=TODAY)[1] == []
    assert check_answer(definition, "kinds", ["0.5", "4_or_more"], today=TODAY)[1][0].code == "constraint"


def test_constraints_are_not_checked_without_the_save_date(definition):
    assert check_answer(definition, "Q1", 12)[1] == []
    assert parse_answers(definition, {"questionnaire": "demo", "version": "1", "answers": {"Q1": 12}})


def test_range_is_checked_before_the_constraint(definition):
    _, problems = check_answer(definition, "Q1", -1, today=TODAY, values={"cap": 10})
    assert [p.code for p in problems] == ["out_of_range"]


def test_a_note_takes_no_answer_and_never_counts(definition):
    _, problems = check_answer(definition, "intro", "hello")
    assert [p.code for p in problems] == ["not_answerable"]
    result = score(definition, parse_answers(definition, {"questionnaire": "demo", "version": "1",
                                                          "answers": {"Q1": 1, "cap": 5}}))
    area = result.domains[0].areas[0]
    assert "intro" not in [question.id for question in area.questions]
    assert area.tally.relevant == 4


@pytest.mark.parametrize(("change", "expected"), [
    ("{id: intro, type: note, label: {ha: Barka, en: Welcome}, relevant: \"${Q1} != ''\"}",
     []),
    ("{id: intro, type: note, label: {ha: B, en: W}, required: true, weight: 2}",
     ["domains[0].areas[0].questions[0].required: invalid_note",
      "domains[0].areas[0].questions[0].weight: invalid_note"]),
    ("{id: intro, type: note, label: {ha: B, en: W}, relevant: \". = 1\"}",
     ["domains[0].areas[0].questions[0].relevant: invalid_expression"]),
    ("{id: intro, type: note, label: {ha: B, en: W}, relevant: \"${opened} = today() and ${intro2} = 1\"}",
     ["domains[0].areas[0].questions[0].relevant: unknown_reference"]),
])
def test_notes_and_expressions_are_validated(change, expected, tmp_path):
    first = "{id: intro, type: note, label: {ha: Barka, en: Welcome}, relevant: \"${Q1} != ''\"}"
    assert issues(BASE.replace(first, change), tmp_path) == expected


def test_a_reference_to_a_note_and_bad_constraints_are_errors(tmp_path):
    text = BASE.replace('constraint: "count-selected(.) <= 1"', 'constraint: "selected(., \'x\')", '
                        'relevant: "${intro} = 1"').replace(". <= today()", "now() > 1")
    assert issues(text, tmp_path) == [
        "domains[0].areas[0].questions[3].constraint: invalid_expression",
        "domains[0].areas[0].questions[4].relevant: unknown_reference",
        "domains[0].areas[0].questions[4].constraint: unknown_option_in_expression"]


def test_an_unscored_number_is_valid_and_not_scored(definition):
    assert definition.question_map["cap"].scored and definition.question_map["cap"].scoring is None
    result = score(definition, parse_answers(definition, {"questionnaire": "demo", "version": "1",
                                                          "answers": {"cap": 5}}))
    assert result.domains[0].score is None
