"""The review over the API: overrides, evidence review, marks, progress, scores side by side,
and what changed since the return; the access rules over HTTP for a representative set."""

import pytest
from api_support import bearer, token_for
from review_support import reviewable, set_state

from mgf_assess.assessments.models import Evidence
from mgf_assess.extensions import db


@pytest.fixture
def headers_for(app, make_user):
    """Factory: the Authorization header of a new user of ``role`` (of ``country``)."""

    def make(role="evaluator", country="KEN"):
        email = make_user(role=role, country=country if role in ("focal_point", "contributor") else None,
                          evaluated=(country,) if role == "evaluator" else ())
        return bearer(token_for(app, email))

    return make


@pytest.fixture
def in_review(app, tmp_path):
    return reviewable(app, tmp_path / "q")


def _evidence_id(app, assessment_id):
    with app.app_context():
        return db.session.scalars(db.select(Evidence.id).filter_by(assessment_id=assessment_id)).one()


def test_an_override_over_the_api(client, in_review, headers_for):
    headers, url = headers_for(), f"/api/v1/assessments/{in_review}/overrides"
    response = client.put(f"{url}/q_num", json={"score": 75.5, "justification": "Seen in practice"}, headers=headers)
    body = response.get_json()
    assert response.status_code == 200, body
    assert (body["question"], body["score"], body["self_score"]) == ("q_num", 75.5, 50.0)
    listed = client.get(url, headers=headers).get_json()["overrides"]
    assert [(item["question"], item["score"]) for item in listed] == [("q_num", 75.5)]
    scores = client.get(f"/api/v1/assessments/{in_review}/scores", headers=headers).get_json()
    assert scores["overrides"] == {"q_num": {"score": 75.5, "justification": "Seen in practice"}}
    services = scores["domains"][0]["areas"][0]
    assert services["score"] != services["self_score"]
    assert client.delete(f"{url}/q_num", headers=headers).status_code == 204
    assert client.delete(f"{url}/q_num", headers=headers).status_code == 404
    assert client.get(url, headers=headers).get_json()["overrides"] == []


@pytest.mark.parametrize(("body", "location"), [
    ({"score": 50}, "justification"), ({"score": 50, "justification": ""}, "justification"),
    ({"score": 101, "justification": "Why"}, "score"), ({"score": "50", "justification": "Why"}, "score"),
    ({"score": 33.333, "justification": "Why"}, "score"),
    ({"score": 50, "justification": "x" * 10_001}, "justification")])
def test_a_bad_override_is_422(client, in_review, headers_for, body, location):
    response = client.put(f"/api/v1/assessments/{in_review}/overrides/q_num", json=body, headers=headers_for())
    assert response.status_code == 422
    assert location in [p["location"] for p in response.get_json()["error"]["problems"]]


def test_an_unscored_or_unknown_question(client, in_review, headers_for):
    headers, url = headers_for(), f"/api/v1/assessments/{in_review}/overrides"
    assert client.put(f"{url}/q_note", json={"score": 5, "justification": "x"}, headers=headers).status_code == 422
    assert client.put(f"{url}/q_nothing", json={"score": 5, "justification": "x"}, headers=headers).status_code == 404


@pytest.mark.parametrize(("role", "country", "state", "status"), [
    ("evaluator", "KEN", "in_review", 200), ("admin", "KEN", "in_review", 200),
    ("evaluator", "MEX", "in_review", 404), ("focal_point", "KEN", "in_review", 403),
    ("contributor", "KEN", "in_review", 403), ("analyst", "KEN", "in_review", 404),
    ("evaluator", "KEN", "submitted", 409), ("evaluator", "KEN", "returned", 409),
    ("evaluator", "KEN", "validated", 409), ("analyst", "KEN", "validated", 403)])
def test_who_may_override_and_review_evidence_over_the_api(app, tmp_path, client, headers_for, role, country,
                                                           state, status):
    assessment_id = reviewable(app, tmp_path / "q", state)
    headers = headers_for(role, country)
    override = client.put(f"/api/v1/assessments/{assessment_id}/overrides/q_num",
                          json={"score": 5, "justification": "Why"}, headers=headers)
    review = client.put(f"/api/v1/assessments/{assessment_id}/evidence/{_evidence_id(app, assessment_id)}/review",
                        json={"status": "accepted"}, headers=headers)
    mark = client.put(f"/api/v1/assessments/{assessment_id}/marks/q_yes", headers=headers)
    assert (override.status_code, review.status_code, mark.status_code) == (status, status, 204 if status == 200
                                                                              else status)
    if state == "validated" and status == 409:
        assert "locked" in override.get_json()["error"]["title"]


def test_evidence_review_over_the_api(app, client, in_review, headers_for):
    headers, evidence_id = headers_for(), _evidence_id(app, in_review)
    url = f"/api/v1/assessments/{in_review}/evidence/{evidence_id}/review"
    refused = client.put(url, json={"status": "rejected"}, headers=headers)
    assert refused.status_code == 422 and refused.get_json()["error"]["problems"][0]["location"] == "note"
    assert client.put(url, json={"status": "maybe"}, headers=headers).status_code == 422
    done = client.put(url, json={"status": "rejected", "note": "Repealed"}, headers=headers).get_json()
    assert (done["review_status"], done["review_note"]) == ("rejected", "Repealed")
    shown = client.get(f"/api/v1/assessments/{in_review}", headers=headers).get_json()
    assert shown["answers"]["q_border"]["evidence"][0]["review_status"] == "rejected"
    progress = client.get(f"/api/v1/assessments/{in_review}/review", headers=headers).get_json()
    assert progress["evidence_reviewed"] == progress["evidence_rejected"] == 1 and progress["state"] == "in_review"


def test_review_progress_is_for_reviewers_and_the_country_managers(client, in_review, headers_for):
    url = f"/api/v1/assessments/{in_review}/review"
    assert client.get(url, headers=headers_for("focal_point")).status_code == 200
    assert client.get(url, headers=headers_for("contributor")).status_code == 403
    assert client.get(url, headers=headers_for("focal_point", "MEX")).status_code == 404


# ---- what changed since the return ---------------------------------------------------------

def _transition(client, assessment_id, action, headers, comment=None):
    body = {"action": action} | ({"comment": comment} if comment else {})
    response = client.post(f"/api/v1/assessments/{assessment_id}/transitions", json=body, headers=headers)
    assert response.status_code == 200, response.get_json()


def test_changes_since_the_return(app, client, in_review, headers_for):
    evaluator, focal = headers_for(), headers_for("focal_point")
    url = f"/api/v1/assessments/{in_review}/changes"
    never = client.get(url, headers=evaluator)
    assert never.status_code == 409 and "never been returned" in never.get_json()["error"]["title"]
    _transition(client, in_review, "return", evaluator, "Check q_yes and the border evidence")
    answers = f"/api/v1/assessments/{in_review}/answers"
    client.put(f"{answers}/q_yes", json={"value": "no", "base_revision": 1}, headers=focal)
    client.put(f"{answers}/q_yes", json={"value": "yes", "base_revision": 2}, headers=focal)  # changed back
    client.put(f"{answers}/q_na", json={"value": "yes", "base_revision": 1}, headers=focal)
    client.put(f"{answers}/q_na", json={"status": "na", "justification": "No such service", "base_revision": 2},
               headers=focal)
    added = client.post(f"{answers}/q_border/evidence", json={"kind": "policy", "citation": "Border policy 2024"},
                        headers=focal).get_json()
    client.delete(f"/api/v1/assessments/{in_review}/evidence/{_evidence_id_first(app, in_review)}", headers=focal)
    body = client.get(url, headers=evaluator).get_json()
    assert body["return_comment"] == "Check q_yes and the border evidence" and body["returned_by"]["name"]
    kinds = [(change["kind"], change["question"]) for change in body["changes"]]
    assert kinds == [("answer", "q_na"), ("evidence_added", "q_border"), ("evidence_removed", "q_border")]
    answer = body["changes"][0]
    assert answer["old"] == {"value": "no", "status": "answered", "justification": None}
    assert answer["new"] == {"value": None, "status": "na", "justification": "No such service"}
    assert answer["by"]["name"] == "Focal_Point" and answer["at"].endswith("Z")
    assert body["changes"][1]["evidence"] == added["id"]
    assert client.get(f"{url}?since=return", headers=focal).get_json() == body


def test_changes_since_a_moment_and_replies(app, client, in_review, headers_for):
    from mgf_assess.core import audit
    from mgf_assess.review.models import ReviewComment

    evaluator = headers_for()
    set_state(app, in_review, "returned")
    with app.app_context():
        query = ReviewComment(assessment_id=in_review, question_id="q_yes", kind="query", status="open", text="Why?")
        db.session.add(query)
        db.session.flush()
        reply = ReviewComment(assessment_id=in_review, question_id="q_yes", kind="query", reply_to_id=query.id,
                              text="Because.")
        db.session.add(reply)
        db.session.flush()
        audit.record(None, "comment.create", "comment", reply.id, country="KEN",
                     new={"kind": "query", "reply_to": query.id, "question": "q_yes"})
        audit.record(None, "comment.create", "comment", query.id, country="KEN",
                     new={"kind": "query", "reply_to": None, "question": "q_yes"})
        db.session.commit()
        ids = (query.id, reply.id)
    body = client.get(f"/api/v1/assessments/{in_review}/changes?since=2000-01-01T00:00:00Z", headers=evaluator)
    changes = body.get_json()["changes"]
    assert changes[-1] == {"kind": "reply", "question": "q_yes", "by": None, "at": changes[-1]["at"], "old": None,
                           "new": None, "reply_to": ids[0], "comment": ids[1]}
    assert [c["kind"] for c in changes].count("reply") == 1
    later = client.get(f"/api/v1/assessments/{in_review}/changes?since=2999-01-01", headers=evaluator).get_json()
    assert later["changes"] == [] and later["since"] == "2999-01-01T00:00:00Z"
    bad = client.get(f"/api/v1/assessments/{in_review}/changes?since=yesterday", headers=evaluator)
    assert bad.status_code == 422


def _evidence_id_first(app, assessment_id):
    with app.app_context():
        return db.session.scalars(db.select(Evidence.id).filter_by(assessment_id=assessment_id)
                                  .order_by(Evidence.id)).first()
