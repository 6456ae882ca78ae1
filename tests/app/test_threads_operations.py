"""The review's thread operations: opening, replying, resolving, their refusals and their audit;
and the counts of open queries."""

import pytest
from threads_support import by_email, people, reviewed_assessment, set_state, write_thread

from mgf_assess.assessments.errors import NotEditable
from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.core.errors import OperationError
from mgf_assess.core.limits import TEXT_MAX
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db
from mgf_assess.review.models import ReviewComment
from mgf_assess.review.threads import operations, queries


@pytest.fixture
def setup(app, make_user, tmp_path):
    assessment_id = reviewed_assessment(app, tmp_path / "q")
    return assessment_id, people(app, make_user)


def _audit(action):
    return db.session.scalars(db.select(AuditEvent).filter_by(action=action).order_by(AuditEvent.id)).all()


def test_a_query_is_opened_audited_and_answered_in_its_thread(app, setup):
    assessment_id, who = setup
    root_id = write_thread(app, assessment_id, who["evaluator"], text="  Which law?  ")
    with app.app_context():
        assessment, root = db.session.get(Assessment, assessment_id), db.session.get(ReviewComment, root_id)
        answer = operations.reply(by_email(who["focal_point"]), assessment, root, "The Act of 2011.")
        db.session.commit()
        assert (root.text, root.kind, root.status, root.internal) == ("Which law?", "query", "open", False)
        assert (answer.question_id, answer.kind, answer.reply_to_id, answer.status) == ("q_yes", "query", root_id, None)
        assert answer.author.email == who["focal_point"] and answer.created_at is not None
        [first, second] = _audit("comment.create")
        assert first.new_value == {"kind": "query", "question": "q_yes", "reply_to": None, "internal": False}
        assert second.new_value == {"kind": "query", "question": "q_yes", "reply_to": root_id, "internal": False}
        assert first.country_code == "KEN" and first.object_id == str(root_id)


def test_resolving_and_reopening_a_query(app, setup):
    assessment_id, who = setup
    root_id = write_thread(app, assessment_id, who["evaluator"])
    with app.app_context():
        assessment, root = db.session.get(Assessment, assessment_id), db.session.get(ReviewComment, root_id)
        evaluator = by_email(who["evaluator"])
        operations.resolve(evaluator, assessment, root)
        assert (root.status, root.resolved_by_id) == ("resolved", evaluator.id) and root.resolved_at
        with pytest.raises(NotEditable, match="resolved already"):
            operations.resolve(evaluator, assessment, root)
        operations.reopen(evaluator, assessment, root)
        assert (root.status, root.resolved_by_id, root.resolved_at) == ("open", None, None)
        assert [e.new_value for e in _audit("comment.resolve")] == [{"status": "resolved"}]
        assert [e.old_value for e in _audit("comment.reopen")] == [{"status": "resolved"}]


def test_a_comment_is_not_resolved(app, setup):
    assessment_id, who = setup
    root_id = write_thread(app, assessment_id, who["evaluator"], kind="comment")
    with app.app_context():
        root = db.session.get(ReviewComment, root_id)
        assert root.status is None
        with pytest.raises(OperationError) as refused:
            operations.resolve(None, db.session.get(Assessment, assessment_id), root)
        assert "comment" in refused.value.problems


@pytest.mark.parametrize(("qid", "kind", "text", "internal", "field"), [
    ("q_nope", "query", "Why?", False, "question"),
    ("q_yes", "question", "Why?", False, "kind"),
    ("q_yes", "query", "   ", False, "text"),
    ("q_yes", "query", "x" * (TEXT_MAX + 1), False, "text"),
    ("q_yes", "query", "Why?", True, "internal"),
])
def test_bad_input_is_refused_located_and_changes_nothing(app, setup, qid, kind, text, internal, field):
    assessment_id, who = setup
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        with pytest.raises(OperationError) as refused:
            operations.open_thread(by_email(who["evaluator"]), assessment, qid, kind=kind, text=text,
                                   internal=internal)
        assert list(refused.value.problems) == [field]
        db.session.rollback()
        assert db.session.scalar(db.select(db.func.count()).select_from(ReviewComment)) == 0


def test_the_longest_text_is_accepted(app, setup):
    assessment_id, who = setup
    root_id = write_thread(app, assessment_id, who["evaluator"], text="x" * TEXT_MAX)
    with app.app_context():
        assert len(db.session.get(ReviewComment, root_id).text) == TEXT_MAX


@pytest.mark.parametrize("state", ["draft", "submitted", "returned", "reviewed", "validated"])
def test_threads_open_only_in_review(app, setup, state):
    assessment_id, who = setup
    set_state(app, assessment_id, state)
    with app.app_context(), pytest.raises(NotEditable) as refused:
        operations.open_thread(None, db.session.get(Assessment, assessment_id), "q_yes", kind="query", text="Why?")
    assert ("locked" in str(refused.value)) is (state == "validated")


@pytest.mark.parametrize(("state", "allowed"), [("draft", False), ("submitted", False), ("in_review", True),
                                                ("returned", True), ("reviewed", False), ("validated", False)])
def test_replies_and_resolutions_in_review_and_returned_only(app, setup, state, allowed):
    assessment_id, who = setup
    root_id = write_thread(app, assessment_id, who["evaluator"])
    set_state(app, assessment_id, state)
    with app.app_context():
        assessment, root = db.session.get(Assessment, assessment_id), db.session.get(ReviewComment, root_id)
        for write in (lambda: operations.reply(None, assessment, root, "Yes."),
                      lambda: operations.resolve(None, assessment, root)):
            if allowed:
                write()
            else:
                with pytest.raises(NotEditable):
                    write()


def test_open_query_counts_per_question_area_and_domain(app, setup):
    assessment_id, who = setup
    for qid, kind in (("q_yes", "query"), ("q_yes", "query"), ("q_number", "query"), ("q_plan", "comment")):
        write_thread(app, assessment_id, who["evaluator"], qid=qid, kind=kind)
    resolved = write_thread(app, assessment_id, who["evaluator"], qid="q_plan")
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        operations.resolve(None, assessment, db.session.get(ReviewComment, resolved))
        assert queries.open_query_counts(assessment) == {"q_yes": 2, "q_number": 1}
        counts = queries.open_queries(assessment, definition_for(assessment))
        assert counts.areas == {"services": 2, "data": 1} and counts.domains == {"rights": 3}
        assert counts.total == 3


def test_internal_threads_are_left_out_for_the_country(app, setup):
    assessment_id, who = setup
    write_thread(app, assessment_id, who["evaluator"], kind="comment", text="internal", internal=True)
    write_thread(app, assessment_id, who["evaluator"], kind="comment", text="for the country")
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        seen = {role: [t.root.text for t in queries.visible_threads(by_email(who[role]), assessment)]
                for role in who}
        assert seen["evaluator"] == seen["admin"] == ["internal", "for the country"]
        for role in ("focal_point", "contributor", "other_contributor"):
            assert seen[role] == ["for the country"]
        assert seen["analyst"] == seen["other_evaluator"] == []
