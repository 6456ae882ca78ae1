"""The answers workbook in a real browser: download, upload, the preview with a conflict, apply."""

import io

import openpyxl
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
        return None if answer is None else answer.value


def _save_as(app, assessment_id, email, qid, value):
    with app.app_context():
        actor = db.session.scalar(db.select(User).filter_by(email=email))
        operations.save_answer(actor, db.session.get(Assessment, assessment_id), qid, {"value": value}, 0)
        db.session.commit()


def _filled(path, answers: dict) -> bytes:
    with open(path, "rb") as downloaded:  # saved without a file name extension: openpyxl wants one
        book = openpyxl.load_workbook(io.BytesIO(downloaded.read()))
    sheet = book["Answers"]
    for row in range(3, sheet.max_row + 1):
        if sheet.cell(row, 1).value in answers:
            sheet.cell(row, 7).value = answers[sheet.cell(row, 1).value]
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _download_and_fill(page, live_server, assessment_id, answers: dict) -> bytes:
    page.goto(f"{live_server}/assessments/{assessment_id}/workbook")
    with page.expect_download() as download:
        page.locator("form[method=get][action$='workbook.xlsx'] button[type=submit]").click()  # any language
    return _filled(download.value.path(), answers)


def _upload(page, data: bytes) -> None:
    page.set_input_files("#file", {"name": "answers.xlsx", "mimeType": "application/octet-stream", "buffer": data})
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", name="Preview of the workbook")).to_be_visible()


def test_upload_preview_choose_and_apply(page, live_server, make_user, app, assessment_id):
    sign_in(page, live_server, make_user(role="focal_point", country="KEN"), PASSWORD)
    data = _download_and_fill(page, live_server, assessment_id, {"q_yes": "Yes", "q_number": 12})
    _save_as(app, assessment_id, make_user(role="focal_point", country="KEN", name="Grace Other"), "q_yes", "no")
    _upload(page, data)
    changes = page.locator("section", has=page.get_by_role("heading", name="Answers to change"))
    expect(changes).to_contain_text("q_number")
    conflict = page.locator("#conflict-q_yes")
    expect(conflict).to_contain_text("Grace Other")
    expect(page.get_by_label("Keep their answer")).to_be_checked()
    assert _stored(app, assessment_id, "q_number") is None  # a preview writes nothing
    conflict.get_by_label("Use the workbook’s answer").check()
    page.get_by_role("button", name="Apply 1 change").click()
    expect(page.locator(".flash--success")).to_contain_text("2 answers were saved")
    assert (_stored(app, assessment_id, "q_yes"), _stored(app, assessment_id, "q_number")) == ("yes", 12)


def test_invalid_cells_are_listed_and_nothing_can_be_applied(page, live_server, make_user, app, assessment_id):
    sign_in(page, live_server, make_user(role="focal_point", country="KEN"), PASSWORD)
    _upload(page, _download_and_fill(page, live_server, assessment_id, {"q_percent": 150, "q_yes": "Yes"}))
    expect(page.get_by_role("alert")).to_contain_text("This workbook cannot be applied yet")
    expect(page.locator("table").first).to_contain_text("Sheet Answers, row 8, column G")
    expect(page.get_by_role("button", name="Apply 1 change")).to_have_count(0)


def test_a_refused_file_stays_on_the_upload_page(page, live_server, make_user, assessment_id):
    sign_in(page, live_server, make_user(role="focal_point", country="KEN"), PASSWORD)
    page.goto(f"{live_server}/assessments/{assessment_id}/workbook")
    page.set_input_files("#file", {"name": "answers.csv", "mimeType": "text/csv", "buffer": b"q_yes,yes\n"})
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("alert")).to_contain_text("This file is not an .xlsx workbook")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_workbook_pages_have_no_serious_accessibility_violations(page, live_server, make_user, app, assessment_id,
                                                                 language):
    sign_in(page, live_server, make_user(role="focal_point", country="KEN", language=language), PASSWORD)
    data = _download_and_fill(page, live_server, assessment_id, {"q_yes": "no", "q_percent": 150, "q_number": 3})
    _save_as(app, assessment_id, make_user(role="focal_point", country="KEN"), "q_number", 5)
    found = [v for v in Axe().run(page).response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not found, [(v["id"], [n["html"][:200] for n in v["nodes"]]) for v in found]
    page.set_input_files("#file", {"name": "answers.xlsx", "mimeType": "application/octet-stream", "buffer": data})
    page.locator("form[enctype] button[type=submit]").click()
    page.wait_for_url("**/workbook/*")
    found = [v for v in Axe().run(page).response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not found, [(v["id"], [n["html"][:200] for n in v["nodes"]]) for v in found]
