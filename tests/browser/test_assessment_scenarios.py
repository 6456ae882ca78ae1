"""End-to-end scenarios of filling in: a contributor's section survives a reload, two people
editing one question, and an Arabic section page."""

import pytest
from browser_support import sign_in
from conftest import PASSWORD

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.auth.models import User
from mgf_assess.extensions import db

pytestmark = pytest.mark.browser


def _assign(app, assessment_id, email, scopes):
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        operations.set_assignments(None, db.session.get(Assessment, assessment_id), user, scopes)
        db.session.commit()


def _stored(app, assessment_id, qid):
    with app.app_context():
        answer = db.session.scalar(db.select(Answer).filter_by(assessment_id=assessment_id, question_id=qid))
        return None if answer is None else answer.value


def test_contributor_fills_a_section_and_it_survives_a_reload(page, live_server, app, make_user, assessment_id):
    contributor = make_user(role="contributor", country="KEN")
    _assign(app, assessment_id, contributor, ["services"])
    sign_in(page, live_server, contributor, PASSWORD)
    page.goto(f"{live_server}/assessments/{assessment_id}/areas/services")
    page.check("#q_choice-value-2")
    page.check("#q_multi-value-0")
    page.check("#q_multi-value-2")
    page.fill("#q_text-value", "Labour Code, article 12")
    page.get_by_role("button", name="Save section").first.click()
    page.wait_for_load_state()
    page.reload()
    assert page.is_checked("#q_choice-value-2")
    assert page.is_checked("#q_multi-value-0") and page.is_checked("#q_multi-value-2")
    assert page.input_value("#q_text-value") == "Labour Code, article 12"
    assert _stored(app, assessment_id, "q_choice") == "c"
    assert sorted(_stored(app, assessment_id, "q_multi")) == ["x", "z"]


def test_two_people_edit_one_question_and_nothing_is_overwritten(browser, live_server, app, make_user,
                                                                 assessment_id):
    first_email, second_email = make_user(role="focal_point", country="KEN"), make_user(role="focal_point",
                                                                                     country="KEN")
    first, second = browser.new_context().new_page(), browser.new_context().new_page()
    section = f"{live_server}/assessments/{assessment_id}/areas/services"
    for page, email in ((first, first_email), (second, second_email)):
        sign_in(page, live_server, email, PASSWORD)
        page.goto(section)  # both pages show the question unanswered, revision 0
    first.check("#q_choice-value-0")
    first.locator("#q-q_choice .save-status").filter(has_text="Saved").wait_for()
    second.check("#q_choice-value-2")
    second.locator("#q-q_choice .conflict").wait_for()
    assert _stored(app, assessment_id, "q_choice") == "a"  # the first value is kept
    second.reload()
    assert second.is_checked("#q_choice-value-0")


def test_arabic_section_page_is_right_to_left(page, live_server, make_user, assessment_id):
    sign_in(page, live_server, make_user(role="focal_point", country="KEN", language="ar"), PASSWORD)
    page.goto(f"{live_server}/assessments/{assessment_id}/areas/services")
    assert page.get_attribute("html", "dir") == "rtl"
    label = page.locator("#q-q_choice").bounding_box()
    radio = page.locator("#q_choice-value-0").bounding_box()
    assert radio["x"] > label["x"] + label["width"] / 2  # inputs sit on the right-hand side
