"""The review queue in a real browser: it fits a desktop's and a phone's width in every
interface language (Arabic right to left), is usable with the keyboard, and axe finds no
serious or critical violation on it, full or empty."""

import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import sign_in
from conftest import PASSWORD

sys.path.insert(0, str(Path(__file__).parents[1] / "app"))  # the review tests' helpers, shared
import qrich  # noqa: E402
import queue_support as rs  # noqa: E402

pytestmark = pytest.mark.browser
SIZES = [(1280, 900), (390, 844)]


def _serious(page) -> list:
    found = [v for v in Axe().run(page).response["violations"] if v.get("impact") in ("serious", "critical")]
    return [(v["id"], [n["html"][:200] for n in v["nodes"]]) for v in found]


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def _seed(app, folder) -> None:
    with app.app_context():
        qrich.load(app, folder)
        for index, (state, country) in enumerate([("submitted", "KEN"), ("in_review", "JOR"), ("returned", "SEN"),
                                                  ("reviewed", "MEX"), ("validated", "KEN")]):
            assessment = rs.in_state(state, country, cycle=2020 + index)
            if state in ("in_review", "returned"):
                rs.thread(assessment, replies=1)


def _language(page, base: str, language: str) -> None:
    page.goto(f"{base}/review")
    page.select_option("#language-select", language)
    page.click(".language-switcher button")
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_review_queue_in_a_browser(app, tmp_path, page, live_server, make_user, language):
    _seed(app, tmp_path / "q")
    sign_in(page, live_server, make_user(role="evaluator", country=None, evaluated=("KEN", "JOR", "SEN", "MEX")),
            PASSWORD)
    _language(page, live_server, language)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{live_server}/review")
        assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
        assert page.locator(".review-table tbody tr").count() == 5
        assert _fits(page), (language, width)
        assert not _serious(page), (language, width)


def test_the_queue_with_the_keyboard(app, tmp_path, page, live_server, make_user):
    _seed(app, tmp_path / "q")
    sign_in(page, live_server, make_user(role="admin", country=None), PASSWORD)
    page.goto(f"{live_server}/review")
    validated = page.locator("#group-validated details")
    assert validated.get_attribute("open") is None  # folded: nothing left to do there
    page.focus("#group-validated summary")
    page.keyboard.press("Enter")
    assert validated.get_attribute("open") is not None
    page.focus("#group-submitted .review-links a >> nth=1")  # "Review" of the waiting one
    page.keyboard.press("Enter")
    page.wait_for_url("**/areas/r_services")


def test_the_empty_queue_in_a_browser(page, live_server, make_user):
    sign_in(page, live_server, make_user(role="evaluator", country=None, evaluated=("KEN",)), PASSWORD)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{live_server}/review")
        assert page.locator(".review-empty").count() == 1
        assert _fits(page) and not _serious(page), width


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_reviewed_gap_report_in_a_browser(app, tmp_path, page, live_server, make_user, language):
    from test_reports_review import _reviewed

    with app.app_context():
        qrich.load(app, tmp_path / "q")
        number = _reviewed().id
    sign_in(page, live_server, make_user(role="focal_point", country="KEN"), PASSWORD)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{live_server}/assessments/{number}/report?lang={language}")
        assert page.locator("#overrides-annex tbody tr").count() == 2
        assert _fits(page), (language, width)
        assert not _serious(page), (language, width)
