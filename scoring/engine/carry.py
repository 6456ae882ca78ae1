"""Carrying answers forward to a newer questionnaire version through a version mapping.

For each question of the new version, in file order, the mapping says where its answer comes
from (``from``: an old id; omitted means the same id) and how comparable it is. The old
answer (value, status, justification, evidence) is translated through the option-code map and
checked against the new question exactly like a saved answer. Evaluator overrides and
evidence verdicts are never carried: they belong to the old cycle's review.

Reasons a question needs confirmation (codes, in this order when several apply):

* ``not_mapped`` – the mapping has no entry for it: left unanswered;
* ``not_comparable`` – comparability ``none``: left unanswered;
* ``no_source`` – the source id does not exist in the old version: left unanswered;
* ``source_unanswered`` – the old assessment has no answer for the source: left unanswered;
* ``invalid_value`` – the translated answer is not valid for the new question (``detail``
  holds the problem code): left unanswered;
* ``indirect`` – carried, comparable with caution;
* ``options_mapped`` – carried, and at least one selected option code was renamed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scoring.answers.check import Answer, AnswerSet, check_answer
from scoring.definition.model import Definition, Question, QuestionMapping, VersionMapping


@dataclass(frozen=True, slots=True)
class Confirmation:
    """One question of the new version a person should look at, and why."""

    question: str
    reason: str
    source: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class CarryResult:
    """Answers for the new version and the questions that need confirmation."""

    answers: AnswerSet
    from_version: str
    needs_confirmation: tuple[Confirmation, ...]


CODED_TYPES = ("yes_no", "single_choice", "multi_choice")


class MappingMismatchError(ValueError):
    """The mapping does not lead from the old definition's version to the new one's."""


def carry_forward(
    old_definition: Definition,
    new_definition: Definition,
    mapping: VersionMapping,
    old_answers: AnswerSet,
) -> CarryResult:
    """Answers of ``old_answers`` carried to ``new_definition`` through ``mapping``."""
    check_mapping(old_definition, new_definition, mapping)
    carried: dict[str, Answer] = {}
    confirmations: list[Confirmation] = []
    for _, _, question in new_definition.iter_questions():
        if not question.answerable:
            continue  # a note has no answer to carry
        entry = mapping.questions.get(question.id)
        answer, found = carry_one(old_definition, new_definition, question, entry, old_answers)
        if answer is not None:
            carried[question.id] = answer
        confirmations.extend(found)
    new_set = AnswerSet(new_definition.id, new_definition.version, carried, {})
    return CarryResult(new_set, old_definition.version, tuple(confirmations))


def check_mapping(old: Definition, new: Definition, mapping: VersionMapping) -> None:
    """Raise MappingMismatchError unless ``mapping`` goes from ``old`` to ``new``."""
    expected = (new.id, old.version, new.version)
    found = (mapping.questionnaire, mapping.from_version, mapping.to_version)
    if old.id != new.id or found != expected:
        raise MappingMismatchError(
            f"the mapping goes {found[0]} {found[1]} → {found[2]}, "
            f"the definitions are {old.id} {old.version} → {new.id} {new.version}"
        )


def carry_one(
    old_definition: Definition,
    new_definition: Definition,
    question: Question,
    entry: QuestionMapping | None,
    old_answers: AnswerSet,
) -> tuple[Answer | None, list[Confirmation]]:
    """The carried answer of one new question (or None) and its confirmations."""
    qid = question.id
    if entry is None:
        return None, [Confirmation(qid, "not_mapped")]
    source = entry.source or qid
    if entry.comparability == "none":
        return None, [Confirmation(qid, "not_comparable", entry.source)]
    if source not in old_definition.question_map:
        return None, [Confirmation(qid, "no_source", source)]
    old = old_answers.answers.get(source)
    if old is None:
        return None, [Confirmation(qid, "source_unanswered", source)]
    coded = old_definition.question_map[source].type in CODED_TYPES
    payload, renamed = translate(old, entry.options if coded else {})
    answer, problems = check_answer(new_definition, qid, payload)
    if problems:
        return None, [Confirmation(qid, "invalid_value", source, problems[0].code)]
    reasons = ["indirect"] * (entry.comparability == "indirect") + ["options_mapped"] * renamed
    return answer, [Confirmation(qid, reason, source) for reason in reasons]


def translate(answer: Answer, options: Mapping[str, str]) -> tuple[dict, bool]:
    """The old answer as a payload for the new question, and whether a code was renamed."""
    value, renamed = _map_codes(answer.value, options)
    payload: dict = {"status": answer.status}
    if answer.status == "answered":
        payload["value"] = value
    if answer.justification is not None:
        payload["justification"] = answer.justification
    if answer.evidence:
        payload["evidence"] = list(answer.evidence)
    return payload, renamed


def _map_codes(value: object, options: Mapping[str, str]) -> tuple[object, bool]:
    if isinstance(value, str):
        mapped = options.get(value, value)
        return mapped, mapped != value
    if isinstance(value, tuple):
        mapped = [options.get(code, code) for code in value]
        # Two old codes may merge into one new code: keep it once.
        unique = list(dict.fromkeys(mapped))
        return unique, mapped != list(value)
    return value, False
