"""Answer files on disk and answers back to plain data (for exports and carry-forward)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import yaml

from scoring.answers.check import parse_answers
from scoring.answers.model import Answer, AnswerSet, Override
from scoring.definition.model import Definition
from scoring.problems.catalog import Catalog
from scoring.problems.problem import AnswersError


def read_answers_file(path: str | Path) -> object:
    """Decode an answers file: JSON for ``.json``, YAML otherwise; raise AnswersError if unreadable.

    JSON numbers with a fraction part are read as Decimal, so no binary rounding happens.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".json":
            return json.loads(text, parse_float=Decimal)
        return yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as error:
        lines = str(error).splitlines() or [type(error).__name__]
        raise AnswersError([Catalog.UNREADABLE.at(path.name, error=lines[0])]) from None


def load_answers(definition: Definition, path: str | Path) -> AnswerSet:
    """Read and check an answers file against ``definition``."""
    return parse_answers(definition, read_answers_file(path))


def answers_document(answer_set: AnswerSet) -> dict:
    """An AnswerSet as the plain data of an answers file (parses back to an equal AnswerSet)."""
    return {
        "questionnaire": answer_set.questionnaire,
        "version": answer_set.version,
        "answers": {qid: answer_payload(a) for qid, a in answer_set.answers.items()},
        "overrides": {qid: override_payload(o) for qid, o in answer_set.overrides.items()},
    }


def answer_payload(answer: Answer) -> object:
    """A bare value for a plain answer, else the object form with only the keys that are set."""
    plain = answer.status == "answered" and answer.justification is None
    if plain and not answer.evidence and answer.evidence_accepted is None:
        return json_value(answer.value)
    payload: dict = {}
    if answer.status == "answered":
        payload["value"] = json_value(answer.value)
    payload["status"] = answer.status
    for key in ("justification", "evidence_accepted"):
        if getattr(answer, key) is not None:
            payload[key] = getattr(answer, key)
    if answer.evidence:
        payload["evidence"] = list(answer.evidence)
    return payload


def override_payload(override: Override) -> dict:
    """The object form of one override."""
    return {"score": json_value(override.score), "justification": override.justification}


def json_value(value: object) -> object:
    """A typed answer value as JSON data: exact numbers where possible, tuples as lists."""
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Decimal):
        return decimal_json(value)
    return value


def decimal_json(number: Decimal) -> int | float | str:
    """An int when integral, a float when it spells the same number, else the exact text."""
    if number == number.to_integral_value():
        return int(number)
    as_float = float(number)
    return as_float if Decimal(repr(as_float)) == number else format(number, "f")
