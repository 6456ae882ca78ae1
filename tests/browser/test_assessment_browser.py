"""Assessment pages in a real browser: autosave, problems, conflicts, live relevance, accessibility."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import sign_in
from conftest import PASSWORD
from playwright.sync_api import expect

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.auth.models import User
from mgf_assess.extensions import db

pytestmark = pytest.mark.browser


def _stored(app, assessment_id, qid):
    with app.app_context():
        answer = db.session.scalar(db.select(Answer).filter_by(assessment_id=assessment_id, question_id=qid))
        return None if answer is None else (answer.value, answer.revision)


def _save_as(app, assessment_id, email, qid, value, revision):
    with app.app_context():
        actor = db.session.scalar(db.select(User).filter_by(email=email))
        operations.save_answer(actor, db.session.get(Assessment, assessment_id), qid, {"value": value}, revision)
        db.session.commit()


def _open(page, live_server, make_user, assessment_id, area):
    sign_in(page, live_server, make_user(role="focal_point", country="KEN"), PASSWORD)
    page.goto(f"{live_server}/assessments/{assessment_id}/areas/{area}")


def test_autosave_stores_a_changed_answer(page, live_server, make_user, app, assessment_id):
    _open(page, live_server, make_user, assessment_id, "services")
    page.check("#q_choice-value-1")
    page.locator("#q-q_choice .save-status").filter(has_text="Saved").wait_for()
    assert _stored(app, assessment_id, "q_choice") == ("b", 1)
    assert page.input_value("#q_choice-base_revision") == "1"
    page.check("#q_choice-value-2")
    expect(page.locator("#q_choice-base_revision")).to_have_value("2")
    assert _stored(app, assessment_id, "q_choice") == ("c", 2)


def test_autosave_shows_problems_next_to_the_question(page, live_server, make_user, app, assessment_id):
    _open(page, live_server, make_user, assessment_id, "data")
    page.fill("#q_percent-value", "150")
    page.locator("#q-q_percent [data-live-error]").filter(has_text="Enter a percentage from 0 to 100.").wait_for()
    assert page.get_attribute("#q_percent-value", "aria-invalid") == "true"
    assert _stored(app, assessment_id, "q_percent") is None


def test_conflict_shows_their_answer_then_overwrite(page, live_server, make_user, app, assessment_id):
    other = make_user(role="focal_point", country="KEN", name="Grace Other")
    _open(page, live_server, make_user, assessment_id, "services")
    _save_as(app, assessment_id, other, "q_yes", "no", 0)
    page.check("#q_yes-value-0")
    box = page.locator("#q-q_yes .conflict")
    box.wait_for()
    assert "Grace Other" in box.inner_text() and box.locator("q").inner_text() == "No"
    assert _stored(app, assessment_id, "q_yes") == ("no", 1)
    box.get_by_role("button", name="Overwrite with my answer").click()
    page.locator("#q-q_yes .save-status").filter(has_text="Saved").wait_for()
    assert _stored(app, assessment_id, "q_yes") == ("yes", 2)


def test_conflict_keep_theirs_reloads_their_value(page, live_server, make_user, app, assessment_id):
    other = make_user(role="focal_point", country="KEN")
    _open(page, live_server, make_user, assessment_id, "services")
    _save_as(app, assessment_id, other, "q_yes", "no", 0)
    page.check("#q_yes-value-0")
    page.locator("#q-q_yes .conflict").get_by_role("button", name="Keep their answer").click()
    assert page.is_checked("#q_yes-value-1") and page.input_value("#q_yes-base_revision") == "1"
    assert _stored(app, assessment_id, "q_yes") == ("no", 1)


def test_relevance_refreshes_while_answering(page, live_server, make_user, assessment_id):
    _open(page, live_server, make_user, assessment_id, "plans")
    assert page.locator("#q-q_plan_tested").is_hidden()
    page.check("#q_plan-value-0")
    page.locator("#q-q_plan_tested").wait_for(state="visible")
    page.check("#q_plan-value-1")
    page.locator("#q-q_plan_tested").wait_for(state="hidden")


def test_status_choice_shows_the_justification(page, live_server, make_user, assessment_id):
    _open(page, live_server, make_user, assessment_id, "services")
    assert page.locator("#q-q_choice [data-justification]").is_hidden()
    page.check("#q_choice-status-1")
    assert page.locator("#q-q_choice [data-justification]").is_visible()
    assert page.is_disabled("#q_choice-value-0")


def _serious(results) -> list:
    return [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_assessment_pages_have_no_serious_accessibility_violations(page, live_server, make_user, assessment_id,
                                                                   language):
    email = make_user(role="focal_point", country="KEN", language=language)
    sign_in(page, live_server, email, PASSWORD)
    base = f"/assessments/{assessment_id}"
    for path in ("/assessments/", base, f"{base}/areas/services", f"{base}/areas/data", f"{base}/submit",
                 f"{base}/answers/q_yes/history"):
        page.goto(live_server + path)
        found = _serious(Axe().run(page))
        assert not found, (path, [(v["id"], [n["html"][:200] for n in v["nodes"]]) for v in found])
