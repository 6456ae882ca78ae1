"""API: evidence added as JSON or with a file (checked as the pages check uploads), read,
removed and downloaded, under the access rule of the pages; the OpenAPI document says so."""

from pathlib import Path

import pytest
from api_support import add_evidence, bearer, open_assessment, publish, token_for
from packages import ODT, bomb, multipart, opendocument

from mgf_assess.assessments import evidence, operations
from mgf_assess.assessments.models import Assessment, Evidence
from mgf_assess.auth import queries as account_queries
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db

PDF = b"%PDF-1.4 minimal test document"


@pytest.fixture
def setup(app, tmp_path, make_user):
    """A published questionnaire, a Kenyan draft assessment and its focal point's token."""
    publish(app, tmp_path / "q")
    return open_assessment(app), bearer(token_for(app, make_user(role="focal_point", country="KEN")))


def _path(assessment_id, qid="q_yes"):
    return f"/api/v1/assessments/{assessment_id}/answers/{qid}/evidence"


def _upload(client, assessment_id, headers, data=PDF, name="act 2011.pdf", **fields):
    form = {"kind": "law", "citation": "Immigration Act 2011", **fields, "file": (data, name)}
    return client.post(_path(assessment_id), headers=headers, **multipart(form))


def _stored(app) -> list[Evidence]:
    with app.app_context():
        items = list(db.session.scalars(db.select(Evidence).order_by(Evidence.id)))
        db.session.expunge_all()
        return items


def _uploads(app) -> list:
    folder = Path(app.config["UPLOAD_FOLDER"])
    return list(folder.iterdir()) if folder.exists() else []


# ---- adding, reading, removing ---------------------------------------------------------------

def test_json_evidence_is_created_with_its_location(app, client, setup):
    assessment_id, headers = setup
    body = {"kind": "policy", "citation": "National Migration Policy 2023", "url": "https://example.org/policy"}
    response = client.post(_path(assessment_id), json=body, headers=headers)
    created = response.get_json()
    assert response.status_code == 201 and created == {
        "id": created["id"], "question": "q_yes", "kind": "policy", "citation": "National Migration Policy 2023",
        "url": "https://example.org/policy", "file_name": None, "content_type": None, "size": None,
        "review_status": None, "review_note": None}
    location = response.headers["Location"]
    assert location.endswith(f"/api/v1/assessments/{assessment_id}/evidence/{created['id']}")
    assert client.get(location, headers=headers).get_json() == created
    detail = client.get(f"/api/v1/assessments/{assessment_id}", headers=headers).get_json()
    assert [item["id"] for item in detail["answers"]["q_yes"]["evidence"]] == [created["id"]]
    with app.app_context():
        event = db.session.scalar(db.select(AuditEvent).filter_by(action="evidence.add"))
        assert event.object_id == str(created["id"]) and event.new_value["citation"] == body["citation"]


def test_a_file_is_uploaded_and_downloaded_as_the_page_does(app, client, setup):
    assessment_id, headers = setup
    response = _upload(client, assessment_id, headers, url="")
    created = response.get_json()
    assert response.status_code == 201 and created["url"] is None
    assert (created["file_name"], created["content_type"], created["size"]) == ("act 2011.pdf", "application/pdf",
                                                                               len(PDF))
    with client.get(f"/api/v1/assessments/{assessment_id}/evidence/{created['id']}/file", headers=headers) as file:
        assert file.status_code == 200 and file.data == PDF and file.content_type == "application/pdf"
        assert file.headers["Content-Disposition"] == 'attachment; filename="act 2011.pdf"'


def test_a_citation_has_no_file_to_download(client, setup):
    assessment_id, headers = setup
    created = add_evidence(client, assessment_id, "q_yes", headers).get_json()
    response = client.get(f"/api/v1/assessments/{assessment_id}/evidence/{created['id']}/file", headers=headers)
    assert response.status_code == 404 and "has no file" in response.get_json()["error"]["title"]


def test_remove_evidence(app, client, setup):
    assessment_id, headers = setup
    created = add_evidence(client, assessment_id, "q_yes", headers).get_json()
    path = f"/api/v1/assessments/{assessment_id}/evidence/{created['id']}"
    response = client.delete(path, headers=headers)
    assert response.status_code == 204 and response.data == b"" and _stored(app) == []
    assert client.delete(path, headers=headers).status_code == 404
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).where(AuditEvent.action == "evidence.remove")) == 1


def test_evidence_of_another_assessment_is_404(app, client, setup):
    assessment_id, headers = setup
    created = add_evidence(client, assessment_id, "q_yes", headers).get_json()
    other = open_assessment(app, cycle=2030)
    for method in ("get", "delete"):
        assert getattr(client, method)(f"/api/v1/assessments/{other}/evidence/{created['id']}",
                                       headers=headers).status_code == 404
    assert client.get(f"/api/v1/assessments/{assessment_id}/evidence/{2**40}", headers=headers).status_code == 404
    assert client.post(_path(assessment_id, "q_nope"), json={"kind": "law", "citation": "x"},
                       headers=headers).status_code == 404


# ---- the same checks as the pages ------------------------------------------------------------

def test_a_zip_bomb_is_refused_with_what_to_do_and_nothing_is_stored(app, client, setup):
    assessment_id, headers = setup
    response = _upload(client, assessment_id, headers, opendocument(mimetype=bomb("mimetype", ODT)), "report.odt")
    problems = response.get_json()["error"]["problems"]
    assert response.status_code == 422 and [(p["location"], p["code"]) for p in problems] == [("file", "invalid")]
    assert "possible compression bomb" in problems[0]["message"] and "upload" in problems[0]["message"]
    assert _stored(app) == [] and _uploads(app) == []


def test_a_file_of_another_kind_is_refused(app, client, setup):
    assessment_id, headers = setup
    response = _upload(client, assessment_id, headers, b"MZ\x90\x00\x03 windows program", "act.pdf")
    assert response.status_code == 422
    assert response.get_json()["error"]["problems"][0]["message"].startswith("This kind of file is not accepted.")


def test_the_upload_size_limit_applies(app, client, setup):
    assessment_id, headers = setup
    app.config["MAX_UPLOAD_MB"] = 1
    response = _upload(client, assessment_id, headers, PDF + bytes(1024 * 1024))
    assert response.status_code == 422 and "larger than 1 MB" in response.get_json()["error"]["problems"][0]["message"]
    app.config["MAX_CONTENT_LENGTH"] = 10_000  # the request itself: refused before it is read
    too_large = _upload(client, assessment_id, headers, PDF + bytes(20_000))
    assert too_large.status_code == 413 and too_large.get_json()["error"]["status"] == 413
    assert _stored(app) == []


def test_every_problem_of_the_fields_is_listed(app, client, setup):
    assessment_id, headers = setup
    body = {"kind": "rumour", "citation": "x" * 2001, "url": "https://example.org/" + "a" * 2000, "colour": "red"}
    response = client.post(_path(assessment_id), json=body, headers=headers)
    problems = {(p["location"], p["code"]) for p in response.get_json()["error"]["problems"]}
    assert response.status_code == 422
    assert problems == {("kind", "invalid"), ("citation", "too_long"), ("url", "too_long"), ("colour", "unknown_field")}
    refused = client.post(_path(assessment_id), json={"kind": "law", "citation": " ", "url": "javascript:alert(1)"},
                          headers=headers)
    assert {p["location"] for p in refused.get_json()["error"]["problems"]} == {"citation", "url"}
    assert _stored(app) == []


def test_a_multipart_request_needs_its_file_part(app, client, setup):
    assessment_id, headers = setup
    without = client.post(_path(assessment_id), headers=headers, **multipart({"kind": "law", "citation": "Act"}))
    plain = client.post(_path(assessment_id), headers=headers,
                        **multipart({"kind": "law", "citation": "Act", "file": "not a file"}))
    extra = client.post(_path(assessment_id), headers=headers,
                        **multipart({"kind": "x", "citation": "Act", "file": (PDF, "a.pdf"), "other": (PDF, "b.pdf")}))
    for response in (without, plain):
        assert response.status_code == 422
        assert [(p["location"], p["code"]) for p in response.get_json()["error"]["problems"]] == [("file", "required")]
    assert {(p["location"], p["code"]) for p in extra.get_json()["error"]["problems"]} == {
        ("kind", "invalid"), ("other", "unknown_field")}
    assert _stored(app) == []


def test_a_body_that_is_neither_json_nor_a_form_is_400(client, setup):
    assessment_id, headers = setup
    response = client.post(_path(assessment_id), data="law: Act", content_type="text/plain", headers=headers)
    assert response.status_code == 400 and "multipart/form-data" in response.get_json()["error"]["title"]


def test_the_operations_limits_hold_for_every_caller(app, setup):
    assessment_id, _headers = setup
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        with pytest.raises(operations.OperationError) as refused:
            evidence.add_evidence(None, assessment, "q_yes", kind="law", citation="x" * (evidence.MAX_CITATION + 1),
                                  url="https://example.org/" + "a" * evidence.MAX_URL)
        assert set(refused.value.problems) == {"citation", "url"}
        assert "longer than 2000 characters" in refused.value.problems["citation"]
        item = evidence.add_evidence(None, assessment, "q_yes", kind="law", citation="x" * evidence.MAX_CITATION,
                                     url="https://example.org/" + "a" * (evidence.MAX_URL - 20))
        assert len(item.citation) == evidence.MAX_CITATION and len(item.url) == evidence.MAX_URL


# ---- who may do what -------------------------------------------------------------------------

@pytest.fixture
def world(app, tmp_path, make_user):
    """A Kenyan assessment with a file on q_yes; callers by name; states set per test."""
    publish(app, tmp_path / "q")
    assessment_id = open_assessment(app)
    emails = {"focal_point": make_user(role="focal_point", country="KEN"),
              "other_country": make_user(role="focal_point", country="MEX"),
              "contributor_elsewhere": make_user(role="contributor", country="KEN"),
              "contributor_here": make_user(role="contributor", country="KEN"),
              "evaluator": make_user(role="evaluator", country=None, evaluated=("KEN",)),
              "other_evaluator": make_user(role="evaluator", country=None, evaluated=("MEX",)),
              "analyst": make_user(role="analyst", country=None)}
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        for name, scopes in (("contributor_elsewhere", ["mobility"]), ("contributor_here", ["services"])):
            operations.set_assignments(None, assessment, account_queries.user_by_email(emails[name]), scopes)
        item = evidence.add_evidence(None, assessment, "q_yes", kind="law", citation="Act", upload=("act.pdf", PDF))
        db.session.commit()
        evidence_id = item.id
    return assessment_id, evidence_id, {name: bearer(token_for(app, email)) for name, email in emails.items()}


def _call(client, method, assessment_id, evidence_id, headers):
    base = f"/api/v1/assessments/{assessment_id}"
    if method == "post":
        return client.post(_path(assessment_id), json={"kind": "law", "citation": "Act"}, headers=headers)
    suffix = "/file" if method == "file" else ""
    return getattr(client, "get" if method in ("file", "get") else method)(
        f"{base}/evidence/{evidence_id}{suffix}", headers=headers)


CASES = [  # caller, state of the assessment, then the answers to: POST, DELETE, GET item, GET file
    (None, "draft", 401, 401, 401, 401),
    ("other_country", "draft", 404, 404, 404, 404),
    ("other_evaluator", "submitted", 404, 404, 404, 404),
    ("analyst", "draft", 404, 404, 404, 404),  # analysts see validated assessments only
    ("analyst", "validated", 403, 403, 200, 200),
    ("contributor_elsewhere", "draft", 403, 403, 200, 200),
    ("contributor_here", "draft", 201, 204, 200, 200),
    ("evaluator", "draft", 403, 403, 200, 200),
    ("evaluator", "submitted", 403, 403, 200, 200),
    ("focal_point", "draft", 201, 204, 200, 200),
    ("focal_point", "submitted", 409, 409, 200, 200),
    ("focal_point", "validated", 409, 409, 200, 200),
    ("contributor_here", "returned", 201, 204, 200, 200),
    ("contributor_here", "in_review", 409, 409, 200, 200),
]


@pytest.mark.parametrize(("caller", "state", "post", "delete", "get", "file"), CASES)
def test_access_matrix(app, client, world, caller, state, post, delete, get, file):
    assessment_id, evidence_id, headers = world
    with app.app_context():
        db.session.get(Assessment, assessment_id).state = state
        db.session.commit()
    sent = headers[caller] if caller else {}
    got = {}
    for method in ("file", "get", "post", "delete"):  # reads first: the delete removes the item
        with _call(client, method, assessment_id, evidence_id, sent) as response:
            got[method] = response.status_code
    assert got == {"post": post, "delete": delete, "get": get, "file": file}
    assert len(_stored(app)) == 1 + (post == 201) - (delete == 204)
