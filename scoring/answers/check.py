"""Checking and typing the answers and overrides of one assessment (one save or a whole file).

An answers file (JSON or YAML)::

    {"questionnaire": "mgf", "version": "2026.1",
     "answers": {QID: VALUE | {"value": V, "status": "answered" | "na" | "unknown",
                               "justification": "...", "evidence": [...],
                               "evidence_accepted": true | false}},
     "overrides": {QID: {"score": 0-100, "justification": "..."}}}

A bare value means answered; ``null`` means not answered. Other top-level keys are ignored
(exports may carry their own metadata). Every problem is collected before anything is
refused, so ``AnswersError.problems`` lists all of them. The types live in
``scoring.answers.model``; files are read and written by ``scoring.answers.documents``.
"""

from __future__ import annotations

import datetime
import difflib
from collections import ChainMap
from collections.abc import Mapping
from decimal import Decimal

from scoring.answers.coerce import MAX_TEXT, CoercionError, coerce_value, to_decimal
from scoring.answers.model import Answer, AnswerSet, Override
from scoring.definition.model import Definition, Question
from scoring.engine.questions import is_scored
from scoring.expressions.parser import ExpressionError, parse
from scoring.problems.catalog import Catalog
from scoring.problems.problem import AnswersError, Problem

ANSWER_STATUSES = ("answered", "na", "unknown")
ANSWER_KEYS = ("value", "status", "justification", "evidence", "evidence_accepted")
OVERRIDE_KEYS = ("score", "justification")
_MISMATCH = {"questionnaire": Catalog.QUESTIONNAIRE_MISMATCH, "version": Catalog.VERSION_MISMATCH}


def parse_answers(definition: Definition, raw: object) -> AnswerSet:
    """Check a decoded answers document against ``definition``; raise AnswersError if invalid."""
    if not isinstance(raw, Mapping):
        raise AnswersError([Catalog.WRONG_TYPE__DOCUMENT.at("")])
    problems = _check_header(definition, raw)
    answers = _section(definition, raw, "answers", check_answer, problems)
    overrides = _section(definition, raw, "overrides", check_override, problems)
    if problems:
        raise AnswersError(problems)
    return AnswerSet(definition.id, definition.version, answers, overrides)


def check_answer(
    definition: Definition, qid: str, payload: object, *, today: datetime.date | None = None,
    values: Mapping[str, object] | None = None,
) -> tuple[Answer | None, list[Problem]]:
    """Check one answer payload (bare value or object) for question ``qid``.

    Returns the typed answer (None for a ``null`` payload, i.e. not answered) and the list
    of problems; the answer is None whenever there is a problem.

    A save passes ``today`` (its date, read by ``today()``) and ``values`` (the other answers
    by id, as expressions read them): the question's ``constraint`` is then checked on an
    answered value. Without ``today`` it is not, so that stored answers keep counting when the
    date or other answers move on (XLSForm checks a constraint when the value is entered).
    """
    location = f"answers.{qid}"
    question = definition.question_map.get(qid)
    if question is None:
        return None, [_unknown_question(definition, qid, location)]
    if payload is None:
        return None, []
    if not isinstance(payload, Mapping):
        answer, problems = _bare_answer(question, payload, location)
    else:
        problems = _unknown_keys(payload, ANSWER_KEYS, location, qid)
        answer = _typed_answer(question, payload, location, problems)
    if not problems and today is not None:
        problems = check_constraint(question, answer, today, values or {})
    return (answer, []) if not problems else (None, problems)


def check_constraint(question: Question, answer: Answer, today: datetime.date,
                     values: Mapping[str, object]) -> list[Problem]:
    """The problem of an answered value its question's ``constraint`` refuses (none otherwise,
    nor when the constraint does not parse: validation reports that)."""
    if question.constraint is None or answer.status != "answered":
        return []
    try:
        expression = parse(question.constraint)
    except ExpressionError:
        return []
    if expression.evaluate(ChainMap({question.id: answer.value}, values), current=answer.value, today=today):
        return []
    return [Catalog.CONSTRAINT.at(f"answers.{question.id}.value", question=question.id,
                                  constraint=question.constraint)]


def check_override(
    definition: Definition, qid: str, payload: object
) -> tuple[Override | None, list[Problem]]:
    """Check one override payload ``{"score": 0-100, "justification": "..."}`` for ``qid``."""
    location = f"overrides.{qid}"
    question = definition.question_map.get(qid)
    if question is None:
        return None, [_unknown_question(definition, qid, location)]
    if not isinstance(payload, Mapping):
        return None, [Catalog.WRONG_TYPE__OVERRIDE.at(location, question=qid)]
    problems = _unknown_keys(payload, OVERRIDE_KEYS, location, qid)
    if not is_scored(question):
        problems.append(Catalog.OVERRIDE_UNSCORED.at(location, question=qid))
    score = _override_score(payload.get("score"), f"{location}.score", qid, problems)
    justification = _justification(payload, location, qid, problems)
    if problems:
        return None, problems
    return Override(qid, score, justification), []


# ---------------------------------------------------------------- checks


def _check_header(definition: Definition, raw: Mapping) -> list[Problem]:
    problems = []
    for key, expected in (("questionnaire", definition.id), ("version", definition.version)):
        found = raw.get(key)
        if found is None:
            problems.append(Catalog.REQUIRED.at(key, key=key, expected=expected))
        elif str(found) != expected:
            problems.append(_MISMATCH[key].at(key, found=found, expected=expected))
    return problems


def _section(
    definition: Definition, raw: Mapping, key: str, check, problems: list[Problem]
) -> dict:
    entries = raw.get(key)
    if entries is None:
        return {}
    if not isinstance(entries, Mapping):
        problems.append(Catalog.WRONG_TYPE__SECTION.at(key, key=key))
        return {}
    checked = {}
    for qid, payload in entries.items():
        item, found = check(definition, str(qid), payload)
        problems.extend(found)
        if item is not None:
            checked[str(qid)] = item
    return checked


def _bare_answer(
    question: Question, raw: object, location: str
) -> tuple[Answer | None, list[Problem]]:
    # The common case (a bare value) skips the object-form checks.
    try:
        return Answer(question.id, "answered", coerce_value(question, raw)), []
    except CoercionError as error:
        return None, [error.at(f"{location}.value", question.id)]


def _typed_answer(
    question: Question, payload: Mapping, location: str, problems: list[Problem]
) -> Answer | None:
    status = payload.get("status", "answered")
    if status not in ANSWER_STATUSES:
        problems.append(Catalog.INVALID_STATUS.at(f"{location}.status", question=question.id,
                                                  statuses=", ".join(ANSWER_STATUSES), status=status))
        return None
    value = _STATUS_CHECKS[status](question, payload, location, problems)
    justification = _optional_text(payload, "justification", location, question.id, problems)
    evidence = _evidence(payload.get("evidence"), f"{location}.evidence", question.id, problems)
    accepted = _accepted(payload.get("evidence_accepted"), location, question.id, problems)
    return Answer(question.id, status, value, justification, evidence, accepted)


def _answered(
    question: Question, payload: Mapping, location: str, problems: list[Problem]
) -> object:
    raw = payload.get("value")
    if raw is None:
        problems.append(Catalog.VALUE_REQUIRED.at(f"{location}.value", question=question.id))
        return None
    try:
        return coerce_value(question, raw)
    except CoercionError as error:
        problems.append(error.at(f"{location}.value", question.id))
        return None


def _not_applicable(
    question: Question, payload: Mapping, location: str, problems: list[Problem]
) -> None:
    if not question.allow_na:
        problems.append(Catalog.NA_NOT_ALLOWED.at(f"{location}.status", question=question.id))
    if _blank(payload.get("justification")):
        entry = Catalog.JUSTIFICATION_REQUIRED
        problems.append(entry.at(f"{location}.justification", question=question.id))
    _no_value(payload, location, question.id, problems)


def _unknown(question: Question, payload: Mapping, location: str, problems: list[Problem]) -> None:
    if not question.allow_unknown:
        problems.append(Catalog.UNKNOWN_NOT_ALLOWED.at(f"{location}.status", question=question.id))
    _no_value(payload, location, question.id, problems)


_STATUS_CHECKS = {"answered": _answered, "na": _not_applicable, "unknown": _unknown}


def _no_value(payload: Mapping, location: str, qid: str, problems: list[Problem]) -> None:
    if payload.get("value") is not None:
        status = payload.get("status")
        problems.append(Catalog.VALUE_WITH_STATUS.at(f"{location}.value", question=qid, status=status))


def _optional_text(
    payload: Mapping, key: str, location: str, qid: str, problems: list[Problem]
) -> str | None:
    text = payload.get(key)
    if text is not None and not isinstance(text, str):
        problems.append(Catalog.WRONG_TYPE__FIELD_TEXT.at(f"{location}.{key}", question=qid, key=key))
        return None
    if text is not None and len(text) > MAX_TEXT:
        problems.append(Catalog.TOO_LONG.at(f"{location}.{key}", question=qid, limit=f"{MAX_TEXT:,}",
                                            length=f"{len(text):,}"))
        return None
    return text


def _justification(
    payload: Mapping, location: str, qid: str, problems: list[Problem]
) -> str | None:
    text = _optional_text(payload, "justification", location, qid, problems)
    if _blank(payload.get("justification")):
        entry = Catalog.JUSTIFICATION_REQUIRED__OVERRIDE
        problems.append(entry.at(f"{location}.justification", question=qid))
    return text


def _evidence(raw: object, location: str, qid: str, problems: list[Problem]) -> tuple:
    if raw is None:
        return ()
    if not isinstance(raw, list | tuple):
        problems.append(Catalog.WRONG_TYPE__EVIDENCE.at(location, question=qid))
        return ()
    for index, item in enumerate(raw):
        if not (isinstance(item, Mapping) or isinstance(item, str) and item.strip()):
            problems.append(Catalog.INVALID_EVIDENCE.at(f"{location}[{index}]", question=qid))
    return tuple(raw)


def _accepted(raw: object, location: str, qid: str, problems: list[Problem]) -> bool | None:
    if raw is not None and not isinstance(raw, bool):
        entry = Catalog.WRONG_TYPE__EVIDENCE_ACCEPTED
        problems.append(entry.at(f"{location}.evidence_accepted", question=qid))
        return None
    return raw


def _override_score(
    raw: object, location: str, qid: str, problems: list[Problem]
) -> Decimal | None:
    number = to_decimal(raw) if isinstance(raw, int | float | Decimal) else None
    if number is None:
        problems.append(Catalog.WRONG_TYPE__OVERRIDE_SCORE.at(location, question=qid))
    elif not 0 <= number <= 100:
        problems.append(Catalog.OUT_OF_RANGE__OVERRIDE_SCORE.at(location, question=qid, score=number))
    return number


def _unknown_keys(
    payload: Mapping, allowed: tuple[str, ...], location: str, qid: str
) -> list[Problem]:
    problems = []
    for key in payload:
        if key not in allowed:
            hint = _did_you_mean(str(key), allowed)
            problems.append(Catalog.UNKNOWN_KEY__ANSWER.at(f"{location}.{key}", question=qid, key=key,
                                                           hint=hint, allowed=", ".join(allowed)))
    return problems


def _unknown_question(definition: Definition, qid: str, location: str) -> Problem:
    hint = _did_you_mean(qid, definition.question_map)
    return Catalog.UNKNOWN_QUESTION.at(location, question=qid, question_id=qid, questionnaire=definition.id,
                                       version=definition.version, hint=hint)


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _blank(text: object) -> bool:
    # A justification of the wrong type is reported once, as wrong_type, not also as missing.
    return text is None or isinstance(text, str) and not text.strip()
