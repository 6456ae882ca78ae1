"""Answers workbook speed: previewing the upload of a 100-question workbook, and writing one.

The application runs on a temporary SQLite database with a questionnaire of 100 questions of
every type written for the benchmark; 60 are answered. The workbook is downloaded for a focal
point and 20 answers are changed with openpyxl, as a person would in a spreadsheet program.

* preview: the archive checks, reading the sheets with openpyxl and comparing every row with
  the stored answers, access rules included (what an upload or a dry run does), against
  openpyxl alone opening the same file read-only and reading every cell of its two sheets;
* export: the whole workbook (four sheets, dropdowns, protection) against xlsxwriter writing
  the same Answers cells without formats, validations or other sheets.
"""

from __future__ import annotations

import io
import tempfile
import warnings
from pathlib import Path

import openpyxl
import xlsxwriter
import yaml

from bench.common import Result, median_time

QUESTIONS = 100
REPEAT = 15
TYPES = ["single_choice"] * 4 + ["yes_no"] * 2 + ["multi_choice", "number", "percent", "text", "date"]
LANGUAGES = ["en", "fr", "es", "ar"]


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        app = _app(Path(folder))
        with app.test_request_context(method="POST"):  # as an upload: a transaction that may write
            assessment, user = _assessment()
            data = _edited(app, assessment, user)
            return [_preview(assessment, user, data), _export(assessment, user)]


def _preview(assessment, user, data: bytes) -> Result:
    from mgf_assess.assessments.workbook.apply import import_workbook

    preview = import_workbook(user, assessment, data).preview
    assert len(preview.changes) == 20 and not preview.invalid, (len(preview.changes), preview.invalid[:3])
    seconds = median_time(lambda: import_workbook(user, assessment, data), REPEAT)
    baseline = median_time(lambda: openpyxl_read(data), REPEAT)
    return Result(f"answers workbook preview, {QUESTIONS} questions ({len(data) // 1024} KB)", seconds,
                  "openpyxl reading the same file", baseline, target="ratio < 3")


def _export(assessment, user) -> Result:
    from mgf_assess.assessments.workbook.export import build_workbook

    rows = list(openpyxl_read(build_workbook(assessment, user, "all", "en")))
    seconds = median_time(lambda: build_workbook(assessment, user, "all", "en"), REPEAT)
    baseline = median_time(lambda: bare_xlsx(rows), REPEAT)
    return Result(f"answers workbook download, {QUESTIONS} questions", seconds,
                  "xlsxwriter writing the same cells, bare", baseline, target="ratio < 5")


def openpyxl_read(data: bytes) -> list[tuple]:
    """Every value of the Answers and _about sheets, as openpyxl reads them (read-only)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        rows = [row for name in ("Answers", "_about") for row in book[name].iter_rows(values_only=True)]
        book.close()
    return rows


def bare_xlsx(rows: list[tuple]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Answers")
    for number, row in enumerate(rows):
        sheet.write_row(number, 0, row)
    book.close()
    return buffer.getvalue()


# ---- the application, its questionnaire and answers ---------------------------------------------

def _app(folder: Path):
    from mgf_assess import create_app
    from mgf_assess.core.operations import load_countries
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires import operations as qops

    app = create_app({"TESTING": True, "SECRET_KEY": "bench-only", "FAST_PASSWORD_HASHING": True,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
                      "UPLOAD_FOLDER": str(folder / "uploads"), "SERVER_NAME": "bench.local"})
    path = folder / "questionnaires" / "bench" / "1.0.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(definition(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    with app.app_context():
        db.create_all()
        load_countries()
        qops.load_folder(folder / "questionnaires")
        db.session.commit()
    return app


def _text(words: str) -> dict:
    return {language: f"{words} ({language})" for language in LANGUAGES}


def _question(number: int) -> dict:
    kind = TYPES[number % len(TYPES)]
    question = {"id": f"q{number:03d}", "type": kind, "label": _text(f"Question {number} asks something"),
                "help": _text(f"Guidance for question {number}"), "allow_na": number % 5 == 0}
    if kind in ("single_choice", "multi_choice"):
        question["options"] = [{"code": f"o{n}", "score": n * 25, "label": _text(f"Option {n}")} for n in range(5)]
    if kind in ("number", "percent"):
        question["scoring"] = {"method": "linear", "best": 100, "worst": 0}
    return question


def definition() -> dict:
    """A published questionnaire of 100 questions in five domains of two areas each."""
    numbers = iter(range(QUESTIONS))
    domains = [{"id": f"d{d}", "title": _text(f"Domain {d}"), "areas": [
        {"id": f"d{d}a{a}", "title": _text(f"Area {d}.{a}"), "questions": [_question(next(numbers))
                                                                          for _ in range(10)]}
        for a in range(2)]} for d in range(5)]
    bands = [{"code": "low", "min": 0, "label": _text("Low")}, {"code": "high", "min": 50, "label": _text("High")}]
    return {"format_version": 1, "id": "bench", "version": "1.0", "status": "published", "languages": LANGUAGES,
            "title": _text("Benchmark questionnaire"), "bands": bands, "target_band": "high", "domains": domains}


def _value(question, number: int):
    values = {"single_choice": "o2", "yes_no": "yes", "multi_choice": ["o1", "o3"], "number": 12,
              "percent": 40, "text": f"Answer {number}", "date": "2026-01-31"}
    return values[question.type]


def _assessment():
    """A Kenyan assessment with 60 answers, and its focal point."""
    from mgf_assess.assessments import operations
    from mgf_assess.assessments.scoring_bridge import definition_for
    from mgf_assess.auth import operations as accounts
    from mgf_assess.extensions import db

    user = accounts.create_user(None, email="focal@bench.example", name="Focal", role="focal_point",
                                country="KEN", password="bench-password-1")
    assessment = operations.create_assessment(None, country="KEN", family="bench", version="1.0", cycle=2026)
    for number, (_domain, _area, question) in enumerate(definition_for(assessment).iter_questions()):
        if number % 5 < 3:
            operations.save_answer(user, assessment, question.id, {"value": _value(question, number)}, 0)
    db.session.commit()
    return assessment, user


def _edited(app, assessment, user) -> bytes:
    """The downloaded workbook with 20 answers changed in openpyxl."""
    from mgf_assess.assessments.workbook.export import build_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(io.BytesIO(build_workbook(assessment, user, "all", "en")))
    sheet = book["Answers"]
    edits = {"One option": "Option 4 (en)", "Yes or no": "No", "One or more options": "o0; o4", "Number": 99,
             "Percentage": 75, "Text": "Changed offline", "Date": "2026-06-30"}
    for row in range(3, 3 + QUESTIONS, 5):
        sheet.cell(row, 7).value = edits[sheet.cell(row, 5).value]
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
