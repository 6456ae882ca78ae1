"""The API of queries and comments, and of notifications: representative calls, their
validation, and the refusals (403 wrong role, 404 another country or an internal thread for
the country, 409 wrong state or a locked assessment)."""

import pytest
from api_support import bearer, token_for
from threads_support import SECRET, assign, people, reviewed_assessment, set_state, write_thread

from mgf_assess.core.limits import TEXT_MAX
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db


@pytest.fixture
def review(app, make_user, tmp_path):
    assessment_id = reviewed_assessment(app, tmp_path / "q")
    who = people(app, make_user)
    assign(app, assessment_id, who["contributor"])
    headers = {role: bearer(token_for(app, email)) for role, email in who.items()}
    return assessment_id, who, headers


def _url(assessment_id, tail=""):
    return f"/api/v1/assessments/{assessment_id}/comments{tail}"


def test_a_query_its_reply_and_its_resolution(app, client, review):
    assessment_id, _who, headers = review
    asked = client.post(_url(assessment_id), headers=headers["evaluator"],
                        json={"question": "q_yes", "kind": "query", "text": "Which law?", "internal": False,
                              "reply_to": None})
    assert asked.status_code == 201, asked.json
    root = asked.json
    assert (root["kind"], root["status"], root["author"]["name"], root["reply_to"]) == ("query", "open", "Eva Luator", None)
    answered = client.post(_url(assessment_id), headers=headers["contributor"],
                           json={"reply_to": root["id"], "text": "The Act of 2011."})
    assert answered.status_code == 201 and answered.json["question"] == "q_yes"
    listed = client.get(_url(assessment_id), headers=headers["focal_point"]).json["comments"]
    assert [c["text"] for c in listed] == ["Which law?", "The Act of 2011."]
    resolved = client.post(_url(assessment_id, f"/{root['id']}/resolve"), headers=headers["evaluator"])
    assert resolved.status_code == 200 and resolved.json["status"] == "resolved"
    assert resolved.json["resolved_by"]["name"] == "Eva Luator"
    assert client.post(_url(assessment_id, f"/{root['id']}/resolve"), headers=headers["evaluator"]).status_code == 409
    reopened = client.post(_url(assessment_id, f"/{root['id']}/reopen"), headers=headers["admin"])
    assert reopened.json["status"] == "open" and reopened.json["resolved_by"] is None
    with app.app_context():
        actions = db.session.scalars(db.select(AuditEvent.action).filter(AuditEvent.action.like("comment.%")).order_by(AuditEvent.id)).all()
    assert actions == ["comment.create", "comment.create", "comment.resolve", "comment.reopen"]


def test_filters(client, review, app):
    assessment_id, who, headers = review
    write_thread(app, assessment_id, who["evaluator"], qid="q_yes")
    write_thread(app, assessment_id, who["evaluator"], qid="q_number", kind="comment")
    for query, expected in (("?question=q_yes", ["q_yes"]), ("?kind=comment", ["q_number"]),
                            ("?status=open", ["q_yes"]), ("?status=resolved", [])):
        found = client.get(_url(assessment_id, query), headers=headers["evaluator"]).json["comments"]
        assert [c["question"] for c in found] == expected, query
    refused = client.get(_url(assessment_id, "?status=closed&question=q_nope"), headers=headers["evaluator"])
    assert refused.status_code == 422
    assert {p["location"] for p in refused.json["error"]["problems"]} == {"status", "question"}


@pytest.mark.parametrize(("body", "location"), [
    ({"question": "q_nope", "kind": "query", "text": "Why?"}, "question"),
    ({"kind": "query", "text": "Why?"}, "question"),
    ({"question": "q_yes", "kind": "query"}, "text"),
    ({"question": "q_yes", "kind": "query", "text": "   "}, "text"),
    ({"question": "q_yes", "kind": "query", "text": "x" * (TEXT_MAX + 1)}, "text"),
    ({"question": "q_yes", "kind": "ask", "text": "Why?"}, "kind"),
    ({"question": "q_yes", "kind": "query", "text": "Why?", "internal": True}, "internal"),
    ({"question": "q_yes", "text": "Why?", "reply_to": 999}, "reply_to"),
])
def test_invalid_writes_are_located_and_change_nothing(client, review, app, body, location):
    assessment_id, _who, headers = review
    response = client.post(_url(assessment_id), headers=headers["evaluator"], json=body)
    assert response.status_code == 422, response.json
    assert [p["location"] for p in response.json["error"]["problems"]] == [location]
    assert client.get(_url(assessment_id), headers=headers["evaluator"]).json["comments"] == []


def test_a_reply_keeps_its_threads_question_and_must_answer_a_first_message(client, review, app):
    assessment_id, who, headers = review
    root = write_thread(app, assessment_id, who["evaluator"])
    differing = client.post(_url(assessment_id), headers=headers["focal_point"],
                            json={"reply_to": root, "question": "q_number", "kind": "comment", "text": "Yes."})
    assert differing.status_code == 422
    assert [p["location"] for p in differing.json["error"]["problems"]] == ["question", "kind"]
    reply = client.post(_url(assessment_id), headers=headers["focal_point"], json={"reply_to": root, "text": "Yes."})
    nested = client.post(_url(assessment_id), headers=headers["evaluator"],
                         json={"reply_to": reply.json["id"], "text": "No."})
    assert nested.status_code == 422 and nested.json["error"]["problems"][0]["location"] == "reply_to"


@pytest.mark.parametrize(("role", "status"), [("focal_point", 200), ("contributor", 200), ("other_contributor", 200),
                                              ("evaluator", 200), ("admin", 200), ("other_evaluator", 404),
                                              ("analyst", 404)])
def test_who_reads_threads(client, review, role, status):
    assessment_id, _who, headers = review
    assert client.get(_url(assessment_id), headers=headers[role]).status_code == status


def test_analysts_read_validated_assessments_but_not_their_threads(client, review, app):
    assessment_id, _who, headers = review
    set_state(app, assessment_id, "validated")
    assert client.get(f"/api/v1/assessments/{assessment_id}", headers=headers["analyst"]).status_code == 200
    assert client.get(_url(assessment_id), headers=headers["analyst"]).status_code == 403


@pytest.mark.parametrize(("role", "status"), [("focal_point", 403), ("contributor", 403), ("analyst", 404),
                                              ("other_evaluator", 404), ("evaluator", 201), ("admin", 201)])
def test_who_opens_threads(client, review, role, status):
    assessment_id, _who, headers = review
    response = client.post(_url(assessment_id), headers=headers[role],
                           json={"question": "q_yes", "kind": "query", "text": "Why?"})
    assert response.status_code == status


@pytest.mark.parametrize(("role", "status"), [("focal_point", 201), ("contributor", 201),
                                              ("other_contributor", 403), ("evaluator", 201)])
def test_who_replies(client, review, app, role, status):
    assessment_id, who, headers = review
    root = write_thread(app, assessment_id, who["evaluator"])
    response = client.post(_url(assessment_id), headers=headers[role], json={"reply_to": root, "text": "Yes."})
    assert response.status_code == status


@pytest.mark.parametrize(("state", "status"), [("submitted", 409), ("returned", 201), ("reviewed", 409),
                                               ("validated", 409)])
def test_replies_by_state(client, review, app, state, status):
    assessment_id, who, headers = review
    root = write_thread(app, assessment_id, who["evaluator"])
    set_state(app, assessment_id, state)
    response = client.post(_url(assessment_id), headers=headers["focal_point"], json={"reply_to": root, "text": "Y"})
    assert response.status_code == status
    if state == "validated":
        assert "locked" in response.json["error"]["title"]
        opened = client.post(_url(assessment_id), headers=headers["evaluator"],
                             json={"question": "q_yes", "kind": "comment", "text": "Late"})
        resolved = client.post(_url(assessment_id, f"/{root}/resolve"), headers=headers["evaluator"])
        assert opened.status_code == resolved.status_code == 409


def test_internal_threads_do_not_exist_for_the_country(client, review, app):
    assessment_id, who, headers = review
    root = write_thread(app, assessment_id, who["evaluator"], kind="comment", text=SECRET, internal=True)
    for role in ("focal_point", "contributor"):
        listed = client.get(_url(assessment_id), headers=headers[role])
        assert listed.status_code == 200 and SECRET not in listed.get_data(as_text=True)
        reply = client.post(_url(assessment_id), headers=headers[role], json={"reply_to": root, "text": "Yes."})
        assert reply.status_code == 404
    assert SECRET in client.get(_url(assessment_id), headers=headers["evaluator"]).get_data(as_text=True)
    inside = client.post(_url(assessment_id), headers=headers["admin"], json={"reply_to": root, "text": "Agreed."})
    assert inside.status_code == 201 and inside.json["internal"] is True


def test_the_notifications_api(client, review, app):
    assessment_id, who, headers = review
    write_thread(app, assessment_id, who["evaluator"])
    mine = client.get("/api/v1/notifications", headers=headers["focal_point"]).json
    assert mine["unread"] == 1 and mine["notifications"][0]["kind"] == "comment.query"
    assert "Eva Luator" in mine["notifications"][0]["text"]
    assert mine["notifications"][0]["link"].endswith(f"/assessments/{assessment_id}/areas/services#q-q_yes")
    first = mine["notifications"][0]["id"]
    assert client.post(f"/api/v1/notifications/{first}/read", headers=headers["contributor"]).status_code == 404
    read = client.post(f"/api/v1/notifications/{first}/read", headers=headers["focal_point"])
    assert read.status_code == 200 and read.json["read_at"] is not None
    assert client.get("/api/v1/notifications?unread=true", headers=headers["focal_point"]).json["notifications"] == []
    assert client.get("/api/v1/notifications?unread=maybe", headers=headers["focal_point"]).status_code == 422
    unknown = client.get("/api/v1/notifications?page=2", headers=headers["focal_point"])
    assert unknown.status_code == 422 and unknown.json["error"]["problems"][0]["location"] == "page"


def test_every_api_route_is_in_the_document(app):
    from mgf_assess.api.openapi import openapi_document

    paths = openapi_document()["paths"]
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/"):
            continue
        path = rule.rule.removeprefix("/api/v1").replace("<int:", "{").replace("<", "{").replace(">", "}")
        methods = rule.methods - {"HEAD", "OPTIONS"}
        assert path in paths and methods <= {m.upper() for m in paths[path]}, rule.rule


def test_responses_validate_as_their_documented_models(client, review, app):
    from mgf_assess.api.schemas import Comment, CommentList, NotificationItem, NotificationList

    assessment_id, who, headers = review
    root = write_thread(app, assessment_id, who["evaluator"])
    reply = client.post(_url(assessment_id), headers=headers["focal_point"], json={"reply_to": root, "text": "Yes."})
    Comment.model_validate(reply.json)
    Comment.model_validate(client.post(_url(assessment_id, f"/{root}/resolve"), headers=headers["evaluator"]).json)
    CommentList.model_validate(client.get(_url(assessment_id), headers=headers["evaluator"]).json)
    listed = client.get("/api/v1/notifications", headers=headers["evaluator"]).json
    NotificationList.model_validate(listed)
    first = listed["notifications"][0]["id"]
    NotificationItem.model_validate(client.post(f"/api/v1/notifications/{first}/read", headers=headers["evaluator"]).json)
