"""Defects found by probing the application as an outsider: each test reproduces the probe."""

import json

import pytest

from mgf_assess.api.bodies import MAX_JSON_DEPTH, nesting_depth


@pytest.fixture
def token(app, make_user):
    from mgf_assess.auth import operations
    from mgf_assess.auth.models import User
    from mgf_assess.extensions import db

    email = make_user(role="focal_point", country="KEN")
    with app.app_context():
        plain = operations.create_token(None, db.session.scalar(db.select(User).filter_by(email=email)), "probe")[1]
        db.session.commit()
    return {"Authorization": f"Bearer {plain}", "Content-Type": "application/json"}


def test_a_deeply_nested_json_body_is_a_bad_request(client, token):
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/v1/assessments", data=body, headers=token)
    assert response.status_code == 400 and "nested" in response.get_json()["error"]["title"]


def test_nesting_just_over_the_limit_is_refused_and_below_it_is_read(client, token):
    over = {"country": "KEN"}
    for _ in range(MAX_JSON_DEPTH):
        over = {"x": over}
    assert nesting_depth(over) == MAX_JSON_DEPTH + 1
    assert client.post("/api/v1/assessments", data=json.dumps(over), headers=token).status_code == 400
    flat = {"country": "KEN", "questionnaire": "mgf", "version": "2026.1", "cycle": 2026}
    assert client.post("/api/v1/assessments", data=json.dumps(flat), headers=token).status_code != 400


def test_an_oversized_json_body_is_413(app, client, token):
    app.config["MAX_JSON_KB"] = 1
    body = json.dumps({"country": "KEN", "note": "x" * 2000})
    response = client.post("/api/v1/assessments", data=body, headers=token)
    assert response.status_code == 413 and response.is_json


@pytest.mark.parametrize("secure", [True, False])
def test_hsts_only_when_cookies_are_secure(app, client, secure):
    app.config["SESSION_COOKIE_SECURE"] = secure
    response = client.get("/login")
    assert ("Strict-Transport-Security" in response.headers) is secure


@pytest.fixture
def assessment_id(app, tmp_path):
    import qfiles

    from mgf_assess.assessments import operations
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires import operations as qops

    qfiles.write(tmp_path / "q", qfiles.definition(status="published"))
    with app.app_context():
        qops.load_folder(tmp_path / "q")
        found = operations.create_assessment(None, country="KEN", family="demo", version="1.0", cycle=2026)
        for qid in ("q_one", "q_two"):
            operations.save_answer(None, found, qid, {"value": "yes"}, 0)
        db.session.commit()
        return found.id


def test_a_transition_comment_over_the_limit_is_refused_with_its_location(app, client, token, assessment_id):
    from mgf_assess.core.limits import TEXT_MAX

    body = json.dumps({"action": "submit", "comment": "x" * (TEXT_MAX + 1)})
    response = client.post(f"/api/v1/assessments/{assessment_id}/transitions", data=body, headers=token)
    problem = response.get_json()["error"]["problems"][0]
    assert response.status_code == 422 and (problem["location"], problem["code"]) == ("comment", "too_long")
    ok = json.dumps({"action": "submit", "comment": "x" * TEXT_MAX})
    assert client.post(f"/api/v1/assessments/{assessment_id}/transitions", data=ok, headers=token).status_code == 200


def test_the_operation_refuses_a_comment_over_the_limit(app, assessment_id):
    from mgf_assess.assessments import operations
    from mgf_assess.assessments.models import Assessment
    from mgf_assess.core.errors import OperationError
    from mgf_assess.core.limits import TEXT_MAX
    from mgf_assess.extensions import db

    with app.app_context():
        found = db.session.get(Assessment, assessment_id)
        with pytest.raises(OperationError) as refused:
            operations.run_transition(None, found, "submit", "x" * (TEXT_MAX + 1))
        assert "comment" in refused.value.problems and found.state == "draft"
        db.session.rollback()


# ---- numbers: 1e999 used to be stored as inf and take the whole assessment down ---------------

@pytest.fixture
def numbers(app, tmp_path):
    import qfiles
    from assess_helpers import open_assessment, publish

    publish(app, tmp_path / "rq", qfiles.rich_definition())
    return open_assessment(app)


@pytest.mark.parametrize("raw", ["1e999", "1" + "0" * 400, -1e16, "-1e999"])
def test_a_huge_number_is_refused_with_its_location(app, client, token, numbers, raw):
    body = json.dumps({"value": raw, "base_revision": 0})
    response = client.put(f"/api/v1/assessments/{numbers}/answers/q_number", data=body, headers=token)
    problems = response.get_json()["error"]["problems"]
    assert response.status_code == 422 and [(p["location"], p["code"]) for p in problems] == [("value", "out_of_range")]


def _store_raw(app, assessment_id, qid, value):
    """An answer as an older version could store it, bypassing today's checks."""
    from mgf_assess.assessments.models import Answer
    from mgf_assess.extensions import db

    with app.app_context():
        db.session.add(Answer(assessment_id=assessment_id, question_id=qid, value=value, status="answered"))
        db.session.commit()


def _bad_values(app):
    """Invalid stored values this database can hold (PostgreSQL's JSON refuses Infinity)."""
    values = ["not a number", 10**20]
    return values + ([float("inf")] if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite") else [])


def test_a_stored_invalid_number_takes_no_page_down(app, client, login_as, make_user, numbers):
    for index, value in enumerate(_bad_values(app)):
        qid = "q_number" if index == 0 else "q_percent"
        if index:
            from mgf_assess.assessments.models import Answer
            from mgf_assess.extensions import db
            with app.app_context():
                db.session.execute(db.delete(Answer).where(Answer.question_id == qid))
                db.session.commit()
        _store_raw(app, numbers, qid, value)
        login_as(role="focal_point", country="KEN")
        pages = [f"/assessments/{numbers}", f"/assessments/{numbers}/areas/data", f"/assessments/{numbers}/report",
                 f"/assessments/{numbers}/submit", f"/assessments/{numbers}/report.csv",
                 f"/assessments/{numbers}/report.json"]
        for page in pages:
            assert client.get(page).status_code == 200, (page, value)
        section = client.get(f"/assessments/{numbers}/areas/data").get_data(as_text=True)
        assert "not valid and counts as missing" in section, value


def test_the_api_never_emits_infinity(app, client, token, numbers):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("PostgreSQL's JSON type cannot hold Infinity at all")
    _store_raw(app, numbers, "q_number", float("inf"))
    for path in (f"/api/v1/assessments/{numbers}", f"/api/v1/assessments/{numbers}/scores"):
        response = client.get(path, headers=token)
        assert response.status_code == 200 and "Infinity" not in response.get_data(as_text=True), path
        json.loads(response.get_data(as_text=True), parse_constant=lambda name: pytest.fail(name))


def test_a_name_over_the_limit_is_refused_with_its_location(app):
    from mgf_assess.auth import operations
    from mgf_assess.core.errors import OperationError
    from mgf_assess.core.limits import NAME_MAX

    with app.app_context(), pytest.raises(OperationError) as refused:
        operations.create_user(None, email="long@example.org", name="n" * (NAME_MAX + 1), role="analyst",
                               password="correct-horse-battery")
    assert list(refused.value.problems) == ["name"]
