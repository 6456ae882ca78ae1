"""An API answer save's reads in one statement: who calls, and what the save needs.

A save with a bearer token reads the token's user together with the assessment, its
questionnaire version, the current answer and whether it has evidence: one statement and one
round trip rather than two, for the application's most frequent request. The checks are the
ones the separate reads make (``auth.queries.user_by_token``, ``assessments.locking``).
"""

from __future__ import annotations

from typing import NamedTuple

from mgf_assess.assessments.locking import CurrentAnswer, answer_read_of, with_answer_read
from mgf_assess.assessments.models import Assessment
from mgf_assess.auth import queries as accounts
from mgf_assess.auth.models import User
from mgf_assess.extensions import db

# Built once: statements are immutable, only their parameters change.
_CALLER_AND_ANSWER = with_answer_read(accounts.token_user_query())


class CallerAndAnswer(NamedTuple):
    caller: User
    found: tuple[Assessment, CurrentAnswer] | None  # None: no such assessment


def caller_and_answer(token: str, assessment_id: int, qid: str) -> CallerAndAnswer | None:
    """The active user behind ``token`` (noting the token's use) with the assessment and its
    answer to ``qid``; None when the token is not a valid one."""
    digest = accounts.digest_of_token(token)
    if digest is None:
        return None
    row = db.session.execute(_CALLER_AND_ANSWER, {"digest": digest, "id": assessment_id, "qid": qid}).first()
    caller = accounts.accepted_token_user(row)
    return None if caller is None else CallerAndAnswer(caller, answer_read_of(row))
