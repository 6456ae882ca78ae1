"""API: opening, listing and reading assessments; the access matrix; token authentication."""

import pytest
from api_support import bearer, open_assessment, publish, token_for

from mgf_assess.assessments import evidence, operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.auth import operations as account_operations
from mgf_assess.auth import queries as account_queries
from mgf_assess.extensions import db

NEW = {"country": "KEN", "questionnaire": "api", "version": "1.0", "cycle": 2026}


@pytest.fixture
def published(app, tmp_path):
    publish(app, tmp_path / "q")


@pytest.fixture
def headers_for(app, make_user):
    """Factory: the Authorization header of a new user of ``role`` (Kenyan unless told)."""

    def make(role="focal_point", country="KEN"):
        country = country if role in ("focal_point", "contributor") else None
        email = make_user(role=role, country=country, evaluated=("KEN",) if role == "evaluator" else ())
        return bearer(token_for(app, email))

    return make


def _set_state(app, assessment_id, state):
    with app.app_context():
        db.session.get(Assessment, assessment_id).state = state
        db.session.commit()


# ---- opening ---------------------------------------------------------------------------------

def test_create_returns_the_assessment_and_its_location(client, published, headers_for):
    response = client.post("/api/v1/assessments", json=NEW, headers=headers_for())
    body = response.get_json()
    assert response.status_code == 201 and response.content_type == "application/json"
    assert body["state"] == "draft" and body["questionnaire"] == {"id": "api", "version": "1.0"}
    assert body["country"] == "KEN" and body["cycle"] == 2026 and body["answers"] == {}
    assert response.headers["Location"].endswith(f"/api/v1/assessments/{body['id']}")


def test_create_lists_every_problem_of_the_body(app, client, published, headers_for):
    body = {"country": "kenya", "version": 1, "cycle": 1990, "colour": "red"}
    response = client.post("/api/v1/assessments", json=body, headers=headers_for())
    assert response.status_code == 422
    problems = {(p["location"], p["code"]) for p in response.get_json()["error"]["problems"]}
    assert problems == {("country", "invalid"), ("questionnaire", "required"), ("version", "wrong_type"),
                        ("cycle", "invalid"), ("colour", "unknown_field")}
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Assessment.id))) == 0


def test_create_reports_unknown_country_and_unpublished_version_together(client, published, headers_for):
    body = {**NEW, "country": "XXX", "version": "9.9"}
    response = client.post("/api/v1/assessments", json=body, headers=headers_for(role="admin"))
    assert response.status_code == 422
    assert {p["location"] for p in response.get_json()["error"]["problems"]} == {"country", "version"}


def test_create_twice_is_a_conflict(client, published, headers_for):
    headers = headers_for()
    assert client.post("/api/v1/assessments", json=NEW, headers=headers).status_code == 201
    response = client.post("/api/v1/assessments", json=NEW, headers=headers)
    assert response.status_code == 409 and "already has" in response.get_json()["error"]["title"]


@pytest.mark.parametrize(("role", "country", "expected"), [
    ("admin", "MEX", 201), ("focal_point", "KEN", 201), ("focal_point", "MEX", 403),
    ("contributor", "KEN", 403), ("evaluator", "KEN", 403), ("analyst", "KEN", 403)])
def test_who_may_open_an_assessment(client, published, headers_for, role, country, expected):
    headers = headers_for(role=role, country="KEN")
    assert client.post("/api/v1/assessments", json={**NEW, "country": country}, headers=headers).status_code == expected


# ---- reading ---------------------------------------------------------------------------------

# role -> expected status for (own country, other country) on a draft assessment
MATRIX = {
    "admin": {"view": (200, 200), "answer": (200, 200), "scores": (200, 200)},
    "focal_point": {"view": (200, 404), "answer": (200, 404), "scores": (200, 404)},
    "contributor": {"view": (200, 404), "answer": (200, 404), "scores": (403, 404)},
    "evaluator": {"view": (200, 404), "answer": (403, 404), "scores": (403, 404)},
    "analyst": {"view": (404, 404), "answer": (404, 404), "scores": (404, 404)},  # drafts are not theirs
}


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_access_matrix(app, client, published, headers_for, make_user, role):
    own, other = open_assessment(app, "KEN"), open_assessment(app, "MEX")
    headers = headers_for(role=role)
    if role == "contributor":  # assigned the area of q_yes in their own country
        with app.app_context():
            user = account_queries.user_by_email(client.get("/api/v1/me", headers=headers).get_json()["email"])
            operations.set_assignments(None, db.session.get(Assessment, own), user, ["services"])
            db.session.commit()
    for index, assessment_id in enumerate((own, other)):
        base = f"/api/v1/assessments/{assessment_id}"
        expected = {kind: codes[index] for kind, codes in MATRIX[role].items()}
        assert client.get(base, headers=headers).status_code == expected["view"]
        put = client.put(f"{base}/answers/q_yes", json={"value": "yes", "base_revision": 0}, headers=headers)
        assert put.status_code == expected["answer"], put.get_json()
        assert client.get(f"{base}/scores", headers=headers).status_code == expected["scores"]


@pytest.mark.parametrize(("role", "expected"), [
    ("admin", {"KEN", "MEX"}), ("focal_point", {"KEN"}), ("contributor", {"KEN"}),
    ("evaluator", {"KEN"}), ("analyst", {"MEX"})])
def test_list_shows_only_what_the_caller_may_see(app, client, published, headers_for, role, expected):
    open_assessment(app, "KEN")
    _set_state(app, open_assessment(app, "MEX"), "validated")
    body = client.get("/api/v1/assessments", headers=headers_for(role=role)).get_json()
    assert {item["country"] for item in body["assessments"]} == expected
    assert all("answers" not in item for item in body["assessments"])


def test_analyst_reads_validated_assessments_and_their_scores(app, client, published, headers_for):
    assessment_id = open_assessment(app, "MEX")
    _set_state(app, assessment_id, "validated")
    headers = headers_for(role="analyst")
    assert client.get(f"/api/v1/assessments/{assessment_id}", headers=headers).status_code == 200
    assert client.get(f"/api/v1/assessments/{assessment_id}/scores", headers=headers).status_code == 200


def test_evaluator_sees_scores_once_submitted(app, client, published, headers_for):
    assessment_id = open_assessment(app, "KEN")
    headers = headers_for(role="evaluator")
    assert client.get(f"/api/v1/assessments/{assessment_id}/scores", headers=headers).status_code == 403
    _set_state(app, assessment_id, "submitted")
    assert client.get(f"/api/v1/assessments/{assessment_id}/scores", headers=headers).status_code == 200


def test_detail_has_answers_and_evidence(app, client, published, headers_for):
    assessment_id = open_assessment(app)
    headers = headers_for()
    client.put(f"/api/v1/assessments/{assessment_id}/answers/q_yes", json={"value": "no", "base_revision": 0},
               headers=headers)
    with app.app_context():
        evidence.add_evidence(None, db.session.get(Assessment, assessment_id), "q_border", kind="law",
                              citation="Immigration Act 2011", url="https://example.org/act")
        db.session.commit()
    answers = client.get(f"/api/v1/assessments/{assessment_id}", headers=headers).get_json()["answers"]
    assert answers["q_yes"]["value"] == "no" and answers["q_yes"]["revision"] == 1
    assert answers["q_yes"]["updated_by"]["name"] and answers["q_yes"]["updated_at"].endswith("Z")
    border = answers["q_border"]  # evidence without an answer yet
    assert border["revision"] == 0 and border["value"] is None and border["status"] is None
    assert border["evidence"] == [{"id": border["evidence"][0]["id"], "kind": "law", "citation": "Immigration Act 2011",
                                   "url": "https://example.org/act", "file_name": None, "content_type": None,
                                   "size": None, "review_status": None, "review_note": None}]


def test_scores_follow_the_scoring_result_document(app, client, published, headers_for):
    assessment_id = open_assessment(app)
    headers = headers_for()
    client.put(f"/api/v1/assessments/{assessment_id}/answers/q_yes", json={"value": "yes", "base_revision": 0},
               headers=headers)
    body = client.get(f"/api/v1/assessments/{assessment_id}/scores", headers=headers).get_json()
    assert body["questionnaire"] == "api" and body["version"] == "1.0"
    assert {"overall", "domains", "gaps", "recommendations"} <= set(body)
    services = body["domains"][0]["areas"][0]["questions"]
    assert services[0] == {**services[0], "id": "q_yes", "score": 100.0, "status": "answered"}


# ---- authentication --------------------------------------------------------------------------

def _endpoints(assessment_id):
    base = f"/api/v1/assessments/{assessment_id}"
    return [("get", "/api/v1/assessments", None), ("get", base, None), ("get", f"{base}/scores", None),
            ("put", f"{base}/answers/q_yes", {"value": "yes", "base_revision": 0}),
            ("post", f"{base}/transitions", {"action": "submit"}), ("post", "/api/v1/assessments", NEW)]


def _all_refused(client, assessment_id, headers):
    for method, path, body in _endpoints(assessment_id):
        response = getattr(client, method)(path, json=body, headers=headers)
        assert response.status_code == 401, (method, path)
        assert response.content_type == "application/json" and response.get_json()["error"]["status"] == 401


def test_missing_or_wrong_tokens_are_refused(app, client, published):
    assessment_id = open_assessment(app)
    _all_refused(client, assessment_id, {})
    _all_refused(client, assessment_id, bearer("mgf_not-a-token"))


def test_tokens_of_deactivated_users_are_refused(app, client, published, make_user):
    email = make_user(role="focal_point")
    headers, assessment_id = bearer(token_for(app, email)), open_assessment(app)
    assert client.get("/api/v1/assessments", headers=headers).status_code == 200
    with app.app_context():
        account_operations.set_active(None, account_queries.user_by_email(email), False)
        db.session.commit()
    _all_refused(client, assessment_id, headers)


def test_revoked_tokens_are_refused(app, client, published, make_user):
    email = make_user(role="admin", country=None)
    headers, assessment_id = bearer(token_for(app, email)), open_assessment(app)
    with app.app_context():
        for token in account_queries.tokens_of(account_queries.user_by_email(email)):
            account_operations.revoke_token(None, token)
        db.session.commit()
    _all_refused(client, assessment_id, headers)
