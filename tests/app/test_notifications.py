"""Notifications: who each transition and each message tells, in the application and by mail
(one mail each, in the recipient's language, through the outbox), the page, the header count,
marking read."""

import pytest
import qfiles
from assess_helpers import open_assessment, publish, save
from conftest import login
from mail_support import outbox, serving
from threads_support import assign, by_email, people, reviewed_assessment, write_thread

from mgf_assess.assessments import operations as assessment_operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.auth.models import User
from mgf_assess.extensions import db
from mgf_assess.mail.delivery import deliver_due
from mgf_assess.notifications import operations
from mgf_assess.notifications.models import Notification
from mgf_assess.notifications.texts import text_of
from mgf_assess.review.models import ReviewComment
from mgf_assess.review.threads import operations as review


@pytest.fixture
def setup(app, make_user, tmp_path):
    assessment_id = reviewed_assessment(app, tmp_path / "q")
    who = people(app, make_user)
    assign(app, assessment_id, who["contributor"])
    return assessment_id, who


@pytest.fixture
def smtp(app):
    yield from serving(app)


def _told(app) -> dict[str, list[str]]:
    """Notification kinds by recipient's e-mail."""
    with app.app_context():
        rows = db.session.scalars(db.select(Notification).order_by(Notification.id)).all()
        told: dict[str, list[str]] = {}
        for row in rows:
            told.setdefault(db.session.get(User, row.user_id).email, []).append(row.kind)
        return told


def _notify_transition(app, assessment_id, name, actor=None, comment=None):
    with app.app_context():
        actor = by_email(actor) if actor else None
        operations.notify_transition(actor, db.session.get(Assessment, assessment_id), name, comment)
        db.session.commit()


@pytest.mark.parametrize(("name", "groups"), [
    ("submit", {"evaluator"}), ("start_review", {"focal_point"}), ("return", {"focal_point"}),
    ("accept", {"focal_point"}), ("validate", {"evaluator"}), ("reopen", {"focal_point", "evaluator"}),
    ("publish", set()), ("a_future_transition", set()),
])
def test_who_each_transition_tells(app, setup, name, groups):
    assessment_id, who = setup
    _notify_transition(app, assessment_id, name)
    told = _told(app)
    assert set(told) == {who[group] for group in groups}
    assert all(kinds == [f"assessment.{name}"] for kinds in told.values())
    assert len(outbox(app, kind="notification")) == len(groups)


def test_nobody_is_told_of_their_own_action(app, setup):
    assessment_id, who = setup
    _notify_transition(app, assessment_id, "reopen", actor=who["evaluator"])
    assert set(_told(app)) == {who["focal_point"]}


def test_a_query_tells_the_focal_points_and_the_sections_contributors(app, setup):
    assessment_id, who = setup
    write_thread(app, assessment_id, who["evaluator"], qid="q_yes")  # area services: assigned
    write_thread(app, assessment_id, who["evaluator"], qid="q_number")  # area data: not assigned
    told = _told(app)
    assert told == {who["focal_point"]: ["comment.query", "comment.query"], who["contributor"]: ["comment.query"]}


def test_a_reply_tells_the_thread_never_the_author_of_the_reply(app, setup):
    assessment_id, who = setup
    root_id = write_thread(app, assessment_id, who["evaluator"])
    with app.app_context():
        db.session.execute(db.delete(Notification))
        assessment, root = db.session.get(Assessment, assessment_id), db.session.get(ReviewComment, root_id)
        review.reply(by_email(who["contributor"]), assessment, root, "The Act.")
        review.reply(by_email(who["focal_point"]), assessment, root, "And the decree.")
        db.session.commit()
    assert _told(app) == {who["evaluator"]: ["comment.reply", "comment.reply"], who["contributor"]: ["comment.reply"]}


def test_internal_comments_never_tell_the_country(app, setup):
    assessment_id, who = setup
    root_id = write_thread(app, assessment_id, who["evaluator"], kind="comment", text="internal", internal=True)
    assert _told(app) == {}
    with app.app_context():
        assessment, root = db.session.get(Assessment, assessment_id), db.session.get(ReviewComment, root_id)
        review.reply(by_email(who["admin"]), assessment, root, "Agreed.")
        db.session.commit()
    assert _told(app) == {who["evaluator"]: ["comment.reply"]}


def test_a_submission_tells_the_evaluators_by_mail_in_their_language(app, client, make_user, tmp_path):
    publish(app, tmp_path / "q", qfiles.definition(status="published"))
    assessment_id = open_assessment(app, family="demo")
    for qid in ("q_one", "q_two"):
        save(app, assessment_id, qid, "yes")
    evaluator = make_user("evaluator", None, evaluated=("KEN",), language="es", name="Eva")
    make_user("evaluator", None, evaluated=("MEX",))
    login(client, make_user("focal_point", "KEN", name="Amina Focal"))
    client.post(f"/assessments/{assessment_id}/transitions", data={"action": "submit", "comment": "Ready"})
    assert _told(app) == {evaluator: ["assessment.submit"]}
    [mail] = outbox(app, kind="notification")
    assert (mail.recipient, mail.language) == (evaluator, "es")
    assert "Kenia" in mail.subject and "Amina Focal" in mail.body_text and "Ready" in mail.body_text
    assert f"http://127.0.0.1:5000/assessments/{assessment_id}" in mail.body_text


def test_a_return_reaches_the_focal_points_mailbox(app, setup, smtp):
    assessment_id, who = setup
    _notify_transition(app, assessment_id, "return", actor=who["evaluator"], comment="Add the decree, please.")
    with app.app_context():
        assert deliver_due().sent == 1
    [message] = smtp.messages
    assert message["To"] == who["focal_point"]
    assert "returned the assessment of Kenya 2026" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    assert "Eva Luator" in text and "Add the decree, please." in text
    assert f"/assessments/{assessment_id}" in text and message.get_body(("html",)) is not None


def _return_through_the_operation(app, client, assessment_id, who, reason):
    with app.app_context():
        assessment_operations.run_transition(by_email(who["evaluator"]), db.session.get(Assessment, assessment_id),
                                             "return", comment=reason)
        db.session.commit()


def _return_through_the_page(app, client, assessment_id, who, reason):
    login(client, who["evaluator"])
    response = client.post(f"/assessments/{assessment_id}/transitions", data={"action": "return", "comment": reason})
    assert response.status_code == 302


@pytest.mark.parametrize("make_return", [_return_through_the_operation, _return_through_the_page])
def test_a_real_return_transition_reaches_the_focal_points_mailbox(app, client, setup, smtp, make_return):
    assessment_id, who = setup
    make_return(app, client, assessment_id, who, "Attach the adopted decree, please.")
    with app.app_context():
        assert db.session.get(Assessment, assessment_id).state == "returned"
        assert deliver_due().sent == 1
    [message] = smtp.messages
    assert message["To"] == who["focal_point"]
    assert "returned the assessment of Kenya 2026" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    assert "Eva Luator" in text and "Attach the adopted decree, please." in text
    assert f"http://127.0.0.1:5000/assessments/{assessment_id}" in text


def test_texts_are_worded_in_the_readers_language(app, setup):
    assessment_id, who = setup
    write_thread(app, assessment_id, who["evaluator"], qid="q_number")
    with app.app_context():
        notification = db.session.scalars(db.select(Notification)).first()
        assert "Kenia" in text_of(notification, "es") and "Kenya" in text_of(notification, "en")
        assert "1.2.1" in text_of(notification, "en")  # the question's number on its section page


def test_the_page_the_header_count_and_marking_read(app, client, setup):
    assessment_id, who = setup
    write_thread(app, assessment_id, who["evaluator"], qid="q_yes", text="Which law?")
    write_thread(app, assessment_id, who["evaluator"], qid="q_number", text="Which year?")
    login(client, who["focal_point"])
    page = client.get("/notifications").get_data(as_text=True)
    assert 'data-unread="2"' in page and "Which law?" in page
    assert f"/assessments/{assessment_id}/areas/services#q-q_yes" in page
    with app.app_context():
        first, second = db.session.scalars(db.select(Notification.id).filter_by(
            user_id=by_email(who["focal_point"]).id).order_by(Notification.id)).all()
        contributors = db.session.scalar(db.select(Notification.id).filter_by(user_id=by_email(who["contributor"]).id))
    assert client.post(f"/notifications/{contributors}/read").status_code == 404
    assert client.post(f"/notifications/{first}/read").status_code == 302
    assert 'data-unread="1"' in client.get("/notifications").get_data(as_text=True)
    client.post("/notifications/read")
    assert "data-unread" not in client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert second
