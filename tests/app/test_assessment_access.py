"""The access matrix of assessment pages: roles × own / other country, for every kind of page."""

import io
from pathlib import Path

import pytest
import qfiles
from assess_helpers import open_assessment, publish, save
from conftest import login

from mgf_assess.assessments.models import Assessment, Evidence
from mgf_assess.extensions import db

ROLES = ["admin", "focal_point", "contributor", "evaluator", "analyst"]
# role -> status of a page of an own-country draft, of another country's draft
READ = {
    "admin": (200, 200),
    "focal_point": (200, 404),
    "contributor": (200, 404),
    "evaluator": (200, 404),
    "analyst": (404, 404),  # analysts read validated assessments only
}
# role -> status of saving a section of an own-country draft, of another country's draft
WRITE = {
    "admin": (302, 302),
    "focal_point": (302, 404),
    "contributor": (403, 404),  # nothing assigned
    "evaluator": (403, 404),
    "analyst": (404, 404),
}


@pytest.fixture
def two_countries(app, tmp_path):
    publish(app, tmp_path / "q", qfiles.rich_definition())
    own, other = open_assessment(app, "KEN"), open_assessment(app, "MEX")
    with app.app_context():
        for assessment_id in (own, other):
            db.session.add(Evidence(assessment_id=assessment_id, question_id="q_yes", kind="law", citation="Act",
                                    file_name="act.pdf", stored_name=f"{assessment_id:032x}", size=5,
                                    content_type="application/pdf"))
        db.session.commit()
        evidence = dict(db.session.execute(db.select(Evidence.assessment_id, Evidence.id)).all())
    return own, other, evidence


def _sign_in(client, make_user, role):
    country = "KEN" if role in ("focal_point", "contributor") else None
    login(client, make_user(role=role, country=country, evaluated=("KEN",) if role == "evaluator" else ()))


def _pages(assessment_id, evidence_id):
    base = f"/assessments/{assessment_id}"
    return [base, f"{base}/areas/services", f"{base}/answers/q_yes/history", f"{base}/evidence/{evidence_id}/file"]


def _write_file(app, name):
    folder = Path(app.config["UPLOAD_FOLDER"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(b"%PDF-")


@pytest.mark.parametrize("role", ROLES)
def test_reading_pages_by_role_and_country(app, client, make_user, two_countries, role):
    own, other, evidence = two_countries
    for assessment_id in (own, other):
        _write_file(app, f"{assessment_id:032x}")
    _sign_in(client, make_user, role)
    for assessment_id, expected in ((own, READ[role][0]), (other, READ[role][1])):
        for path in _pages(assessment_id, evidence[assessment_id]):
            with client.get(path) as response:
                assert response.status_code == expected, (role, path)


@pytest.mark.parametrize("role", ROLES)
def test_saving_answers_by_role_and_country(app, client, make_user, two_countries, role):
    own, other, _evidence = two_countries
    _sign_in(client, make_user, role)
    for assessment_id, expected in ((own, WRITE[role][0]), (other, WRITE[role][1])):
        response = client.post(f"/assessments/{assessment_id}/areas/services",
                                data={"q_yes-value": "yes", "q_yes-base_revision": "0"})
        assert response.status_code == expected, (role, assessment_id)


@pytest.mark.parametrize("role", ROLES)
def test_adding_evidence_by_role_and_country(app, client, make_user, two_countries, role):
    own, other, _evidence = two_countries
    _sign_in(client, make_user, role)
    for assessment_id, expected in ((own, WRITE[role][0]), (other, WRITE[role][1])):
        data = {"ev-q_yes-kind": "law", "ev-q_yes-citation": "Act 2", "ev-q_yes-file": (io.BytesIO(b"%PDF-1"), "a.pdf")}
        response = client.post(f"/assessments/{assessment_id}/answers/q_yes/evidence", data=data,
                               content_type="multipart/form-data")
        assert response.status_code == expected, (role, assessment_id)


# role -> status of the submission page and of carrying forward, own country then other country
MANAGE = {
    "admin": (200, 200),
    "focal_point": (200, 404),
    "contributor": (403, 404),
    "evaluator": (403, 404),
    "analyst": (404, 404),
}


@pytest.mark.parametrize("role", ROLES)
def test_management_pages_by_role_and_country(app, client, make_user, two_countries, role):
    own, other, _evidence = two_countries
    _sign_in(client, make_user, role)
    for assessment_id, expected in ((own, MANAGE[role][0]), (other, MANAGE[role][1])):
        assert client.get(f"/assessments/{assessment_id}/submit").status_code == expected, (role, assessment_id)
        refused = 404 if expected == 404 else 403
        carry = client.post(f"/assessments/{assessment_id}/carry-forward").status_code
        assert carry == (302 if expected == 200 else refused), (role, assessment_id)


def test_analyst_reads_validated_assessments(app, client, make_user, two_countries):
    own, _other, evidence = two_countries
    _write_file(app, f"{own:032x}")
    save(app, own, "q_yes", "yes")
    with app.app_context():
        db.session.get(Assessment, own).state = "validated"
        db.session.commit()
    _sign_in(client, make_user, "analyst")
    for path in _pages(own, evidence[own]):
        with client.get(path) as response:
            assert response.status_code == 200, path
    html = client.get(f"/assessments/{own}/areas/services").get_data(as_text=True)
    assert 'id="section-form"' not in html
    assert client.post(f"/assessments/{own}/areas/services", data={}).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, two_countries):
    own, _other, _evidence = two_countries
    response = client.get(f"/assessments/{own}")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_relevance_and_confirm_endpoints_by_role_and_country(app, client, make_user, two_countries, role):
    own, other, _evidence = two_countries
    _sign_in(client, make_user, role)
    for assessment_id, readable in ((own, READ[role][0] == 200), (other, READ[role][1] == 200)):
        relevance = client.post(f"/assessments/{assessment_id}/areas/plans/relevance", data={})
        assert relevance.status_code == (200 if readable else 404), (role, assessment_id)
        confirm = client.post(f"/assessments/{assessment_id}/answers/q_yes/confirm")
        assert confirm.status_code in ((404,) if not readable else (403, 404)), (role, assessment_id)
