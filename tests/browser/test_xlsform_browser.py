"""Importing an XLSForm in a real browser: upload, read the report, save the draft; accessible,
and readable on a phone."""

import os
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import sign_in
from conftest import PASSWORD

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scoring"))
from xlsform_corpus import CORPUS, build  # noqa: E402

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("SCREENSHOTS")  # a folder: save what the pages look like there


def _serious(results) -> list:
    return [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


@pytest.mark.parametrize("width", [1280, 390])
def test_upload_read_the_report_and_save_the_draft(page, live_server, make_user, tmp_path, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server, make_user(role="admin", country=None), PASSWORD)
    page.goto(f"{live_server}/questionnaires/")
    page.set_input_files("#workbook", str(build(CORPUS["needs_assessment.xlsx"], tmp_path / "needs.xlsx")))
    page.click("text=Read the workbook")
    page.wait_for_selector("#summary")
    assert "4" in page.locator(".facts dd").first.inner_text()
    assert page.locator("text=xlsform_repeat").count() >= 1
    assert not _serious(Axe().run(page))
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, "the report page scrolls sideways"
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/xlsform-report-{width}.png", full_page=True)
    page.fill("#version", "2019.1")
    page.click("button:has-text('Save the draft')")
    page.wait_for_url(f"{live_server}/questionnaires/needs_assessment/2019.1")
    assert "draft" in page.locator(".page-head").inner_text()
