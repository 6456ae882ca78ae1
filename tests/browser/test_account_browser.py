"""The account pages in a real browser: a required role sets up two-step verification (QR code,
key, first code, recovery codes) and signs in with a code; the account page lists the sessions
and fits a phone's width; no serious accessibility violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import sign_in
from conftest import PASSWORD

from mgf_assess.auth.mfa import totp
from mgf_assess.database import utcnow

pytestmark = pytest.mark.browser
PHONE, DESKTOP = 390, 1280


def code(secret: str, steps: int = 0) -> str:
    return totp.code_at(secret, totp.step_at(utcnow()) + steps)


def _serious(page) -> list:
    found = [v for v in Axe().run(page).response["violations"] if v.get("impact") in ("serious", "critical")]
    return [(v["id"], [n["html"][:200] for n in v["nodes"]]) for v in found]


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_required_role_sets_it_up_and_then_signs_in_with_a_code(app, page, live_server, make_user):
    app.config["MFA_REQUIRED_ROLES"] = ("admin",)
    email = make_user(role="admin", country=None)
    page.goto(f"{live_server}/login")
    page.fill("#email", email), page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server}/account/mfa")
    assert page.locator("#mfa-qr").evaluate("img => img.naturalWidth > 100")  # the QR image loads under the CSP
    assert not _serious(page)
    secret = page.inner_text("#mfa-secret").replace(" ", "")
    page.fill("#code", code(secret))
    page.click("main form button[type=submit]")
    assert page.locator("#recovery-codes li").count() == 10
    page.click("text=I have saved them: continue")
    page.click(".user-menu button")  # sign out
    page.fill("#email", email), page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server}/login/code")
    assert not _serious(page)
    page.fill("#code", code(secret, 1))
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server}/")


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_account_page_lists_sessions_and_fits_the_screen(page, live_server, make_user, width):
    email = make_user()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server, email, PASSWORD)
    page.goto(f"{live_server}/account")
    assert page.locator("#session-list tbody tr").count() == 1
    assert page.locator("#session-list").inner_text().count("this session") == 2  # badge and button
    assert _fits(page) and not _serious(page)
    page.goto(f"{live_server}/account/mfa")
    assert _fits(page) and not _serious(page)
