"""API: saving answers with revisions, transitions, JSON errors, browser sessions, the document."""

import pytest
from api_support import add_evidence, bearer, open_assessment, publish, token_for
from conftest import csrf_token_from, login

from mgf_assess.assessments import carry, operations
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.auth import queries as account_queries
from mgf_assess.auth.models import ApiToken
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db


@pytest.fixture
def setup(app, tmp_path, make_user):
    """A published questionnaire, a Kenyan draft assessment and its focal point's token."""
    publish(app, tmp_path / "q")
    email = make_user(role="focal_point", country="KEN")
    return open_assessment(app), bearer(token_for(app, email))


def _put(client, assessment_id, qid, body, headers):
    return client.put(f"/api/v1/assessments/{assessment_id}/answers/{qid}", json=body, headers=headers)


def _stored(app, assessment_id, qid):
    with app.app_context():
        answer = db.session.scalar(db.select(Answer).filter_by(assessment_id=assessment_id, question_id=qid))
        return None if answer is None else (answer.value, answer.status, answer.revision)


# ---- saving ----------------------------------------------------------------------------------

def test_save_returns_the_answer_with_its_new_revision(app, client, setup):
    assessment_id, headers = setup
    first = _put(client, assessment_id, "q_num", {"value": 12.5, "base_revision": 0}, headers)
    assert first.status_code == 200 and first.get_json()["revision"] == 1 and first.get_json()["value"] == 12.5
    second = _put(client, assessment_id, "q_num", {"value": 3, "base_revision": 1}, headers).get_json()
    assert second == {**second, "question": "q_num", "value": 3, "status": "answered", "revision": 2,
                      "carried_over": False, "evidence": []}
    assert _stored(app, assessment_id, "q_num") == (3, "answered", 2)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).where(AuditEvent.action == "answer.save")) == 2


def test_not_applicable_and_unknown_statuses(app, client, setup):
    assessment_id, headers = setup
    body = {"status": "na", "justification": "No land borders", "base_revision": 0}
    assert _put(client, assessment_id, "q_na", body, headers).get_json()["justification"] == "No land borders"
    assert _put(client, assessment_id, "q_yes", {"status": "unknown", "base_revision": 0}, headers).status_code == 200
    assert _stored(app, assessment_id, "q_yes") == (None, "unknown", 1)


def test_stale_revision_is_a_conflict_with_the_current_answer(app, client, setup):
    assessment_id, headers = setup
    _put(client, assessment_id, "q_yes", {"value": "yes", "base_revision": 0}, headers)
    response = _put(client, assessment_id, "q_yes", {"value": "no", "base_revision": 0}, headers)
    body = response.get_json()
    assert response.status_code == 409 and body["error"]["status"] == 409
    assert body["current"]["value"] == "yes" and body["current"]["revision"] == 1
    assert _stored(app, assessment_id, "q_yes") == ("yes", "answered", 1)


def test_a_never_answered_question_needs_base_revision_zero(app, client, setup):
    assessment_id, headers = setup
    response = _put(client, assessment_id, "q_yes", {"value": "yes", "base_revision": 4}, headers)
    assert response.status_code == 422
    assert response.get_json()["error"]["problems"][0]["location"] == "base_revision"


def test_every_problem_is_listed_and_nothing_stored(app, client, setup):
    assessment_id, headers = setup
    response = _put(client, assessment_id, "q_yes", {"value": "perhaps", "status": "na", "base_revision": 0}, headers)
    problems = response.get_json()["error"]["problems"]
    assert response.status_code == 422
    assert {(p["location"], p["code"]) for p in problems} >= {("status", "na_not_allowed"), ("value", "value_with_status")}
    assert all(set(p) == {"location", "code", "message"} for p in problems)
    assert _stored(app, assessment_id, "q_yes") is None


@pytest.mark.parametrize(("body", "location"), [
    ({"value": "yes"}, "base_revision"), ({"value": "yes", "base_revision": "1"}, "base_revision"),
    ({"value": "yes", "base_revision": True}, "base_revision"), ({"value": "yes", "base_revision": -1}, "base_revision"),
    ({"value": "yes", "base_revision": 0, "status": "maybe"}, "status"),
    ({"value": "yes", "base_revision": 0, "justification": 5}, "justification"),
    ({"value": "yes", "base_revision": 0, "note": "x"}, "note"),
    ({"value": "yes", "base_revision": 0, "justification": "nul \u0000 byte"}, "justification")])
def test_malformed_bodies_are_422(app, client, setup, body, location):
    assessment_id, headers = setup
    response = _put(client, assessment_id, "q_yes", body, headers)
    assert response.status_code == 422 and location in {p["location"] for p in response.get_json()["error"]["problems"]}
    assert _stored(app, assessment_id, "q_yes") is None


@pytest.mark.parametrize(("data", "content_type", "status"), [
    ("{not json", "application/json", 400), ('{"value": "yes"}', "text/plain", 400),
    ("[1, 2]", "application/json", 422), ('"yes"', "application/json", 422), ("", "application/json", 400)])
def test_bodies_must_be_json_objects(client, setup, data, content_type, status):
    assessment_id, headers = setup
    response = client.put(f"/api/v1/assessments/{assessment_id}/answers/q_yes", data=data,
                          headers={**headers, "Content-Type": content_type})
    assert response.status_code == status and response.get_json()["error"]["title"]


def test_unknown_question_and_other_country_are_404(app, client, setup):
    assessment_id, headers = setup
    other = open_assessment(app, "MEX")
    assert _put(client, assessment_id, "q_nope", {"value": "yes", "base_revision": 0}, headers).status_code == 404
    assert _put(client, other, "q_yes", {"value": "yes", "base_revision": 0}, headers).status_code == 404
    assert _put(client, 2**40, "q_yes", {"value": "yes", "base_revision": 0}, headers).status_code == 404
    assert _put(client, other + 1, "q_yes", {"value": "yes", "base_revision": 0}, headers).status_code == 404


def test_a_token_save_is_the_token_users_and_notes_the_tokens_use(app, client, setup):
    """The token's user is read with the assessment (one statement): it is the save's author,
    and the token's last use is noted as for any other API call."""
    assessment_id, headers = setup
    with app.app_context():
        db.session.execute(db.update(ApiToken).values(last_used_at=None))
        db.session.commit()
    body = _put(client, assessment_id, "q_yes", {"value": "yes", "base_revision": 0}, headers).get_json()
    with app.app_context():
        token = db.session.scalar(db.select(ApiToken))
        event = db.session.scalar(db.select(AuditEvent).filter_by(action="answer.save"))
        assert token.last_used_at is not None
        assert event.actor_id == token.user_id == body["updated_by"]["id"]


def test_no_saves_once_submitted(app, client, setup):
    assessment_id, headers = setup
    with app.app_context():
        db.session.get(Assessment, assessment_id).state = "submitted"
        db.session.commit()
    response = _put(client, assessment_id, "q_yes", {"value": "yes", "base_revision": 0}, headers)
    assert response.status_code == 409 and "submitted" in response.get_json()["error"]["title"]


def test_contributors_save_only_in_their_assigned_areas(app, client, setup, make_user):
    assessment_id, _ = setup
    email = make_user(role="contributor", country="KEN")
    headers = bearer(token_for(app, email))
    with app.app_context():
        operations.set_assignments(None, db.session.get(Assessment, assessment_id),
                                   account_queries.user_by_email(email), ["mobility"])
        db.session.commit()
    assert _put(client, assessment_id, "q_border", {"value": "yes", "base_revision": 0}, headers).status_code == 200
    response = _put(client, assessment_id, "q_yes", {"value": "yes", "base_revision": 0}, headers)
    assert response.status_code == 403 and response.get_json()["error"]["status"] == 403


# ---- transitions -----------------------------------------------------------------------------

def _transition(client, assessment_id, body, headers):
    return client.post(f"/api/v1/assessments/{assessment_id}/transitions", json=body, headers=headers)


def test_submit_lists_missing_items_then_submits(app, client, setup):
    assessment_id, headers = setup
    refused = _transition(client, assessment_id, {"action": "submit"}, headers)
    assert refused.status_code == 422
    assert {m["question"] for m in refused.get_json()["error"]["missing"]} == {"q_yes", "q_na", "q_num", "q_border"}
    for qid, value in (("q_yes", "yes"), ("q_na", "no"), ("q_num", 5), ("q_border", "yes")):
        _put(client, assessment_id, qid, {"value": value, "base_revision": 0}, headers)
    unproven = _transition(client, assessment_id, {"action": "submit"}, headers).get_json()["error"]
    assert unproven["missing"] == [] and unproven["unconfirmed"] == []
    assert unproven["evidence_missing"] == [{"question": "q_border", "domain": "mobility", "area": "borders"}]
    assert add_evidence(client, assessment_id, "q_border", headers).status_code == 201
    done = _transition(client, assessment_id, {"action": "submit", "comment": "All done"}, headers)
    assert done.status_code == 200
    assert done.get_json() == {**done.get_json(), "state": "submitted", "previous_state": "draft", "action": "submit"}
    assert done.get_json()["snapshot"] > 0
    assert _transition(client, assessment_id, {"action": "submit"}, headers).status_code == 409


def test_unknown_action_is_422(client, setup):
    assessment_id, headers = setup
    response = _transition(client, assessment_id, {"action": "approve"}, headers)
    assert response.status_code == 422 and response.get_json()["error"]["problems"][0]["location"] == "action"


@pytest.mark.parametrize(("role", "country", "expected"), [
    ("contributor", "KEN", 403), ("evaluator", None, 403), ("focal_point", "MEX", 404)])
def test_who_may_submit(app, client, setup, make_user, role, country, expected):
    assessment_id, _ = setup
    email = make_user(role=role, country=country, evaluated=("KEN",) if role == "evaluator" else ())
    response = _transition(client, assessment_id, {"action": "submit"}, bearer(token_for(app, email)))
    assert response.status_code == expected


# ---- JSON errors everywhere, browser sessions, the document ---------------------------------

def test_errors_under_the_api_are_json(client, setup):
    _, headers = setup
    missing = client.get("/api/v1/no-such-thing", headers=headers)
    assert missing.status_code == 404 and missing.content_type == "application/json"
    refused = client.delete("/api/v1/assessments", headers=headers)
    assert refused.status_code == 405 and refused.get_json()["error"]["status"] == 405
    assert set(refused.headers["Allow"].split(", ")) >= {"GET", "POST"}


def test_browser_sessions_save_with_the_csrf_header(app, client, setup, make_user):
    assessment_id, _ = setup
    app.config["WTF_CSRF_ENABLED"] = True
    email = make_user(role="focal_point", country="KEN")
    token = csrf_token_from(client.get("/login").get_data(as_text=True))
    assert client.post("/login", data={"email": email, "password": "correct-horse-battery",
                                       "csrf_token": token}).status_code == 302
    body = {"value": "yes", "base_revision": 0}
    assert _put(client, assessment_id, "q_yes", body, {}).status_code == 400
    assert _put(client, assessment_id, "q_yes", body, {"X-CSRFToken": token}).status_code == 200


def test_session_without_sign_in_is_401(client, setup):
    assessment_id, _ = setup
    login(client, "nobody@example.org")
    assert _put(client, assessment_id, "q_yes", {"value": "yes", "base_revision": 0}, {}).status_code == 401


def test_the_document_describes_every_endpoint(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    described = {(path, method.upper()) for path, item in document["paths"].items() for method in item}
    routes = {(rule.rule.removeprefix("/api/v1").replace("<int:", "{").replace("<", "{").replace(">", "}"), method)
              for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/v1")
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert routes == described
    assert document["openapi"].startswith("3.1")


def test_submit_lists_carried_over_answers_not_confirmed(app, client, setup):
    assessment_id, headers = setup
    earlier = open_assessment(app, cycle=2022)
    with app.app_context():
        operations.save_answer(None, db.session.get(Assessment, earlier), "q_yes", {"value": "yes"}, 0)
        carry.apply(None, db.session.get(Assessment, assessment_id))
        db.session.commit()
    for qid, value in (("q_na", "no"), ("q_num", 5), ("q_border", "yes")):
        _put(client, assessment_id, qid, {"value": value, "base_revision": 0}, headers)
    add_evidence(client, assessment_id, "q_border", headers)
    refused = _transition(client, assessment_id, {"action": "submit"}, headers)
    body = refused.get_json()["error"]
    assert refused.status_code == 422 and "confirm" in body["title"]
    assert (body["missing"], body["evidence_missing"]) == ([], [])
    assert body["unconfirmed"] == [{"question": "q_yes", "domain": "rights", "area": "services"}]
    _put(client, assessment_id, "q_yes", {"value": "yes", "base_revision": 1}, headers)  # saving confirms it
    assert _transition(client, assessment_id, {"action": "submit"}, headers).status_code == 200
