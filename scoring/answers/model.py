"""Types of checked answers: Answer, Override, AnswerSet (their problems are ``scoring.problems``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple


class Answer(NamedTuple):
    """One checked answer. ``value`` is typed (see ``scoring.answers.coerce``) and None unless answered.

    A named tuple rather than a frozen dataclass: as immutable, and much cheaper to build.
    """

    question: str
    status: str = "answered"
    value: object = None
    justification: str | None = None
    evidence: tuple = ()
    evidence_accepted: bool | None = None

    @property
    def has_evidence(self) -> bool:
        """At least one evidence item, not rejected by an evaluator."""
        return bool(self.evidence) and self.evidence_accepted is not False


class Override(NamedTuple):
    """An evaluator's score for one question, replacing the self-assessed one."""

    question: str
    score: Decimal
    justification: str


@dataclass(frozen=True)
class AnswerSet:
    """The checked answers and overrides of one assessment against one definition version."""

    questionnaire: str
    version: str
    answers: Mapping[str, Answer] = field(default_factory=dict)
    overrides: Mapping[str, Override] = field(default_factory=dict)
