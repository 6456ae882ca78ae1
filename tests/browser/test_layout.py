"""The base layout in a real browser: sign-in, language switch, right-to-left Arabic, accessibility."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import sign_in
from conftest import PASSWORD

pytestmark = pytest.mark.browser


def _serious(results) -> list:
    return [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


def test_sign_in_and_switch_to_arabic(page, live_server, make_user):
    email = make_user(role="admin", country=None)
    sign_in(page, live_server, email, PASSWORD)
    assert page.locator("h1").inner_text().startswith("Welcome")
    page.select_option("#language-select", "ar")
    page.click(".language-switcher button")
    page.wait_for_load_state()
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
    # mirrored: the brand sits at the right edge, the tools at the left
    brand, tools = page.locator(".brand").bounding_box(), page.locator(".header-tools").bounding_box()
    assert brand["x"] > tools["x"]


def test_login_and_dashboard_have_no_serious_accessibility_violations(page, live_server, make_user):
    page.goto(f"{live_server}/login")
    assert not _serious(Axe().run(page))
    sign_in(page, live_server, make_user(role="admin", country=None), PASSWORD)
    for path in ("/", "/account", "/admin/users"):
        page.goto(live_server + path)
        found = _serious(Axe().run(page))
        assert not found, (path, [(v["id"], [n["html"][:200] for n in v["nodes"]]) for v in found])


def test_questionnaire_pages_have_no_serious_accessibility_violations(page, live_server, make_user, app):
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires.operations import load_folder

    with app.app_context():
        load_folder(app.config["QUESTIONNAIRES_FOLDER"])
        db.session.commit()
    sign_in(page, live_server, make_user(role="admin", country=None), PASSWORD)
    for path in ("/questionnaires/", "/questionnaires/mgf/2026.1", "/questionnaires/mgf/diff?old=2015.1&new=2026.1"):
        page.goto(live_server + path)
        found = _serious(Axe().run(page))
        assert not found, (path, [(v["id"], [n["html"][:200] for n in v["nodes"]]) for v in found])
