"""One area of an assessment as a page: its questions, their relevance, and saving what changed.

Relevance is decided by the scoring engine's own interpreter on the answers of the whole
assessment: the stored ones, overlaid with the valid values the person is submitting (so a
question revealed by an answer in the same submission is saved too).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from mgf_assess.assessments import operations
from mgf_assess.assessments.errors import AnswerConflict, AnswerProblems
from mgf_assess.assessments.forms import base_revision_of, payload_of
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.assessments.scoring_bridge import answers_document, json_value
from scoring.api import Answer as TypedAnswer
from scoring.api import (
    Area,
    Definition,
    Domain,
    Question,
    check_answer,
    hidden_questions,
    parse_answers,
    plan_for,
)


@dataclass(frozen=True)
class Section:
    """An area with its domain and its position ("2.1") in the questionnaire."""

    domain: Domain
    area: Area
    number: str

    @property
    def questions(self) -> list[Question]:
        """The questions to answer (notes left out)."""
        return [question for question in self.area.questions if question.answerable]

    @property
    def items(self) -> list[Question]:
        """Everything the page shows, notes included, in order."""
        return list(self.area.questions)


def find_section(definition: Definition, area_id: str) -> Section | None:
    for d_index, domain in enumerate(definition.domains, start=1):
        for a_index, area in enumerate(domain.areas, start=1):
            if area.id == area_id:
                return Section(domain, area, f"{d_index}.{a_index}")
    return None


def neighbours(definition: Definition, area_id: str) -> tuple[Area | None, Area | None]:
    """The areas before and after ``area_id`` in questionnaire order."""
    areas = [area for domain in definition.domains for area in domain.areas]
    index = next(i for i, area in enumerate(areas) if area.id == area_id)
    return (areas[index - 1] if index else None), (areas[index + 1] if index + 1 < len(areas) else None)


def stored_typed(assessment: Assessment, definition: Definition) -> dict[str, TypedAnswer]:
    """The stored answers, typed as the scoring library reads them."""
    return dict(parse_answers(definition, answers_document(assessment)).answers)


def submitted_payloads(questions: list[Question], form) -> dict[str, dict | None]:
    return {question.id: payload_of(question, form[question.id].form) for question in questions}


def overlay(definition: Definition, stored: Mapping[str, TypedAnswer],
            payloads: Mapping[str, dict | None]) -> dict[str, TypedAnswer]:
    """Stored answers with the submitted ones on top (an invalid submission leaves the stored one)."""
    merged = dict(stored)
    for qid, payload in payloads.items():
        typed, problems = check_answer(definition, qid, payload)
        if problems:
            continue
        if typed is None:
            merged.pop(qid, None)
        else:
            merged[qid] = typed
    return merged


def hidden_ids(definition: Definition, answers: Mapping[str, TypedAnswer]) -> frozenset[str]:
    """Questions whose relevance expression is false for these answers."""
    return hidden_questions(plan_for(definition), answers)


def _normal_stored(answer: Answer | None):
    if answer is None or (answer.status == "answered" and answer.value is None):
        return None
    return answer.status, answer.value, answer.justification if answer.status != "answered" else None


def _normal_submitted(definition: Definition, qid: str, payload: dict | None):
    typed, problems = check_answer(definition, qid, payload)
    if problems:
        return "invalid"  # differs from anything stored: saving it reports the problems
    if typed is None:
        return None
    value = json_value(typed.value) if typed.status == "answered" else None
    return typed.status, value, typed.justification if typed.status != "answered" else None


def changed(definition: Definition, qid: str, payload: dict | None, answer: Answer | None) -> bool:
    """Whether a submitted answer differs from the stored one."""
    return _normal_submitted(definition, qid, payload) != _normal_stored(answer)


@dataclass
class SectionOutcome:
    saved: dict[str, Answer] = field(default_factory=dict)
    problems: dict[str, list[dict]] = field(default_factory=dict)
    conflicts: dict[str, Answer] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.conflicts


@dataclass(frozen=True)
class SectionSubmission:
    """What a person submitted for one area, and their choices on earlier conflicts."""

    payloads: dict[str, dict | None]
    revisions: dict[str, int]
    keep: frozenset[str] = frozenset()


def submission_of(questions: list[Question], form, overwrite: Mapping[str, int],
                  keep: frozenset[str]) -> SectionSubmission:
    """Read the form; "overwrite" answers a conflict by basing the save on the revision shown."""
    revisions = {q.id: base_revision_of(form[q.id].form) for q in questions}
    revisions.update({qid: rev for qid, rev in overwrite.items() if qid in revisions})
    return SectionSubmission(submitted_payloads(questions, form), revisions, keep)


def save_section(actor, assessment: Assessment, definition: Definition, submission: SectionSubmission,
                 stored: Mapping[str, Answer], hidden: frozenset[str]) -> SectionOutcome:
    """Save every relevant question whose submitted answer differs from the stored one."""
    outcome = SectionOutcome()
    for qid, payload in submission.payloads.items():
        if qid in hidden or qid in submission.keep or not changed(definition, qid, payload, stored.get(qid)):
            continue
        try:
            outcome.saved[qid] = operations.save_answer(actor, assessment, qid, payload, submission.revisions[qid])
        except AnswerConflict as conflict:
            outcome.conflicts[qid] = conflict.current
        except AnswerProblems as problems:
            outcome.problems[qid] = problems.items
    return outcome
