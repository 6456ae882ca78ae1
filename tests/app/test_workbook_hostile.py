"""Hostile or wrong workbooks are refused with a clear message, and change nothing."""

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from assess_helpers import open_assessment
from workbook_support import download, edit, opened, rezip, upload

from mgf_assess.assessments.models import Answer
from mgf_assess.assessments.workbook import layout
from mgf_assess.extensions import db

BOMB = b"\0" * (2 * 1024 * 1024)  # compresses about a thousand times
CONTENT_TYPES = "[Content_Types].xml"
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
          b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')


def _about_edited(data: bytes, key: str, value: str) -> bytes:
    book = opened(data)
    sheet = book[layout.ABOUT]
    for row in sheet.iter_rows():
        if row[0].value == key:
            row[1].value = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _without_sheet(data: bytes, name: str) -> bytes:
    book = opened(data)
    del book[name]
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _plain_workbook(data: bytes) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "Answers"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _many_parts(data: bytes) -> bytes:
    return rezip(data, add={f"docProps/extra{n}.xml": b"<x/>" for n in range(layout.MAX_PARTS)})


def _stored_only(data: bytes) -> bytes:
    return rezip(data, add={"xl/media/big.bin": BOMB})


HOSTILE = {
    "formulas": (lambda data: edit(data, {"q_yes": {"answer": "=1+1"}}, I5="=HYPERLINK(\"x\")"),
                 422, "The workbook contains formulas (Answers!G3, Answers!I5)"),
    "macros": (lambda data: rezip(data, add={"xl/vbaProject.bin": b"\0" * 64}), 422, "This workbook contains macros"),
    "macro_sheet": (lambda data: rezip(data, add={"xl/macrosheets/sheet1.xml": b"<x/>"}), 422, "contains macros"),
    "xlsm": (lambda data: rezip(data, replace={CONTENT_TYPES: zipfile.ZipFile(io.BytesIO(data)).read(CONTENT_TYPES)
                                               .replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml")}),
             422, "contains macros"),
    "embedded": (lambda data: rezip(data, add={"xl/embeddings/oleObject1.bin": b"x"}), 422, "embedded objects"),
    "external_link": (lambda data: rezip(data, add={"xl/externalLinks/externalLink1.xml": b"<x/>"}), 422,
                      "links to other files (xl/externallinks/externallink1.xml)"),
    "too_many_parts": (_many_parts, 422, "an answers workbook has at most 100"),
    "zip_bomb": (lambda data: rezip(data, add={"xl/media/image1.png": BOMB}), 422, "compressed more than 100 times"),
    "unpacked": (lambda data: rezip(data, add={"xl/media/a.bin": b"\0" * (51 * 1024 * 1024)}), 422,
                 "unpacks to more than 50.0 MB"),
    "doctype": (lambda data: rezip(data, replace={"xl/worksheets/sheet1.xml": LAUGHS}), 422,
                "declares a document type"),
    "too_large": (lambda data: data + b"\0" * layout.MAX_FILE_BYTES, 413, "may be at most 5.0 MB"),
    "not_a_zip": (lambda data: b"question_id,answer\nq_yes,yes\n", 422, "This file is not an .xlsx workbook"),
    "encrypted": (lambda data: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, 422, "protected with a password"),
    "not_a_workbook": (lambda data: rezip(data, replace={}, add={}).replace(b"xl/workbook.xml", b"xl/workbook.xmX"),
                       422, "not an .xlsx workbook"),
    "too_many_rows": (lambda data: edit(data, {}, **{f"A{layout.MAX_ROWS + 1}": "q_yes"}), 422,
                      "more than 5,000 rows"),
    "too_many_columns": (lambda data: edit(data, {}, AE3="x"), 422, "values beyond its column AD"),
    "missing_columns": (lambda data: edit(data, {}, J1="rev"), 422, "missing: revision"),
    "no_about": (lambda data: _without_sheet(data, layout.ABOUT), 422, "it has no sheet _about"),
    "no_answers": (lambda data: _without_sheet(data, "Answers"), 422, "it has no sheet Answers"),
    "plain_workbook": (_plain_workbook, 422, "it has no sheet _about"),
    "other_questionnaire": (lambda data: _about_edited(data, "version", "2.0"), 422,
                            "This workbook is for the questionnaire rich 2.0; this assessment uses rich 1.0"),
    "newer_format": (lambda data: _about_edited(data, "format_version", "2"), 422, "the format version 2"),
}


def _answers(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(Answer))


def _pending(app) -> list[Path]:
    folder = Path(app.config["UPLOAD_FOLDER"]) / "pending-workbooks"
    return list(folder.glob("*")) if folder.exists() else []


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_workbooks_are_refused_and_change_nothing(app, client, login_as, assessment_id, kind):
    login_as(role="focal_point")
    make, status, message = HOSTILE[kind]
    response = upload(client, assessment_id, make(edit(download(client, assessment_id), {"q_yes": {"answer": "No"}})))
    page = response.get_data(as_text=True)
    assert response.status_code == status, page[:3000]
    assert message in page.replace("&#39;", "'")
    assert "The workbook was not accepted" in page and "Nothing was saved." in page
    assert _answers(app) == 0 and _pending(app) == []


def test_a_workbook_of_another_assessment(app, client, login_as, assessment_id):
    login_as(role="focal_point")
    other = open_assessment(app, cycle=2027)
    response = upload(client, assessment_id, edit(download(client, other), {"q_yes": {"answer": "No"}}))
    assert response.status_code == 422
    assert "downloaded from another assessment (KEN 2027)" in response.get_data(as_text=True)


def test_cells_too_long_or_holding_errors_are_located(app, client, login_as, assessment_id):
    login_as(role="focal_point")
    data = edit(download(client, assessment_id), {"q_text": {"answer": "x" * (layout.MAX_CELL_CHARS + 1)},
                                                  "q_yes": {"answer": "#REF!"}})
    response = upload(client, assessment_id, data)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Sheet Answers, row 6, column G" in page and "at most 10,000 are read" in page
    assert "Sheet Answers, row 3, column G" in page and "holds the error #REF!" in page


def test_the_upload_form_requires_a_file(client, login_as, assessment_id):
    login_as(role="focal_point")
    response = client.post(f"/assessments/{assessment_id}/workbook", data={}, content_type="multipart/form-data")
    assert response.status_code == 422 and "Choose the workbook to upload." in response.get_data(as_text=True)


def test_a_refusal_names_at_most_ten_formulas(client, login_as, assessment_id):
    login_as(role="focal_point")
    formulas = {f"K{row}": "=1" for row in range(3, 3 + layout.MAX_LISTED + 2)}
    response = upload(client, assessment_id, edit(download(client, assessment_id), {}, **formulas))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Answers!K12, …)" in page and "Answers!K13" not in page
