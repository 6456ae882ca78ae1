"""A validated assessment is locked: every write is refused (operations, API, pages) and changes
nothing; publishing is not a write of the assessment; only an admin's reopen unlocks it."""

import pytest
from api_support import bearer, token_for
from review_support import actions, add_query, reviewable, set_state
from workbook_support import edit, multipart

from mgf_assess.assessments import carry, evidence, operations
from mgf_assess.assessments.errors import Locked
from mgf_assess.assessments.locking import lock_unlocked, refuse_if_locked
from mgf_assess.assessments.models import Assessment, Evidence
from mgf_assess.assessments.workbook.apply import import_workbook
from mgf_assess.assessments.workbook.export import build_workbook
from mgf_assess.auth import queries as account_queries
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db
from mgf_assess.review import operations as review


def _evidence(assessment):
    return db.session.scalars(db.select(Evidence).filter_by(assessment_id=assessment.id)).first()


def _contributor(assessment):
    return account_queries.user_by_email("contributor@example.org")


WRITES = {
    "answer save": lambda a: operations.save_answer(None, a, "q_yes", {"value": "no"}, 1),
    "answer confirm": lambda a: operations.confirm_answer(None, a, "q_yes", 1),
    "evidence add": lambda a: evidence.add_evidence(None, a, "q_yes", kind="law", citation="Act"),
    "evidence remove": lambda a: evidence.remove_evidence(None, a, _evidence(a)),
    "evidence review": lambda a: review.review_evidence(None, a, _evidence(a), "accepted"),
    "override set": lambda a: review.set_override(None, a, "q_num", 50, "Why"),
    "override remove": lambda a: review.remove_override(None, a, "q_num"),
    "mark": lambda a: review.mark_question(None, a, "q_yes"),
    "assignments": lambda a: operations.set_assignments(None, a, _contributor(a), ["rights"]),
    "carry-forward": lambda a: carry.apply(None, a),
    "review comment (threads)": lambda a: lock_unlocked(a),
}


@pytest.fixture
def validated(app, tmp_path, make_user):
    make_user(role="contributor", country="KEN", email="contributor@example.org")
    return reviewable(app, tmp_path / "q", "validated")


def _audit_count(app):
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(AuditEvent))


@pytest.mark.parametrize("write", sorted(WRITES))
def test_every_write_of_a_validated_assessment_is_refused(app, validated, write):
    before = _audit_count(app)
    with app.app_context():
        with pytest.raises(Locked, match="validated and locked.*administrator"):
            WRITES[write](db.session.get(Assessment, validated))
        db.session.rollback()
    assert _audit_count(app) == before


def test_the_workbook_import_is_refused(app, validated):
    with app.app_context():
        set_state(app, validated, "draft")
        data = build_workbook(db.session.get(Assessment, validated), None, "all", "en")
    changed = edit(data, {"q_yes": {"answer": "No"}})
    set_state(app, validated, "validated")
    with app.app_context(), pytest.raises(Locked):
        import_workbook(None, db.session.get(Assessment, validated), changed, apply=True)


def test_refuse_if_locked_lets_other_states_through(app, validated):
    with app.app_context():
        found = db.session.get(Assessment, validated)
        for state in ("draft", "submitted", "in_review", "returned", "reviewed"):
            found.state = state
            refuse_if_locked(found)
        found.state = "validated"
        with pytest.raises(Locked):
            refuse_if_locked(found)


# ---- over HTTP -----------------------------------------------------------------------------

@pytest.fixture
def focal(app, make_user):
    return bearer(token_for(app, make_user(role="focal_point", country="KEN")))


def test_the_api_answers_409_saying_the_assessment_is_locked(app, client, validated, focal):
    base = f"/api/v1/assessments/{validated}"
    with app.app_context():
        evidence_id = db.session.scalars(db.select(Evidence.id)).first()
    responses = [
        client.put(f"{base}/answers/q_yes", json={"value": "no", "base_revision": 1}, headers=focal),
        client.post(f"{base}/answers/q_yes/evidence", json={"kind": "law", "citation": "Act"}, headers=focal),
        client.delete(f"{base}/evidence/{evidence_id}", headers=focal),
        client.post(f"{base}/answers:import", headers=focal,
                    **multipart({"file": (b"PK not really", "answers.xlsx"), "apply": "true"})),
    ]
    for response in responses[:3]:
        assert response.status_code == 409 and "locked" in response.get_json()["error"]["title"]
    assert responses[3].status_code in (409, 422)
    assert actions(app, "answer.") == ["answer.save"] * 4 and actions(app, "evidence.") == ["evidence.add"]


LOCKED_TEXT = "validated and locked: nothing in it can change"


def test_the_pages_refuse_with_a_message(app, client, validated, login_as):
    login_as(role="focal_point", country="KEN")
    url = f"/assessments/{validated}"
    assert LOCKED_TEXT in client.get(url).get_data(as_text=True)
    with app.app_context():
        evidence_id = db.session.scalars(db.select(Evidence.id)).first()
    posts = [f"{url}/areas/services", f"{url}/answers/q_yes/confirm", f"{url}/answers/q_yes/evidence",
             f"{url}/evidence/{evidence_id}/remove", f"{url}/carry-forward"]
    for address in posts:
        response = client.post(address, data={"q_yes-value": "no"}, follow_redirects=True)
        assert response.status_code == 200 and response.request.path == url, address
        assert LOCKED_TEXT in response.get_data(as_text=True), address
    upload = client.post(f"{url}/workbook", **multipart({"file": (b"PK", "answers.xlsx")}))
    assert upload.status_code == 409 and LOCKED_TEXT in upload.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Assessment, validated).state == "validated"
    assert actions(app, "answer.") == ["answer.save"] * 4 and actions(app, "evidence.") == ["evidence.add"]


def test_assignments_are_refused_with_a_message(app, client, validated, login_as):
    login_as(role="focal_point", country="KEN")
    with app.app_context():
        contributor = account_queries.user_by_email("contributor@example.org").id
    response = client.post(f"/assessments/{validated}/assignments/{contributor}",
                           data={f"u{contributor}-scopes": ["rights"]}, follow_redirects=True)
    assert LOCKED_TEXT in response.get_data(as_text=True) and actions(app, "assignment.") == []


def test_publishing_is_allowed_and_only_reopening_unlocks(app, client, validated, make_user, focal):
    admin = bearer(token_for(app, make_user(role="admin", country=None)))
    transitions = f"/api/v1/assessments/{validated}/transitions"
    assert client.post(transitions, json={"action": "publish"}, headers=focal).status_code == 200
    override = {"score": 10, "justification": "Weaker"}
    assert client.put(f"/api/v1/assessments/{validated}/overrides/q_num", json=override,
                      headers=admin).status_code == 409
    reopened = client.post(transitions, json={"action": "reopen", "comment": "A figure was wrong"}, headers=admin)
    assert reopened.status_code == 200 and reopened.get_json()["state"] == "in_review"
    assert client.put(f"/api/v1/assessments/{validated}/overrides/q_num", json=override,
                      headers=admin).status_code == 200
    with app.app_context():
        assert db.session.get(Assessment, validated).published_at is None
    add_query(app, validated)
    assert actions(app, "assessment.")[-3:] == ["assessment.publish", "assessment.unpublish", "assessment.reopen"]
