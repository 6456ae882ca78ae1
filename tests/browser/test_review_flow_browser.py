"""The review in a real browser: an evaluator's query, the contributor's reply, an override and
the acceptance, the government's validation, the lock that follows; the review pages in Arabic
and their accessibility (axe: no serious or critical violation)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import sign_in
from conftest import PASSWORD
from playwright.sync_api import expect

from mgf_assess.assessments import evidence, operations
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.auth.models import User
from mgf_assess.extensions import db
from mgf_assess.review.models import ScoreOverride
from mgf_assess.review.threads import operations as threads

pytestmark = pytest.mark.browser

SERVICES = {"q_yes": "yes", "q_choice": "c", "q_multi": ["x", "y"]}
OTHERS = {"q_number": 10, "q_percent": 60, "q_plan": "no"}


def _user(email: str) -> User:
    return db.session.scalar(db.select(User).filter_by(email=email))


@pytest.fixture
def people(make_user):
    return {"evaluator": make_user(role="evaluator", country=None, evaluated=("KEN",), name="Elena Evaluator"),
            "contributor": make_user(role="contributor", country="KEN", name="Otieno Contributor"),
            "focal": make_user(role="focal_point", country="KEN", name="Wanjiru Focal")}


@pytest.fixture
def in_review(app, assessment_id, people):
    """The Kenyan assessment answered (the services area by its contributor, with evidence),
    then in review: its state set directly, as the transitions are tested on their own."""
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        contributor = _user(people["contributor"])
        operations.set_assignments(None, assessment, contributor, ["services"])
        for qid, value in SERVICES.items():
            operations.save_answer(contributor, assessment, qid, {"value": value}, 0)
        for qid, value in OTHERS.items():
            operations.save_answer(None, assessment, qid, {"value": value}, 0)
        evidence.add_evidence(contributor, assessment, "q_yes", kind="law", citation="Health Services Act 2019")
        assessment.state = "in_review"
        db.session.commit()
    return assessment_id


def _state(app, assessment_id) -> str:
    with app.app_context():
        return db.session.get(Assessment, assessment_id).state


def _page(browser, live_server, email):
    page = browser.new_context().new_page()
    sign_in(page, live_server, email, PASSWORD)
    return page


def _query_and_reply(browser, live_server, people, section):
    """The evaluator asks about q_choice; the contributor answers on the same page."""
    evaluator = _page(browser, live_server, people["evaluator"])
    evaluator.goto(section)
    evaluator.locator("#q-q_choice .review__new summary").click()
    evaluator.fill("#q-q_choice-thread-text", "Which ministry runs this service in the counties?")
    evaluator.locator("#q-q_choice .review__new button[type=submit]").click()
    expect(evaluator.locator("#q-q_choice .thread--open")).to_contain_text("Which ministry runs")
    contributor = _page(browser, live_server, people["contributor"])
    contributor.goto(section)
    thread = contributor.locator("#q-q_choice .thread--open")
    thread.locator("textarea").fill("The Ministry of Health, through the county health departments.")
    thread.get_by_role("button", name="Reply").click()
    expect(contributor.locator("#q-q_choice .thread")).to_contain_text("county health departments")
    return evaluator


def _override_resolve_accept(evaluator, live_server, assessment_id, section):
    evaluator.goto(section)
    expect(evaluator.locator("#q-q_choice .thread")).to_contain_text("county health departments")
    evaluator.fill("#override-q_choice-score", "60")
    evaluator.fill("#override-q_choice-justification", "Only some counties offer the service.")
    evaluator.locator("#q-q_choice").get_by_role("button", name="Save the validated score").click()
    expect(evaluator.locator("#override-q_choice-score")).to_have_value(re.compile(r"^60(\.0+)?$"))
    evaluator.locator("#q-q_choice .thread").get_by_role("button", name="Mark resolved").click()
    expect(evaluator.locator("#q-q_choice .thread")).not_to_have_class(re.compile("thread--open"))
    evaluator.goto(f"{live_server}/assessments/{assessment_id}")
    evaluator.get_by_role("button", name="Accept the review").click()
    expect(evaluator.locator(".flash--success")).to_contain_text("The review is accepted")


def test_query_reply_override_accept_validate_then_locked(browser, live_server, app, people, in_review):
    section = f"{live_server}/assessments/{in_review}/areas/services"
    evaluator = _query_and_reply(browser, live_server, people, section)
    _override_resolve_accept(evaluator, live_server, in_review, section)
    assert _state(app, in_review) == "reviewed"
    with app.app_context():
        override = db.session.scalar(db.select(ScoreOverride).filter_by(assessment_id=in_review))
        assert (override.question_id, float(override.score)) == ("q_choice", 60.0)
    focal = _page(browser, live_server, people["focal"])
    focal.goto(f"{live_server}/assessments/{in_review}")
    focal.get_by_role("button", name="Validate (the government's sign-off)").click()
    expect(focal.locator("[data-locked]")).to_be_visible()
    assert _state(app, in_review) == "validated"
    contributor = _page(browser, live_server, people["contributor"])
    contributor.goto(section)
    expect(contributor.locator("[data-locked]")).to_contain_text("validated and locked")
    assert contributor.locator("#section-form").count() == 0
    refused = contributor.request.post(section, form={"q_choice-value": "a", "q_choice-base_revision": "1"})
    assert "validated and locked" in refused.text()
    with app.app_context():
        answer = db.session.scalar(db.select(Answer).filter_by(assessment_id=in_review, question_id="q_choice"))
        assert answer.value == "c"


def _with_a_thread(app, assessment_id, people):
    """An open query and an internal comment on q_choice, through the threads' operations."""
    with app.app_context():
        assessment, evaluator = db.session.get(Assessment, assessment_id), _user(people["evaluator"])
        threads.open_thread(evaluator, assessment, "q_choice", kind="query", text="Is this nationwide?")
        threads.open_thread(evaluator, assessment, "q_choice", kind="comment", text="Check the 2019 answer.",
                            internal=True)
        db.session.commit()


DUPLICATE_IDS = """() => { const seen = {}; for (const e of document.querySelectorAll('[id]')) {
  seen[e.id] = (seen[e.id] || 0) + 1; } return Object.keys(seen).filter(id => seen[id] > 1); }"""


def _serious(results) -> list:
    return [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_review_pages_are_accessible_and_arabic_is_right_to_left(page, live_server, app, make_user, in_review,
                                                                  people, language):
    _with_a_thread(app, in_review, people)
    with app.app_context():
        _user(people["evaluator"]).language = language
        db.session.commit()
    sign_in(page, live_server, people["evaluator"], PASSWORD)
    base = f"{live_server}/assessments/{in_review}"
    for path in (f"{base}/areas/services", base, f"{base}/queries"):
        page.goto(path)
        assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
        found = _serious(Axe().run(page))
        assert not found, (path, [(v["id"], [n["html"][:200] for n in v["nodes"]]) for v in found])
        assert page.evaluate(DUPLICATE_IDS) == [], path  # each heading named by aria-labelledby is unique
    page.goto(f"{base}/areas/services")
    assert page.locator("#q-q_choice .review-controls").count() == 1
    assert page.locator("#q-q_choice .thread").count() == 2
