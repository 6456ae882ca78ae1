"""The comparison page and the public profiles in a real browser: every view renders, fits a
phone's width and a desktop's, in English and in Arabic (right to left), with no serious
accessibility violation (axe)."""

import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import sign_in
from conftest import PASSWORD

sys.path.insert(0, str(Path(__file__).parents[1] / "app"))  # the comparison tests' data, shared
import compare_support as cs  # noqa: E402

pytestmark = pytest.mark.browser
QUERY = "/comparisons?questionnaire=cmp&cycle=2026&baseline=2019&peer=ETH&rank=rights"
SIZES = [(1280, 900), (390, 844)]


def _serious(page) -> list:
    found = [v for v in Axe().run(page).response["violations"] if v.get("impact") in ("serious", "critical")]
    return [(v["id"], [n["html"][:200] for n in v["nodes"]]) for v in found]


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def _language(page, base: str, language: str) -> None:
    page.goto(f"{base}/profiles")
    page.select_option("#language-select", language)
    page.click(".language-switcher button")
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_comparison_page_in_a_browser(app, tmp_path, page, live_server, make_user, language):
    cs.seed(app, tmp_path)
    sign_in(page, live_server, make_user(role="analyst", country=None), PASSWORD)
    _language(page, live_server, language)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(live_server + QUERY)
        assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
        assert page.locator("#comparison svg[role=img]").count() >= 4  # heatmap, radars, bars, dumbbells
        assert page.locator("#ranking").count() == 1 and page.locator("#peers table").count() >= 1
        assert _fits(page), (language, width)
        assert not _serious(page), (language, width)


def test_public_profiles_in_a_browser(app, tmp_path, page, live_server):
    cs.seed(app, tmp_path)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        for path in ("/profiles", "/profiles/DEU"):
            page.goto(live_server + path)
            assert _fits(page), (path, width)
            assert not _serious(page), (path, width)
    assert page.locator("svg.chart--radar").count() == 1
