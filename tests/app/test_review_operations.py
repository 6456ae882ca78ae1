"""The review's writes: score overrides, evidence review, questions looked at; their policy
rules for every role, own and other country, and state; what they feed the scoring engine."""

from decimal import Decimal

import pytest
from review_support import ROLES, actions, policy_user, reviewable

from mgf_assess.assessments import workflow
from mgf_assess.assessments.errors import Locked, NotEditable
from mgf_assess.assessments.models import Assessment, Evidence
from mgf_assess.assessments.scoring_bridge import answers_document, score_assessment
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.limits import TEXT_MAX
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db
from mgf_assess.review import operations
from mgf_assess.review.models import ReviewMark, ScoreOverride
from mgf_assess.review.progress import review_progress

WRITES = ("override.set", "evidence.review", "review.mark")


@pytest.mark.parametrize("action", WRITES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("own", [True, False], ids=["own", "other"])
@pytest.mark.parametrize("state", workflow.STATES)
def test_who_may_review_in_which_state(action, role, own, state):
    user = policy_user(role, own)
    assessment = type("A", (), {"country_code": "KEN", "state": state})()
    reviewer = role == "admin" or (role == "evaluator" and own)
    assert policy.can(user, f"{action}.who", assessment) is reviewer
    assert policy.can(user, action, assessment) is (reviewer and state == "in_review")


def _get(assessment_id):
    return db.session.get(Assessment, assessment_id)


@pytest.fixture
def in_review(app, tmp_path):
    return reviewable(app, tmp_path / "q")


# ---- overrides -----------------------------------------------------------------------------

def test_an_override_is_set_changed_removed_and_audited(app, in_review):
    with app.app_context():
        operations.set_override(None, _get(in_review), "q_num", 80, "Enforcement is stronger than reported")
        operations.set_override(None, _get(in_review), "q_num", "62.5", "Revised after the visit")
        db.session.commit()
        assert db.session.scalars(db.select(ScoreOverride)).one().score == Decimal("62.5")
        assert operations.remove_override(None, _get(in_review), "q_num") is True
        assert operations.remove_override(None, _get(in_review), "q_num") is False
        db.session.commit()
        events = list(db.session.scalars(db.select(AuditEvent).filter(AuditEvent.action.like("override.%"))
                                         .order_by(AuditEvent.id)))
    assert [(e.action, e.old_value, e.new_value) for e in events] == [
        ("override.set", None, {"score": 80, "justification": "Enforcement is stronger than reported"}),
        ("override.set", {"score": 80, "justification": "Enforcement is stronger than reported"},
         {"score": 62.5, "justification": "Revised after the visit"}),
        ("override.remove", {"score": 62.5, "justification": "Revised after the visit"}, None)]


@pytest.mark.parametrize(("qid", "score", "justification", "field"), [
    ("q_num", 50, "", "justification"), ("q_num", 50, "   ", "justification"),
    ("q_num", 50, "x" * (TEXT_MAX + 1), "justification"), ("q_num", 100.5, "Why", "score"),
    ("q_num", -1, "Why", "score"), ("q_num", "12.345", "Why", "score"), ("q_num", "abc", "Why", "score"),
    ("q_num", "1,000.5", "Why", "score"), ("q_num", "6,2,5", "Why", "score"),
    ("q_num", float("nan"), "Why", "score"), ("q_num", True, "Why", "score"),
    ("q_note", 50, "Why", "question"), ("q_nothing", 50, "Why", "question")])
def test_a_bad_override_changes_nothing(app, in_review, qid, score, justification, field):
    with app.app_context():
        with pytest.raises(OperationError) as refused:
            operations.set_override(None, _get(in_review), qid, score, justification)
        db.session.rollback()
        assert field in refused.value.problems
        assert db.session.scalar(db.select(db.func.count()).select_from(ScoreOverride)) == 0


def test_a_score_at_the_limits_is_accepted(app, in_review):
    with app.app_context():
        for score in (0, 100, "99.99"):
            operations.set_override(None, _get(in_review), "q_num", score, "Limits")
        db.session.commit()


def test_a_decimal_comma_is_read_as_a_point(app, in_review):
    with app.app_context():
        operations.set_override(None, _get(in_review), "q_num", " 62,5 ", "Typed as in French")
        db.session.commit()
        assert db.session.scalars(db.select(ScoreOverride)).one().score == Decimal("62.5")


def test_overrides_feed_the_engine_beside_the_self_assessed_score(app, in_review):
    with app.app_context():
        operations.set_override(None, _get(in_review), "q_num", 90, "Stronger than reported")
        db.session.commit()
        document = answers_document(_get(in_review))
        result = score_assessment(_get(in_review))
    assert document["overrides"] == {"q_num": {"score": 90, "justification": "Stronger than reported"}}
    question = next(q for d in result["domains"] for a in d["areas"] for q in a["questions"] if q["id"] == "q_num")
    assert (question["status"], question["score"], question["self_score"]) == ("overridden", 90.0, 50.0)
    rights = next(d for d in result["domains"] if d["id"] == "rights")
    assert rights["score"] != rights["self_score"] and result["overall"]["score"] != result["overall"]["self_score"]


# ---- evidence review and confidence --------------------------------------------------------

def _evidence(assessment_id) -> Evidence:
    return db.session.scalars(db.select(Evidence).filter_by(assessment_id=assessment_id)).one()


def _confidence(assessment_id, review_done=None):
    result = score_assessment(_get(assessment_id), review_done=review_done)
    return next(d for d in result["domains"] if d["id"] == "mobility")["confidence"]


def test_evidence_is_accepted_or_rejected_with_a_note_and_audited(app, in_review):
    with app.app_context():
        item = _evidence(in_review)
        with pytest.raises(OperationError) as refused:
            operations.review_evidence(None, _get(in_review), item, "rejected", "  ")
        assert "note" in refused.value.problems
        with pytest.raises(OperationError):
            operations.review_evidence(None, _get(in_review), item, "maybe")
        operations.review_evidence(None, _get(in_review), item, "rejected", "The act was repealed in 2015")
        db.session.commit()
        assert (item.accepted, item.review_note) == (False, "The act was repealed in 2015")
        event = db.session.scalars(db.select(AuditEvent).filter_by(action="evidence.review")).one()
    assert event.old_value == {"question": "q_border", "status": None, "note": None}
    assert event.new_value == {"question": "q_border", "status": "rejected", "note": "The act was repealed in 2015"}


@pytest.mark.parametrize(("verdict", "review_done", "confidence"), [
    (None, False, 1.0),  # unreviewed evidence counts until the review is accepted
    (None, True, 0.0),  # afterwards only accepted evidence counts
    ("accepted", False, 1.0), ("accepted", True, 1.0),
    ("rejected", False, 0.0), ("rejected", True, 0.0)])
def test_confidence_counts_evidence_as_the_review_says(app, in_review, verdict, review_done, confidence):
    with app.app_context():
        if verdict:
            operations.review_evidence(None, _get(in_review), _evidence(in_review), verdict, "Checked")
            db.session.commit()
        assert _confidence(in_review, review_done) == confidence


def test_an_answer_counts_while_one_of_its_items_is_not_rejected(app, in_review):
    from mgf_assess.assessments import evidence as evidence_operations

    with app.app_context():
        _get(in_review).state = "returned"
        evidence_operations.add_evidence(None, _get(in_review), "q_border", kind="policy", citation="Border policy")
        _get(in_review).state = "in_review"
        first = db.session.scalars(db.select(Evidence).order_by(Evidence.id)).first()
        operations.review_evidence(None, _get(in_review), first, "rejected", "Repealed")
        db.session.commit()
        assert _confidence(in_review) == 1.0
        assert _confidence(in_review, review_done=True) == 0.0


# ---- questions looked at and progress ------------------------------------------------------

def test_marks_and_progress(app, in_review):
    with app.app_context():
        assert operations.mark_question(None, _get(in_review), "q_yes") is True
        assert operations.mark_question(None, _get(in_review), "q_yes") is False
        operations.mark_question(None, _get(in_review), "q_na")
        operations.mark_question(None, _get(in_review), "q_na", looked_at=False)
        operations.set_override(None, _get(in_review), "q_num", 10, "Weaker")
        operations.review_evidence(None, _get(in_review), _evidence(in_review), "accepted")
        db.session.commit()
        progress = review_progress(_get(in_review))
        assert db.session.scalar(db.select(db.func.count()).select_from(ReviewMark)) == 1
    assert (progress.questions, progress.looked_at, progress.overrides) == (5, 1, 1)
    assert (progress.evidence_total, progress.evidence_reviewed, progress.evidence_rejected) == (1, 1, 0)
    assert progress.open_queries == 0 and progress.looked_at_share == 0.2
    assert actions(app, "review.") == ["review.mark", "review.mark", "review.unmark"]


# ---- states: in review only; validated is locked -------------------------------------------

WRITE_CALLS = {
    "override": lambda a: operations.set_override(None, a, "q_num", 50, "Why"),
    "override removal": lambda a: operations.remove_override(None, a, "q_num"),
    "evidence review": lambda a: operations.review_evidence(None, a, _evidence(a.id), "accepted"),
    "mark": lambda a: operations.mark_question(None, a, "q_yes"),
}


@pytest.mark.parametrize("write", sorted(WRITE_CALLS))
@pytest.mark.parametrize("state", [s for s in workflow.STATES if s != "in_review"])
def test_review_writes_are_refused_outside_the_review(app, tmp_path, write, state):
    assessment_id = reviewable(app, tmp_path / "q", state)
    with app.app_context():
        expected = Locked if state == "validated" else NotEditable
        with pytest.raises(expected) as refused:
            WRITE_CALLS[write](_get(assessment_id))
        assert ("locked" in str(refused.value)) is (state == "validated")
    assert actions(app, "override.") == actions(app, "review.") == actions(app, "evidence.review") == []
