"""The gap report on the web: the page in every language, its downloads, access, hostile text."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import qrich
from conftest import login
from flask_babel import force_locale
from report_support import HOSTILE, LONG, hostile_answers, hostile_assessment, report_of

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.extensions import db
from mgf_assess.reports.data import labels
from mgf_assess.reports.data.formatting import share_text
from mgf_assess.reports.downloads import FORMATS
from mgf_assess.reports.web.render import presentation_attributes, render_html_document

LANGUAGES = ("en", "fr", "es", "ar")
SNAPSHOT_DAY = datetime(2026, 3, 5, 9, 30, tzinfo=UTC)
DATES = {"en": "March 5, 2026", "fr": "5 mars 2026", "es": "5 de marzo de 2026", "ar": "5 مارس 2026"}
SCORES = {"en": "80.00", "fr": "80,00", "es": "80,00", "ar": "80.00"}  # r_days scores 80


@pytest.fixture
def rich(app, tmp_path):
    with app.app_context():
        qrich.load(app, tmp_path / "q")
    return app


def _assessment(app, country="KEN", state=None, submitted=False, hostile=True) -> int:
    """A (hostile) assessment; ``submitted`` adds a snapshot dated SNAPSHOT_DAY."""
    with app.app_context():
        assessment = hostile_assessment(country=country) if hostile else qrich.open_assessment(country=country)
        if submitted:
            _submit(assessment)
        if state:
            assessment.state = state
        db.session.commit()
        return assessment.id


def _submit(assessment: Assessment) -> None:
    operations.save_answer(None, assessment, "c_fund", {"value": "no"}, 0)
    operations.submit(None, assessment).created_at = SNAPSHOT_DAY


def _page(client, assessment_id, language=None):
    query = f"?lang={language}" if language else ""
    return client.get(f"/assessments/{assessment_id}/report{query}")


def _heading(key: str, language: str) -> str:
    with force_locale(language):
        return labels.text(labels.HEADINGS, key)


def _article(html: str) -> str:
    return html[html.index('<article class="report"'):html.index("</article>")]


# ---- the page -----------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_page_in_every_language(rich, client, login_as, language):
    assessment_id = _assessment(rich, country="MEX", submitted=True)
    login_as(role="focal_point", country="MEX", language="en")
    response = _page(client, assessment_id, language)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    with rich.app_context():
        for key in ("executive_summary", "well_developed", "potential", "data_gaps", "recommendations_annex",
                    "methodology"):
            assert f">{_heading(key, language)}</h" in html
        assert f">{share_text(Decimal(1), language)}<" in html  # completeness, e.g. "100 %" in French
    assert f"Rights [{language}]" in html and f"Recommendation r_health [{language}]" in html
    assert DATES[language] in html and SCORES[language] in html
    assert {"en": "Mexico", "fr": "Mexique", "es": "México", "ar": "المكسيك"}[language] in html
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<article class="report" id="report" lang="{language}" dir="{direction}"' in html


def test_default_language_is_the_interface_language(rich, client, login_as):
    assessment_id = _assessment(rich)
    login_as(role="focal_point", country="KEN", language="fr")
    html = _page(client, assessment_id).get_data(as_text=True)
    assert 'lang="fr" dir="ltr"' in html and "Rights [fr]" in html


def test_arabic_report_is_right_to_left_inside_a_left_to_right_interface(rich, client, login_as):
    assessment_id = _assessment(rich)
    login_as(role="focal_point", country="KEN", language="en")
    html = _page(client, assessment_id, "ar").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html
    assert 'lang="ar" dir="rtl"' in html
    assert '<aside class="panel report-downloads" aria-labelledby="downloads-title" lang="en" dir="ltr">' in html


def test_charts_are_inline_svg_with_a_text_alternative_and_data_tables(rich, client, login_as):
    assessment_id = _assessment(rich)
    login_as(role="focal_point", country="KEN")
    article = _article(_page(client, assessment_id, "en").get_data(as_text=True))
    assert article.count("<svg") == 2
    assert 'role="img" aria-labelledby="radar-title radar-desc"' in article
    assert re.search(r'<desc id="radar-desc">Self-assessed: Rights \[en\] 75\.00; Crisis \[en\] 0\.00\.</desc>', article)
    assert '<caption id="radar-data">Chart data: Domain profile</caption>' in article
    assert 'style="' not in article  # the site's CSP forbids inline styles


def test_tables_have_captions_and_scoped_headers(rich, client, login_as):
    assessment_id = _assessment(rich)
    login_as(role="focal_point", country="KEN")
    article = _article(_page(client, assessment_id).get_data(as_text=True))
    tables = re.findall(r"<table.*?</table>", article, re.DOTALL)
    assert len(tables) > 8
    for table in tables:
        assert "<caption" in table and '<th scope="col"' in table and '<th scope="row"' in table
        assert "<th>" not in table


BANNERS = {"draft": "PRELIMINARY — not validated", "submitted": "Submitted — not yet validated",
           "in_review": "In review — not yet validated",
           "returned": "Returned to the country for changes — not yet validated",
           "reviewed": "Reviewed — awaiting the government’s validation"}


def test_the_banner_says_where_the_assessment_stands_until_validated(rich, client, login_as):
    assessment_id = _assessment(rich, submitted=True)
    login_as(role="focal_point", country="KEN")
    for state, banner in BANNERS.items():
        with rich.app_context():
            db.session.get(Assessment, assessment_id).state = state
            db.session.commit()
        html = _page(client, assessment_id).get_data(as_text=True)
        assert f'role="note"><strong>{banner}</strong>' in html
        assert [other for other in BANNERS.values() if other in html] == [banner]
    with rich.app_context():
        db.session.get(Assessment, assessment_id).state = "validated"
        db.session.commit()
    html = _page(client, assessment_id).get_data(as_text=True)
    assert not any(banner in html for banner in BANNERS.values()) and 'class="report-banner"' not in html


def test_page_offers_every_format_in_every_language(rich, client, login_as):
    assessment_id = _assessment(rich)
    login_as(role="focal_point", country="KEN")
    html = _page(client, assessment_id).get_data(as_text=True)
    for fmt in FORMATS:
        for language in LANGUAGES:
            assert f'href="/assessments/{assessment_id}/report.{fmt}?lang={language}"' in html
    assert f'href="/assessments/{assessment_id}/report?lang=ar"' in html


def test_overview_links_to_the_report(rich, client, login_as):
    assessment_id = _assessment(rich)
    login_as(role="focal_point", country="KEN")
    html = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert f'href="/assessments/{assessment_id}/report"' in html


# ---- hostile text -------------------------------------------------------------------------

def test_hostile_text_renders_literally(rich, client, login_as):
    assessment_id = _assessment(rich)
    login_as(role="focal_point", country="KEN")
    article = _article(_page(client, assessment_id).get_data(as_text=True))
    assert '&lt;img src=&#34;/etc/passwd&#34;&gt;' in article and "&lt;para&gt;" in article
    assert "&lt;font color=red&gt;&amp; caf&amp;eacute;" in article
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article and "&lt;b&gt;Act&lt;/b&gt;" in article
    for raw in ("<img", "<para", "<font", "<script", "<b>"):
        assert raw not in article
    assert "🧳🌍 قانون الهجرة Act 12" in article and "👩🏽‍⚕️" in article and LONG in article


def test_standalone_document_outside_a_request(rich):
    with rich.app_context():
        assessment = qrich.open_assessment(answers=hostile_answers())
        for language in LANGUAGES:
            html = render_html_document(report_of(assessment, language))
            direction = "rtl" if language == "ar" else "ltr"
            assert html.startswith("<!doctype html>") and f'<html lang="{language}" dir="{direction}">' in html
            assert "<style>" in html and "@media print" in html and "<script" not in html
            assert "&lt;para&gt;" in html and "<para" not in html and HOSTILE not in html


def test_svg_styles_become_presentation_attributes():
    svg = '<svg><text x="1" style="font-family: \'DejaVu Sans\', Arial; font-size: 6px;fill: rgb(1%,2%,3%); ">a</text></svg>'
    assert presentation_attributes(svg) == (
        '<svg><text x="1" font-family="\'DejaVu Sans\', Arial" font-size="6px" fill="rgb(1%,2%,3%)">a</text></svg>')


# ---- downloads ----------------------------------------------------------------------------

MEDIA = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "csv": "text/csv",
         "json": "application/json", "html": "text/html", "pdf": "application/pdf"}
MAGIC = {"xlsx": b"PK", "csv": b"\xef\xbb\xbf", "json": b"{", "html": b"<!doctype html>", "pdf": b"%PDF"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_downloads_are_attachments_with_sensible_names(rich, client, login_as, fmt):
    if fmt == "pdf":
        pytest.importorskip("mgf_assess.reports.pdf")
    assessment_id = _assessment(rich, hostile=False)  # hostile text in the PDF: its own tests
    login_as(role="focal_point", country="KEN")
    for language in ("fr", "ar"):
        response = client.get(f"/assessments/{assessment_id}/report.{fmt}?lang={language}")
        assert response.status_code == 200 and response.mimetype == MEDIA[fmt]
        assert response.headers["Content-Type"].count("charset") == (1 if fmt in ("csv", "html") else 0)
        disposition = response.headers["Content-Disposition"]
        assert disposition == f"attachment; filename=gap-report-KEN-2026-rich-1.0-{language}.{fmt}"
        assert response.data.startswith(MAGIC[fmt]) and "no-store" in response.headers["Cache-Control"]


def test_unknown_format_or_language_is_not_found(rich, client, login_as):
    assessment_id = _assessment(rich)
    login_as(role="focal_point", country="KEN")
    assert client.get(f"/assessments/{assessment_id}/report.docx").status_code == 404
    assert _page(client, assessment_id, "de").status_code == 404
    assert client.get(f"/assessments/{assessment_id}/report.csv?lang=xx").status_code == 404


# ---- access -------------------------------------------------------------------------------

def _all_report_urls(assessment_id: int) -> list[str]:
    return [f"/assessments/{assessment_id}/report"] + [f"/assessments/{assessment_id}/report.{fmt}?lang=en"
                                                       for fmt in FORMATS]


@pytest.mark.parametrize("role", ["focal_point", "contributor", "evaluator"])
def test_other_country_gets_not_found_everywhere(rich, client, make_user, role):
    assessment_id = _assessment(rich, country="KEN")
    login(client, make_user(role=role, country="MEX", evaluated=["MEX"] if role == "evaluator" else ()))
    for url in _all_report_urls(assessment_id):
        assert client.get(url).status_code == 404, url


def test_signed_out_visitors_are_sent_to_sign_in(rich, client):
    assessment_id = _assessment(rich)
    response = _page(client, assessment_id)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_analyst_sees_validated_reports_only(rich, client, login_as):
    draft = _assessment(rich, country="KEN")
    validated = _assessment(rich, country="MEX", state="validated")
    login_as(role="analyst", country=None)
    for url in _all_report_urls(draft):
        assert client.get(url).status_code == 404, url
    response = _page(client, validated)
    assert response.status_code == 200 and "PRELIMINARY" not in response.get_data(as_text=True)
    assert client.get(f"/assessments/{validated}/report.json?lang=es").status_code == 200


def test_evaluator_of_the_country_reads_the_report(rich, client, make_user):
    assessment_id = _assessment(rich, country="KEN")
    login(client, make_user(role="evaluator", country=None, evaluated=["KEN"]))
    assert _page(client, assessment_id).status_code == 200
