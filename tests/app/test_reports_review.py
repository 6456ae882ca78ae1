"""The gap report after the evaluator's review: validated scores with the self-assessed ones
beside them at every level, the annex of overrides, the mark worded for the state, in every
format; and no review comment, internal or not, in any of them."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from decimal import Decimal

import openpyxl
import pytest
import qrich
import queue_support as rs
from conftest import login

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.comparisons.data.public import public_gap_report
from mgf_assess.extensions import db
from mgf_assess.reports.data import build_gap_report
from mgf_assess.reports.downloads import FORMATS
from mgf_assess.reports.pdf import render_pdf
from mgf_assess.reports.tables import render_csv, render_json, render_xlsx

WHY_PLAN = "Plan adopted by decree 14/2025, seen in the gazette"
WHY_HEALTH = "Clinics open to all migrants since 2024 = see circular"
OVERRIDES = {"c_plan": (100, WHY_PLAN), "r_health": (100, WHY_HEALTH)}
ANSWERS = {**qrich.ANSWERS, "c_fund": {"value": "no"}}


@pytest.fixture
def rich(app, tmp_path):
    with app.app_context():
        qrich.load(app, tmp_path / "q")
    return app


def _reviewed(state="reviewed", kind="reviewed", overrides=None) -> Assessment:
    assessment = qrich.open_assessment(answers=ANSWERS)
    operations.submit(None, assessment)
    rs.reviewed_snapshot(assessment, OVERRIDES if overrides is None else overrides, kind)
    assessment.state = state
    db.session.commit()
    return assessment


def _section(report, domain_id):
    return next(s for s in report.domains if s.summary.id == domain_id)


def test_reviewed_figures_keep_the_self_assessed_ones_at_every_level(rich):
    with rich.app_context():
        report = build_gap_report(_reviewed(), "en")
        assert report.reviewed and report.cover.snapshot_kind == "reviewed"
        overall = report.summary.overall
        assert overall.score > overall.self_score and overall.overridden
        crisis = _section(report, "crisis")
        assert crisis.summary.figures.score > crisis.summary.figures.self_score
        area = next(a for a in crisis.areas if a.id == "c_plans")
        assert area.figures.score > area.figures.self_score and area.figures.self_band_label
        row = next(r for r in crisis.questions if r.id == "c_plan")
        assert (row.score, row.self_score, row.self_band_label) == (Decimal(100), Decimal(0), "Low [en]")


def test_the_overrides_annex_lists_each_override_in_questionnaire_order(rich):
    with rich.app_context():
        report = build_gap_report(_reviewed(), "fr")
        assert [(o.question_id, o.score, o.self_score, o.justification) for o in report.overrides] == [
            ("r_health", Decimal(100), Decimal(50), WHY_HEALTH), ("c_plan", Decimal(100), Decimal(0), WHY_PLAN)]
        first = report.overrides[0]
        assert first.domain_title == "Rights [fr]" and first.area_title == "Services [fr]"
        assert first.question_label == "Label r_health? [fr]" and first.band_label == "Full [fr]"


def test_a_submitted_report_is_not_reviewed_and_has_no_annex(rich):
    with rich.app_context():
        assessment = qrich.open_assessment(answers=ANSWERS)
        operations.submit(None, assessment)
        db.session.commit()
        report = build_gap_report(assessment, "en")
        assert not report.reviewed and report.overrides == ()
        assert report.cover.mark == "Submitted — not yet validated"


@pytest.mark.parametrize(("state", "mark"), [
    ("draft", "PRELIMINARY — not validated"), ("submitted", "Submitted — not yet validated"),
    ("in_review", "In review — not yet validated"),
    ("returned", "Returned to the country for changes — not yet validated"),
    ("reviewed", "Reviewed — awaiting the government’s validation"), ("validated", None)])
def test_the_mark_is_worded_for_the_state(rich, state, mark):
    with rich.app_context():
        assessment = qrich.open_assessment(answers=ANSWERS)
        assessment.state = state
        report = build_gap_report(assessment, "en")
        assert report.cover.mark == mark and report.cover.preliminary == (state != "validated")


def test_the_web_page_shows_both_scores_and_the_annex(rich, client, make_user):
    with rich.app_context():
        number = _reviewed().id
    login(client, make_user(role="focal_point", country="KEN"))
    html = client.get(f"/assessments/{number}/report").get_data(as_text=True)
    assert html.count('<th scope="col" class="num">Validated score</th>') >= 3  # domains, areas, questions
    assert '<th scope="col">Self-assessed band</th>' in html
    assert 'href="#overrides-annex"' in html and 'id="overrides-annex"' in html
    assert WHY_PLAN in html and "Reviewed — awaiting the government’s validation" in html


def test_a_reviewed_report_without_overrides_says_so(rich, client, make_user):
    with rich.app_context():
        number = _reviewed(overrides={}).id
    login(client, make_user(role="focal_point", country="KEN"))
    html = client.get(f"/assessments/{number}/report").get_data(as_text=True)
    assert "The evaluator changed no score" in html


def _sheet_rows(data: bytes, title: str) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(data))[title].iter_rows(values_only=True))


def test_the_workbook_csv_and_json_carry_the_review(rich):
    with rich.app_context():
        report = build_gap_report(_reviewed(state="validated", kind="validated"), "en")
        workbook = render_xlsx(report)
        overrides = _sheet_rows(workbook, "Score overrides")
        assert overrides[0][4:] == ("Self-assessed score", "Self-assessed band", "Validated score",
                                    "Validated band", "Evaluator's score")
        assert [row[2] for row in overrides[1:]] == ["r_health", "c_plan"]
        assert overrides[1][-1] == WHY_HEALTH
        summary = _sheet_rows(workbook, "Summary")
        assert not any("validated" in str(row[0]).lower() and "not" in str(row[0]).lower() for row in summary)
        assert any(row[:2] == ("Level", "Domain") and row[2] == "Validated score" for row in summary)
        rows = list(csv.DictReader(io.StringIO(render_csv(report).decode("utf-8-sig"))))
        plan = next(row for row in rows if row["question_id"] == "c_plan")
        assert (plan["score"], plan["self_score"], plan["self_band"]) == ("100.00", "0.00", "low")
        assert plan["override_justification"] == WHY_PLAN and {row["validation"] for row in rows} == {"Validated"}
        document = json.loads(render_json(report))
        assert document["reviewed"] is True and document["cover"]["mark"] is None
        assert [o["justification"] for o in document["overrides"]] == [WHY_HEALTH, WHY_PLAN]


def test_the_csv_and_workbook_say_a_reviewed_report_awaits_validation(rich):
    with rich.app_context():
        report = build_gap_report(_reviewed(), "en")
        mark = "Reviewed — awaiting the government’s validation"
        rows = list(csv.DictReader(io.StringIO(render_csv(report).decode("utf-8-sig"))))
        assert {row["validation"] for row in rows} == {mark}
        assert _sheet_rows(render_xlsx(report), "Summary")[1][0] == mark


def _pdf_pages(data: bytes, tmp_path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def test_the_pdf_shows_both_scores_the_annex_and_the_mark_on_every_page(rich, tmp_path):
    with rich.app_context():
        pages = _pdf_pages(render_pdf(build_gap_report(_reviewed(), "en")), tmp_path)
        assert all("Reviewed — awaiting the government’s validation" in page for page in pages)
        annex = [page for page in pages if "Annex: the evaluator's score overrides" in page]
        assert len(annex) == 2  # its contents line and the annex itself
        assert "decree 14/2025" in annex[-1] and "Validated band" in " ".join(pages)
        assert sum(page.count("Validated score") for page in pages) >= 4


def test_a_public_report_withholds_the_justifications(rich):
    with rich.app_context():
        assessment = _reviewed(state="validated", kind="validated")
        report = public_gap_report(assessment, "en")
        assert [o.justification for o in report.overrides] == [None, None]
        assert WHY_PLAN not in render_json(report).decode()


SECRET_INTERNAL = "ZQX-internal-7731 only evaluators may read this"
SECRET_COMMENT = "ZQX-comment-4410 a query to the country"


def _text_of(fmt: str, data: bytes, tmp_path) -> str:
    if fmt == "pdf":
        return " ".join(_pdf_pages(data, tmp_path))
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        return " ".join(str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row)
    return data.decode("utf-8-sig")


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_comment_reaches_any_report(rich, client, make_user, tmp_path, fmt):
    with rich.app_context():
        assessment = _reviewed()
        rs.thread(assessment, kind="comment", internal=True, text=SECRET_INTERNAL, question="c_plan")
        rs.thread(assessment, kind="query", text=SECRET_COMMENT, question="c_plan", replies=1)
        number = assessment.id
    login(client, make_user(role="admin", country=None))
    for path in ("report", f"report.{fmt}"):
        response = client.get(f"/assessments/{number}/{path}")
        assert response.status_code == 200
        text = _text_of(fmt if path != "report" else "html", response.get_data(), tmp_path)
        assert "decree 14/2025" in text  # the reviewed report, with its overrides' justifications
        assert "ZQX" not in text, (fmt, path)
