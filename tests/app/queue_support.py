"""Helpers of the review tests: assessments put in a review state directly (the transitions
are not what these tests are about), with queries, comments and overrides as rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import qrich

from mgf_assess.extensions import db
from mgf_assess.review.models import ReviewComment, ScoreOverride

SUBMITTED = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def in_state(state: str, country="KEN", cycle=2026, submitted=SUBMITTED, answers=None):
    """An assessment on the rich questionnaire, put in ``state`` (submitted at ``submitted``)."""
    assessment = qrich.open_assessment(country=country, cycle=cycle, answers=answers if answers is not None else {})
    assessment.state = state
    assessment.submitted_at = submitted if state != "draft" else None
    assessment.updated_at = submitted
    db.session.commit()
    return assessment


def thread(assessment, kind="query", status="open", internal=False, text="Please explain", at=None,
           question="r_health", replies=0):
    """A thread's first message and ``replies`` replies; ``status`` only for a query."""
    first = ReviewComment(assessment_id=assessment.id, question_id=question, kind=kind, internal=internal,
                          status=status if kind == "query" else None, text=text,
                          created_at=at or SUBMITTED + timedelta(days=1))
    db.session.add(first)
    db.session.flush()
    for number in range(replies):
        db.session.add(ReviewComment(assessment_id=assessment.id, question_id=question, kind=kind,
                                     reply_to_id=first.id, text=f"Reply {number}", created_at=first.created_at))
    db.session.commit()
    return first


def override(assessment, question="c_plan", score=100, justification="Plan seen in the gazette"):
    db.session.add(ScoreOverride(assessment_id=assessment.id, question_id=question, score=score,
                                 justification=justification))
    db.session.commit()


def reviewed_snapshot(assessment, overrides: dict, kind="reviewed"):
    """A snapshot of ``kind`` recording the current answers with ``overrides`` (qid → (score,
    justification)), as the review's accept and validate steps record it."""
    from mgf_assess.assessments.scoring_bridge import definition_for, snapshot_inputs
    from mgf_assess.results.models import ScoreSnapshot, summary_of
    from scoring.api import parse_answers, result_dict, score

    inputs = snapshot_inputs(assessment)
    inputs["answers"]["overrides"] = {qid: {"score": value, "justification": why}
                                      for qid, (value, why) in overrides.items()}
    definition = definition_for(assessment)
    result = result_dict(score(definition, parse_answers(definition, inputs["answers"])))
    snapshot = ScoreSnapshot(assessment_id=assessment.id, kind=kind, result=result, summary=summary_of(result),
                             **inputs)
    db.session.add(snapshot)
    db.session.commit()
    return snapshot
