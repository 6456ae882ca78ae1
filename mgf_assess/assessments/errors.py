"""Refusals of answer saves and transitions, each carrying what the caller needs to show."""

from __future__ import annotations

from mgf_assess.core.errors import OperationError


class AnswerConflict(Exception):
    """The save was based on an old revision; ``current`` is the answer as it now stands."""

    def __init__(self, current):
        self.current = current
        super().__init__(f"answer {current.question_id} is at revision {current.revision}")


class DuplicateAssessment(OperationError):
    """The country already has an assessment of this questionnaire family for this cycle."""


class NotEditable(OperationError):
    """The assessment's state does not allow this change."""


class AnswerProblems(OperationError):
    """The answer is invalid; ``items`` lists every problem (location, code, message)."""

    def __init__(self, items: list[dict]):
        self.items = items
        super().__init__({item["location"]: item["message"] for item in items})


class NotReady(OperationError):
    """Submission refused: ``readiness`` lists the questions in the way (unanswered, carried
    over and not confirmed, without the evidence they require)."""

    def __init__(self, readiness):
        self.readiness = readiness
        problems = {}
        for name in ("missing", "unconfirmed", "evidence_missing"):
            problems.update({item["question"]: name for item in getattr(readiness, name)})
        super().__init__(problems)


class Locked(NotEditable):
    """The assessment is validated: nothing in it changes until an administrator reopens it."""


class OpenQueries(OperationError):
    """The review cannot be accepted while queries wait for the country; ``queries`` lists them
    (``ReviewComment`` rows: the first message of each open query)."""

    def __init__(self, queries: list):
        self.queries = queries
        super().__init__({"queries": _open_queries_text(len(queries))})


def _open_queries_text(count: int) -> str:
    from flask_babel import ngettext  # at the edge: only when the refusal is shown

    return ngettext("%(num)d query is still open: resolve it before accepting the review.",
                    "%(num)d queries are still open: resolve them before accepting the review.", count)
