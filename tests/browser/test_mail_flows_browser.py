"""The pages of forgotten passwords and invitations in a real browser, at a desktop's and a
phone's width and in Arabic: the whole way through, fitting the screen, with no serious
accessibility violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import sign_in
from conftest import PASSWORD

from mgf_assess.extensions import db
from mgf_assess.mail.delivery import PREPARERS
from mgf_assess.mail.models import OutboxMessage

pytestmark = pytest.mark.browser
NEW_PASSWORD = "amber-harbour-quietly-violet"
SIZES = [(1280, "en"), (390, "en"), (390, "ar")]


def _serious(page) -> list:
    found = [v for v in Axe().run(page).response["violations"] if v.get("impact") in ("serious", "critical")]
    return [(v["id"], [n["html"][:200] for n in v["nodes"]]) for v in found]


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def _check(page) -> None:
    assert _fits(page), page.url
    assert not _serious(page), (page.url, _serious(page))


def _link(app, email: str) -> str:
    """The path of the link in the latest mail to ``email`` (after the sender's preparation)."""
    with app.app_context():
        for prepare in PREPARERS:
            prepare()
        message = db.session.scalars(db.select(OutboxMessage).filter_by(recipient=email)
                                     .order_by(OutboxMessage.id.desc())).first()
        return next(word for word in message.body_text.split() if "/password-reset/" in word or "/invitation/" in word
                    ).removeprefix(app.config["BASE_URL"])


@pytest.mark.parametrize(("width", "language"), SIZES)
def test_a_forgotten_password_all_the_way(app, page, live_server, make_user, width, language):
    email = make_user(role="contributor")
    page.set_viewport_size({"width": width, "height": 900})
    page.set_extra_http_headers({"Accept-Language": language})
    page.goto(f"{live_server}/login")
    page.click("a[href='/password-reset']")
    _check(page)
    page.fill("#email", email)
    page.click("main button[type=submit]")
    assert page.locator("main [role=status]").is_visible()
    _check(page)
    page.goto(live_server + _link(app, email))
    assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
    _check(page)
    page.fill("#password", NEW_PASSWORD), page.fill("#confirm", NEW_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server}/login")
    sign_in(page, live_server, email, NEW_PASSWORD)


@pytest.mark.parametrize(("width", "language"), SIZES)
def test_an_invitation_all_the_way(app, page, live_server, make_user, width, language, browser):
    focal = make_user(role="focal_point", country="KEN")
    page.set_viewport_size({"width": width, "height": 900})
    page.set_extra_http_headers({"Accept-Language": language})
    sign_in(page, live_server, focal, PASSWORD)
    page.click("nav a[href='/invitations']")
    page.wait_for_url(f"{live_server}/invitations")
    _check(page)
    page.fill("#name", "Wanjiru Kamau"), page.fill("#email", "wanjiru@health.go.ke")
    page.click("main form button.button--primary")
    page.wait_for_load_state()
    assert page.locator("main table").inner_text().count("wanjiru@health.go.ke") == 1
    _check(page)
    guest = browser.new_context(viewport={"width": width, "height": 900},
                                extra_http_headers={"Accept-Language": language}).new_page()
    guest.goto(live_server + _link(app, "wanjiru@health.go.ke"))
    _check(guest)
    guest.fill("#password", NEW_PASSWORD), guest.fill("#confirm", NEW_PASSWORD)
    guest.click("main button[type=submit]")
    guest.wait_for_url(f"{live_server}/")
    guest.context.close()
