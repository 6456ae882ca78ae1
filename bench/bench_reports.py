"""Gap report speed: the full mgf 2026.1 report as PDF, for a fully answered assessment.

The application runs on a temporary SQLite database with the shipped questionnaires loaded and
every question answered deterministically. Each measurement builds the report data from the
database and renders the PDF (cover, contents, charts, every table, page decorations). The
baseline is a bare reportlab document of the same tables (plain ``Paragraph`` cells) and the
same charts, built in the same run (target: under 1.5 s, and under twice the baseline).
"""

from __future__ import annotations

import tempfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

from bench.common import Result, median_time

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 5


def run() -> list[Result]:
    """Median time of the full PDF in English and Arabic, each against the bare document."""
    with tempfile.TemporaryDirectory() as folder:
        app = _app(Path(folder))
        with app.app_context():
            assessment = _answered_assessment()
            return [_measure(assessment, "en"), _measure(assessment, "ar")]


def _measure(assessment, language: str) -> Result:
    from mgf_assess.reports.data import build_gap_report
    from mgf_assess.reports.pdf import render_pdf

    report = build_gap_report(assessment, language)
    full = median_time(lambda: render_pdf(build_gap_report(assessment, language)), REPEAT)
    bare = median_time(lambda: bare_document(report), REPEAT)
    pages = len(report.domains)
    return Result(f"gap report PDF, mgf 2026.1, {language} ({pages} domains, data + PDF)", full,
                  "bare reportlab document, same tables and charts", bare, target="< 1.5 s, ratio < 2")


def _app(folder: Path):
    from mgf_assess import create_app
    from mgf_assess.core.operations import load_countries
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires import operations as qops

    app = create_app({"TESTING": True, "SECRET_KEY": "bench-only", "FAST_PASSWORD_HASHING": True,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
                      "UPLOAD_FOLDER": str(folder / "uploads")})
    with app.app_context():
        db.create_all()
        load_countries()
        qops.load_folder(ROOT / "questionnaires")
        db.session.commit()
    return app


def _answered_assessment():
    """A Kenyan 2026 assessment with every question answered (some "don't know")."""
    from mgf_assess.assessments import evidence, operations
    from mgf_assess.assessments.scoring_bridge import definition_for
    from mgf_assess.extensions import db

    assessment = operations.create_assessment(None, country="KEN", family="mgf", version="2026.1", cycle=2026)
    for index, (_, _, question) in enumerate(definition_for(assessment).iter_questions()):
        unknown = question.allow_unknown and index % 9 == 4
        operations.save_answer(None, assessment, question.id,
                               {"status": "unknown"} if unknown else {"value": _value(question, index)}, 0)
        if index % 3 == 0 and question.evidence != "none":
            evidence.add_evidence(None, assessment, question.id, kind="law",
                                  citation=f"Migration Act 2021, section {index}")
    db.session.commit()
    return assessment


def _value(question, index: int) -> object:
    codes = [option.code for option in question.options]
    if question.type == "yes_no":
        return ("yes", "no")[index % 2]
    if question.type == "single_choice":
        return codes[(index * 5) % len(codes)]
    if question.type == "multi_choice":
        return codes[: 1 + index % len(codes)]
    if question.type in ("number", "percent"):
        return (index * 37) % 100
    if question.type == "date":
        return "2025-06-30"
    return f"Practice described in the national report, paragraph {index}"


def bare_document(report) -> bytes:
    """The report's tables and charts as a plain reportlab document: the baseline."""
    from mgf_assess.reports.charts import bands_drawing, radar_drawing
    from mgf_assess.reports.typography.fonts import REGULAR

    style = getSampleStyleSheet()["BodyText"].clone("bare", fontName=REGULAR, fontSize=8, leading=10)
    cell = lambda text: Paragraph(escape(str(text)), style)  # noqa: E731
    story = [radar_drawing(report), bands_drawing(report), PageBreak()]
    for section in report.domains:
        rows = [[cell(q.label), cell(q.answer_text), cell(q.score), cell(q.status_label),
                 [cell(e.citation) for e in q.evidence]] for q in section.questions]
        story += [_table(rows, [150, 125, 42, 62, 114]), _table(
            [[cell(r.priority_label), cell(r.text), cell(r.question_label)] for r in section.recommendations]
            or [[cell("-")] * 3], [50, 280, 163]), PageBreak()]
    story.append(_table([[cell(r.priority_label), cell(r.text), cell(r.question_label), cell(r.gcm)]
                         for r in report.recommendations] or [[cell("-")] * 4], [48, 220, 160, 65]))
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def _table(rows: list, widths: list[float]) -> Table:
    return Table(rows, colWidths=widths, repeatRows=1)
