"""Gap report tables: cell neutralisation, XLSX, CSV and JSON downloads of the same data."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest
import qrich
from report_support import (
    HOSTILE,
    HOSTILE_CITATION,
    HOSTILE_JUSTIFICATION,
    hostile_assessment,
    report_of,
)

from mgf_assess.reports.tables import render_csv, render_json, render_xlsx
from mgf_assess.reports.tables.cells import neutralise, neutralise_row


@pytest.mark.parametrize("text", ["=1+1", "+33 1 23", "-2+3", "@SUM(A1:A2)", "\t=cmd", "\r=cmd",
                                  '=HYPERLINK("http://x","y")'])
def test_formula_like_text_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Act 12 of 2019", " =1", "a=b", "", "٣ = ثلاثة", "'quoted", 12, -3.5, None, True])
def test_other_values_pass_unchanged(value):
    assert neutralise(value) == value


def test_rows_keep_keys_and_order():
    row = {"b": "=x", "a": 1, "c": "ok"}
    assert list(neutralise_row(row).items()) == [("b", "'=x"), ("a", 1), ("c", "ok")]


# ---- the three table formats ------------------------------------------------------------

SHEETS_EN = ["Summary", "Questions", "Recommendations", "Evidence", "Data gaps"]
QUESTIONS = ["r_health", "r_school", "r_justice", "r_days", "r_share", "r_note", "r_extra",
             "c_plan", "c_drill", "c_fund"]


@pytest.fixture
def report(app, tmp_path):
    """Build the English and Arabic reports of a hostile assessment."""
    with app.app_context():
        qrich.load(app, tmp_path / "q")
        assessment = hostile_assessment()
        yield lambda language="en": report_of(assessment, language)


def _workbook(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def _column(sheet, header: str) -> list:
    headers = [cell.value for cell in sheet[1]]
    index = headers.index(header)
    return [row[index].value for row in sheet.iter_rows(min_row=2)]


def test_xlsx_has_the_sheets_with_a_frozen_filtered_header(report):
    book = _workbook(render_xlsx(report()))
    assert book.sheetnames == SHEETS_EN
    questions = book["Questions"]
    assert questions.freeze_panes == "A2" and questions.auto_filter.ref.startswith("A1:")
    assert _column(questions, "Question id") == QUESTIONS
    assert not any(sheet.sheet_view.rightToLeft for sheet in book.worksheets)


def test_xlsx_numbers_are_numbers_with_formats(report):
    questions = _workbook(render_xlsx(report()))["Questions"]
    scores = dict(zip(_column(questions, "Question id"), _column(questions, "Score"), strict=True))
    assert scores["r_health"] == 50 and scores["r_days"] == 80 and scores["r_share"] is None
    score_cell = next(row for row in questions.iter_rows(min_row=2) if row[4].value == "r_health")
    assert any(cell.number_format == "0.00" for cell in score_cell)


def test_xlsx_arabic_sheets_are_right_to_left(report):
    book = _workbook(render_xlsx(report("ar")))
    assert len(book.worksheets) == 5
    assert all(sheet.sheet_view.rightToLeft for sheet in book.worksheets)


def test_xlsx_neutralises_formulas_and_keeps_hostile_text_literal(report):
    book = _workbook(render_xlsx(report()))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert "'" + HOSTILE in texts
    assert "'" + HOSTILE_JUSTIFICATION in texts
    assert "'" + HOSTILE_CITATION in texts
    assert not any(text.startswith(("=", "+", "-", "@")) for text in texts)
    assert "L" * 10_000 in texts


def test_csv_is_one_tidy_table_of_questions(report):
    data = render_csv(report())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["question_id"] for row in rows] == QUESTIONS
    health = rows[0]
    assert health["domain_id"] == "rights" and health["area_id"] == "r_services"
    assert health["score"] == "50.00" and health["band"] == "partial" and health["evidence_count"] == "2"
    note = next(row for row in rows if row["question_id"] == "r_note")
    assert note["answer"] == "'" + HOSTILE


def test_json_is_the_whole_report_in_a_stable_order(report):
    first, second = render_json(report()), render_json(report())
    assert first == second
    document = json.loads(first)
    assert list(document)[:4] == ["format", "format_version", "language", "direction"]
    questions = [row["id"] for domain in document["domains"] for row in domain["questions"]]
    assert questions == QUESTIONS
    health = document["domains"][0]["questions"][0]
    assert health["score"] == 50.0 and isinstance(health["weight"], int)
    assert health["evidence"][0]["citation"] == HOSTILE_CITATION  # raw: JSON is data, not a sheet
    assert "🧳" in first.decode("utf-8") and "\\u" not in first.decode("utf-8")


def test_csv_json_and_xlsx_list_the_same_questions(report):
    built = report("fr")
    rows = list(csv.DictReader(io.StringIO(render_csv(built).decode("utf-8-sig"))))
    document = json.loads(render_json(built))
    sheet = _workbook(render_xlsx(built)).worksheets[1]
    from_json = [(row["id"], row["label"]) for domain in document["domains"] for row in domain["questions"]]
    assert [(row["question_id"], row["question"]) for row in rows] == from_json
    assert [row[4].value for row in sheet.iter_rows(min_row=2)] == [qid for qid, _ in from_json]
    assert from_json[0][1] == "Label r_health? [fr]"
