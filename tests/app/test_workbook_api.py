"""POST /api/v1/assessments/{id}/answers:import: a dry run by default, applied all or nothing."""

import pytest
from api_support import bearer, token_for
from assess_helpers import save, stored, user
from workbook_support import edit, multipart

from mgf_assess.api.schemas import Error, WorkbookImport
from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.workbook import layout
from mgf_assess.assessments.workbook.export import build_workbook
from mgf_assess.extensions import db


def _workbook(app, assessment_id: int, changes: dict, **cells) -> bytes:
    with app.test_request_context():
        data = build_workbook(db.session.get(Assessment, assessment_id), None, "all", "en")
    return edit(data, changes, **cells)


def _post(client, assessment_id, token, data: bytes | None, **fields):
    body = {"file": (data, "answers.xlsx")} if data is not None else {}
    return client.post(f"/api/v1/assessments/{assessment_id}/answers:import", headers=bearer(token),
                       **multipart(body | fields))


@pytest.fixture
def focal(app, make_user):
    return token_for(app, make_user(role="focal_point", country="KEN"))


def test_a_dry_run_reports_and_writes_nothing(app, client, assessment_id, focal):
    response = _post(client, assessment_id, focal, _workbook(app, assessment_id, {"q_yes": {"answer": "Yes"}}))
    assert response.status_code == 200
    body = WorkbookImport.model_validate(response.get_json())
    assert (body.applied, body.ready, body.summary.changes, body.summary.unchanged) == (False, True, 1, 8)
    change = body.changes[0]
    assert (change.question, change.row, change.current, change.new.value, change.base_revision) == ("q_yes", 3, None,
                                                                                                       "yes", 0)
    assert stored(app, assessment_id, "q_yes") is None


def test_apply_saves_everything(app, client, assessment_id, focal):
    data = _workbook(app, assessment_id, {"q_yes": {"answer": "Yes"}, "q_number": {"answer": 4}})
    body = _post(client, assessment_id, focal, data, apply="true").get_json()
    assert body["applied"] and {item["question"] for item in body["saved"]} == {"q_yes", "q_number"}
    assert (stored(app, assessment_id, "q_yes").value, stored(app, assessment_id, "q_number").value) == ("yes", 4)


def test_conflicts_are_kept_unless_overwritten(app, client, make_user, assessment_id, focal):
    data = _workbook(app, assessment_id, {"q_yes": {"answer": "Yes"}, "q_choice": {"answer": "a"}})
    other = make_user(role="focal_point", name="Grace Other")
    save(app, assessment_id, "q_yes", {"value": "no"}, other)
    save(app, assessment_id, "q_choice", {"value": "b"}, other)
    dry = _post(client, assessment_id, focal, data).get_json()
    conflict = next(item for item in dry["conflicts"] if item["question"] == "q_yes")
    assert conflict["current"]["updated_by"]["name"] == "Grace Other" and conflict["current"]["revision"] == 1
    applied = _post(client, assessment_id, focal, data, apply="true", overwrite="q_yes:1").get_json()
    assert [item["question"] for item in applied["saved"]] == ["q_yes"]
    assert (stored(app, assessment_id, "q_yes").value, stored(app, assessment_id, "q_choice").value) == ("yes", "b")


def test_applying_invalid_cells_is_refused_with_their_places(app, client, assessment_id, focal):
    data = _workbook(app, assessment_id, {"q_yes": {"answer": "Yes"}, "q_percent": {"answer": 150}})
    response = _post(client, assessment_id, focal, data, apply="true")
    assert response.status_code == 422
    problems = Error.model_validate(response.get_json()).error.problems
    assert [(problem.location, problem.code) for problem in problems] == [("Answers!G8", "out_of_range")]
    assert stored(app, assessment_id, "q_yes") is None


def test_rows_outside_a_contributors_sections(app, client, make_user, assessment_id):
    email = make_user(role="contributor", country="KEN")
    contributor = user(app, email)
    with app.app_context():
        operations.set_assignments(None, db.session.get(Assessment, assessment_id), contributor, ["plans"])
        db.session.commit()
    data = _workbook(app, assessment_id, {"q_yes": {"answer": "Yes"}, "q_plan": {"answer": "No"}})
    response = _post(client, assessment_id, token_for(app, email), data, apply="true")
    assert response.status_code == 422
    assert [(p["location"], p["code"]) for p in response.get_json()["error"]["problems"]] == [("Answers!G3",
                                                                                              "not_assigned")]


@pytest.mark.parametrize(("data", "status", "code"), [
    (lambda data: edit(data, {"q_yes": {"answer": "=1"}}), 422, "formulas"),
    (lambda data: b"not a workbook", 422, "not_xlsx"),
    (lambda data: data + b"\0" * layout.MAX_FILE_BYTES, 413, "too_large")])
def test_refused_files(app, client, assessment_id, focal, data, status, code):
    response = _post(client, assessment_id, focal, data(_workbook(app, assessment_id, {})), apply="true")
    assert response.status_code == status
    assert response.get_json()["error"]["problems"] == [{"location": "file", "code": code,
                                                        "message": response.get_json()["error"]["problems"][0]["message"]}]


@pytest.mark.parametrize(("fields", "location"), [({}, "file"), ({"apply": "yes"}, "apply"),
                                                   ({"overwrite": "q_yes"}, "overwrite.0"),
                                                   ({"dry": "true"}, "dry")])
def test_invalid_forms(app, client, assessment_id, focal, fields, location):
    data = None if not fields else _workbook(app, assessment_id, {})
    response = _post(client, assessment_id, focal, data, **fields)
    assert response.status_code == 422
    assert [problem["location"] for problem in response.get_json()["error"]["problems"]] == [location]


def test_the_body_must_be_multipart(client, assessment_id, focal):
    response = client.post(f"/api/v1/assessments/{assessment_id}/answers:import", json={"file": "x"},
                           headers=bearer(focal))
    assert response.status_code == 415


def test_a_body_beyond_the_limit_is_too_large(app, client, assessment_id, focal):
    response = _post(client, assessment_id, focal, b"\0" * (layout.MAX_FILE_BYTES + 2 * 1024 * 1024))
    assert response.status_code == 413


@pytest.mark.parametrize(("role", "country", "evaluated", "status"), [
    ("evaluator", None, ("KEN",), 403), ("analyst", None, (), 404), ("focal_point", "MEX", (), 404)])
def test_who_may_not_import(app, client, make_user, assessment_id, role, country, evaluated, status):
    token = token_for(app, make_user(role=role, country=country, evaluated=evaluated))
    assert _post(client, assessment_id, token, _workbook(app, assessment_id, {})).status_code == status


def test_no_import_once_submitted(app, client, assessment_id, focal):
    with app.app_context():
        db.session.get(Assessment, assessment_id).state = "submitted"
        db.session.commit()
    response = _post(client, assessment_id, focal, _workbook(app, assessment_id, {"q_yes": {"answer": "Yes"}}))
    assert response.status_code == 409 and "submitted" in response.get_json()["error"]["title"]


def test_a_conflict_while_writing_answers_409_and_keeps_nothing(app, client, assessment_id, focal, monkeypatch):
    from mgf_assess.assessments.errors import AnswerConflict
    from mgf_assess.assessments.workbook import apply as applying

    real = applying.save_answer

    def last_fails(actor, assessment, qid, payload, revision):
        answer = real(actor, assessment, qid, payload, revision)
        if qid == "q_number":
            raise AnswerConflict(answer)
        return answer

    monkeypatch.setattr(applying, "save_answer", last_fails)
    data = _workbook(app, assessment_id, {"q_yes": {"answer": "Yes"}, "q_number": {"answer": 4}})
    response = _post(client, assessment_id, focal, data, apply="true")
    assert response.status_code == 409 and response.get_json()["current"]["question"] == "q_number"
    assert stored(app, assessment_id, "q_yes") is None and stored(app, assessment_id, "q_number") is None
