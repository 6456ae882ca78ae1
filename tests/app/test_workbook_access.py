"""Who may download, upload and apply answers workbooks: roles, countries, states, uploads of others."""

import pytest
from assess_helpers import save, stored, user
from conftest import login
from workbook_support import edit, multipart, plan_of, preview_url, upload

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.workbook.export import build_workbook
from mgf_assess.extensions import db

ROLES = {  # role, country, evaluated countries → download, page, upload
    "admin": (("admin", None, ()), 200, 200, 302),
    "focal point": (("focal_point", "KEN", ()), 200, 200, 302),
    "contributor": (("contributor", "KEN", ()), 200, 200, 302),
    "evaluator": (("evaluator", None, ("KEN",)), 403, 403, 403),
    "analyst": (("analyst", None, ()), 404, 404, 404),  # reads validated assessments only
    "focal point of another country": (("focal_point", "MEX", ()), 404, 404, 404),
    "contributor of another country": (("contributor", "MEX", ()), 404, 404, 404),
}


def _workbook(app, assessment_id: int, changes: dict) -> bytes:
    with app.test_request_context():
        data = build_workbook(db.session.get(Assessment, assessment_id), None, "all", "en")
    return edit(data, changes)


def _set_state(app, assessment_id: int, state: str) -> None:
    with app.app_context():
        db.session.get(Assessment, assessment_id).state = state
        db.session.commit()


@pytest.mark.parametrize("who", sorted(ROLES))
def test_access_by_role_and_country(app, client, make_user, assessment_id, who):
    (role, country, evaluated), download, page, posted = ROLES[who]
    login(client, make_user(role=role, country=country, evaluated=evaluated))
    base = f"/assessments/{assessment_id}/workbook"
    assert client.get(f"{base}.xlsx").status_code == download
    assert client.get(base).status_code == page
    assert upload(client, assessment_id, _workbook(app, assessment_id, {"q_yes": {"answer": "Yes"}})).status_code == posted
    assert stored(app, assessment_id, "q_yes") is None


@pytest.mark.parametrize("state", ["submitted", "in_review", "reviewed", "validated"])
def test_no_upload_once_the_country_may_not_edit(app, client, login_as, assessment_id, state):
    login_as(role="focal_point")
    _set_state(app, assessment_id, state)
    assert client.get(f"/assessments/{assessment_id}/workbook.xlsx").status_code == 200  # still readable
    page = client.get(f"/assessments/{assessment_id}/workbook").get_data(as_text=True)
    assert "its answers can no longer be changed" in page and 'enctype="multipart/form-data"' not in page
    response = upload(client, assessment_id, _workbook(app, assessment_id, {"q_yes": {"answer": "Yes"}}))
    assert response.status_code == 409 and stored(app, assessment_id, "q_yes") is None


def test_applying_after_submission_is_refused(app, client, login_as, assessment_id):
    login_as(role="focal_point")
    url = preview_url(upload(client, assessment_id, _workbook(app, assessment_id, {"q_yes": {"answer": "Yes"}})))
    html = client.get(url).get_data(as_text=True)
    _set_state(app, assessment_id, "submitted")
    response = client.post(url, data={"plan": plan_of(html)})
    assert response.status_code == 302 and response.headers["Location"].endswith("/workbook")
    assert stored(app, assessment_id, "q_yes") is None


def test_an_upload_is_only_its_uploaders(app, client, make_user, assessment_id):
    login(client, make_user(role="focal_point"))
    url = preview_url(upload(client, assessment_id, _workbook(app, assessment_id, {"q_yes": {"answer": "Yes"}})))
    html = client.get(url).get_data(as_text=True)
    client.post("/logout")
    login(client, make_user(role="focal_point"))
    assert client.get(url).headers["Location"].endswith("/workbook")
    assert client.post(url, data={"plan": plan_of(html)}).headers["Location"].endswith("/workbook")
    assert stored(app, assessment_id, "q_yes") is None


def test_a_contributor_without_the_section_cannot_change_it(app, client, login_as, assessment_id):
    contributor = user(app, login_as(role="contributor"))
    with app.app_context():
        operations.set_assignments(None, db.session.get(Assessment, assessment_id), contributor, ["plans"])
        db.session.commit()
    save(app, assessment_id, "q_plan", {"value": "no"})
    url = preview_url(upload(client, assessment_id, _workbook(app, assessment_id, {"q_yes": {"answer": "Yes"}})))
    html = client.get(url).get_data(as_text=True)
    assert "1.1 Services [en] is not one of the sections you may change" in html and 'name="plan"' not in html
    assert client.post(url, data={"plan": "forged"}).status_code == 302
    assert stored(app, assessment_id, "q_yes") is None


def test_signed_out_visitors_are_sent_to_sign_in(client, assessment_id):
    for response in (client.get(f"/assessments/{assessment_id}/workbook.xlsx"),
                     client.post(f"/assessments/{assessment_id}/workbook", **multipart({"file": (b"x", "a.xlsx")}))):
        assert response.status_code == 302 and "/login" in response.headers["Location"]
