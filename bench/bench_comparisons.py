"""Comparison speed: 193 countries × 2 cycles of validated snapshots (mgf 2015.1 in 2019, mgf
2026.1 in 2026: the change between them is compared like for like through the mapping).

The application runs on a temporary SQLite database with the shipped questionnaires; every
UN member state gets a validated assessment per cycle with deterministic answers, seeded
directly as rows (assessment and validated snapshot), as the review workflow leaves them.
Measurements, each against a baseline measured in the same run:

* comparison data (all countries, baseline 2019) — target under 300 ms — against a bare
  pandas pivot of the same stored figures (the snapshots' summaries, read from the database,
  countries × cycle × domain);
  ``warm``: the change between two snapshots, which never change, is kept per process after
  its first computation; ``cold``: that memory emptied before each build;
* the web page ``/comparisons`` (analyst, every view) — under 1 s — against ``/login``;
* the PDF — under 3 s — against a bare reportlab document of the same tables and charts;
* the XLSX workbook — under 1.5 s.
"""

from __future__ import annotations

import hashlib
import tempfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

from bench.common import Result, median_time

ROOT = Path(__file__).resolve().parents[1]
CYCLES = ((2019, "2015.1"), (2026, "2026.1"))
PASSWORD = "bench-password-1"
QUERY = {"questionnaire": "mgf", "cycle": "2026", "baseline": "2019"}
REPEAT = 5


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        app = _app(Path(folder))
        with app.app_context():
            count = _seed()
        return [*_data(app, count), _page(app), *_documents(app)]


def _app(folder: Path):
    from mgf_assess import create_app
    from mgf_assess.core.operations import load_countries
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires import operations as qops

    app = create_app({"TESTING": True, "SECRET_KEY": "bench-only", "FAST_PASSWORD_HASHING": True,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}", "WTF_CSRF_ENABLED": False,
                      "UPLOAD_FOLDER": str(folder / "uploads"), "QUESTIONNAIRES_FOLDER": str(ROOT / "questionnaires")})
    with app.app_context():
        db.create_all()
        load_countries()
        qops.load_folder(ROOT / "questionnaires")
        db.session.commit()
    return app


def _seed() -> int:
    """A validated assessment and snapshot per UN member state and cycle; the analyst account."""
    from mgf_assess.assessments.models import Assessment
    from mgf_assess.auth import operations as accounts
    from mgf_assess.core.models import Country
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires.definitions import definition_of
    from mgf_assess.questionnaires.queries import version_or_none
    from mgf_assess.results.models import ScoreSnapshot, summary_of
    from scoring.api import ENGINE_VERSION, parse_answers, result_dict, score

    codes = list(db.session.scalars(db.select(Country.code).filter_by(un_member=True).order_by(Country.code)))
    for cycle, number in CYCLES:
        version = version_or_none("mgf", number)
        definition = definition_of(version)
        for code in codes:
            document = _answers(definition, code)
            assessment = Assessment(country_code=code, family="mgf", questionnaire_version_id=version.id,
                                    cycle=cycle, state="validated")
            db.session.add(assessment)
            db.session.flush()
            result = result_dict(score(definition, parse_answers(definition, document)))
            db.session.add(ScoreSnapshot(assessment_id=assessment.id, kind="validated", answers=document,
                                         result=result, summary=summary_of(result),
                                         definition_hash=version.content_hash,
                                         engine_version=ENGINE_VERSION))
    accounts.create_user(None, email="analyst@bench.example", name="Analyst", role="analyst", country=None,
                         password=PASSWORD)
    db.session.commit()
    return len(codes)


def _pick(*parts) -> int:
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:4], "big")


def _answers(definition, country: str) -> dict:
    """Every question answered, differently per country (deterministic)."""
    answers = {}
    for _, _, question in definition.iter_questions():
        pick = _pick(country, definition.version, question.id)
        codes = [option.code for option in question.options]
        if question.type == "yes_no":
            value = ("yes", "no")[pick % 2]
        elif question.type == "single_choice":
            value = codes[pick % len(codes)]
        elif question.type == "multi_choice":
            value = codes[: 1 + pick % len(codes)]
        elif question.type in ("number", "percent"):
            low, high = question.value_range
            value = float(max(low, min(high, pick % 101)))
        elif question.type == "date":
            value = "2025-06-30"
        else:
            value = f"Practice described in the national report ({country})"
        answers[question.id] = value
    return {"questionnaire": definition.id, "version": definition.version, "answers": answers}


class _Analyst:
    role, id, country_code, country_codes = "analyst", None, None, set()
    is_authenticated = is_active = True


def _build(language: str = "en"):
    from mgf_assess.comparisons.data import build_comparison, read_request

    return build_comparison(_Analyst(), read_request(QUERY), language)


def _cold(language: str = "en"):
    from mgf_assess.comparisons.data import change

    change._CACHE.clear()
    return _build(language)


def _pivot():
    """The bare baseline: the same stored figures (the snapshots' summaries, which the
    comparison reads too) read from the database and pivoted, countries × (cycle, domain)."""
    import pandas as pd

    from mgf_assess.assessments.models import Assessment
    from mgf_assess.extensions import db
    from mgf_assess.results.models import ScoreSnapshot

    query = (db.select(Assessment.country_code, Assessment.cycle, ScoreSnapshot.summary)
             .join(ScoreSnapshot, ScoreSnapshot.assessment_id == Assessment.id).where(ScoreSnapshot.kind == "validated"))
    rows = [(code, cycle, d["id"], d["score"]) for code, cycle, result in db.session.execute(query)
            for d in result["domains"]]
    frame = pd.DataFrame(rows, columns=["country", "cycle", "domain", "score"])
    return frame.pivot_table(index="country", columns=["cycle", "domain"], values="score")


def _data(app, count: int) -> list[Result]:
    with app.app_context():
        found = _build()
        bare = median_time(_pivot, REPEAT)
        warm = median_time(_build, REPEAT)
        cold = median_time(_cold, REPEAT)
    label = f"comparison data, {len(found.profiles)} countries × 2 cycles, change 2015.1 → 2026.1"
    assert len(found.profiles) == count and found.change, "the seeded results are not all compared"
    return [Result(f"{label} (warm)", warm, "bare pandas pivot of the same figures", bare, "< 300 ms"),
            Result(f"{label} (cold)", cold, "bare pandas pivot of the same figures", bare, "< 300 ms")]


def _page(app) -> Result:
    client = app.test_client()
    client.post("/login", data={"email": "analyst@bench.example", "password": PASSWORD})
    url = "/comparisons?" + "&".join(f"{key}={value}" for key, value in QUERY.items())
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    anonymous = app.test_client()
    page = median_time(lambda: client.get(url), REPEAT)
    login = median_time(lambda: anonymous.get("/login"), REPEAT)
    return Result(f"web page /comparisons, every view ({len(response.data) // 1024} KiB)", page, "/login", login,
                  "< 1 s")


def _documents(app) -> list[Result]:
    from mgf_assess.comparisons.pdf import render_pdf
    from mgf_assess.comparisons.tables import render_xlsx

    with app.app_context():
        comparison = _build()
        pdf = median_time(lambda: render_pdf(_build()), REPEAT)
        bare = median_time(lambda: bare_document(comparison), REPEAT)
        xlsx = median_time(lambda: render_xlsx(_build()), REPEAT)
        pages = render_pdf(comparison).count(b"/Type /Page\n")
    return [Result(f"comparison PDF (data + PDF, {pages or 'all'} pages)", pdf,
                   "bare reportlab document, same tables and charts", bare, "< 3 s"),
            Result("comparison XLSX (data + workbook, 7 sheets)", xlsx, target="< 1.5 s")]


def bare_document(comparison) -> bytes:
    """The comparison's tables and charts as a plain reportlab document: the baseline."""
    from mgf_assess.comparisons.charts import chart_drawings
    from mgf_assess.comparisons.charts.dumbbell import dumbbell_rows
    from mgf_assess.comparisons.charts.render import dumbbell_drawing, heatmap_drawing
    from mgf_assess.reports.typography.fonts import REGULAR

    style = getSampleStyleSheet()["BodyText"].clone("bare", fontName=REGULAR, fontSize=7, leading=9)
    cell = lambda text: Paragraph(escape(str(text)), style)  # noqa: E731
    nodes, domains, drawings = comparison.nodes, comparison.domains, chart_drawings(comparison)
    story = [Table([[cell(p.name), *[[cell(p.cells[n.id].score), cell(p.cells[n.id].band_label)]
                                     for n in nodes]] for p in comparison.profiles], repeatRows=1)]
    story += [_fit(heatmap_drawing(comparison, comparison.profiles[i:i + 38]))
              for i in range(0, len(comparison.profiles), 38)]
    story += [drawings["bars"], PageBreak(), Table([[cell(g.name), *[cell(g.aggregates[n.id].share_meeting)
                                                                     for n in nodes]]
                                                    for g in comparison.distribution], repeatRows=1)]
    for node in domains:
        rows = dumbbell_rows(comparison, node.id)
        story += [_fit(dumbbell_drawing(comparison, rows[i:i + 48])) for i in range(0, len(rows), 48)]
    changes = {}
    for row in comparison.change:
        changes.setdefault(row.name, []).append([cell(f"{row.baseline} {row.current} {row.delta}"),
                                                 cell(f"{row.comparability} {row.questions}/{row.total}")])
    story.append(Table([[cell(name), *cells] for name, cells in changes.items()], repeatRows=1))
    story.append(Table([[cell(s.name), cell(s.cycle), cell(f"{s.version} {s.assessment_id} {s.snapshot_id}")]
                        for s in comparison.method.snapshots]))
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN).build(story)
    return buffer.getvalue()


MARGIN = 51  # points, as the comparison's PDF (18 mm)


def _fit(drawing):
    factor = min(1.0, (A4[0] - 2 * MARGIN) / drawing.width, 500 / drawing.height)
    drawing.scale(factor, factor)
    drawing.width, drawing.height = drawing.width * factor, drawing.height * factor
    return drawing
