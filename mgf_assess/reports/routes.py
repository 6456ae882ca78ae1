"""The gap report on the web: ``/assessments/<id>/report`` and its downloads.

Both answer 404 to anyone who may not see the assessment (``queries.assessment_for``), and
to an unsupported language or format.
"""

from __future__ import annotations

import io

from flask import Blueprint, abort, render_template, request, send_file
from flask_login import current_user, login_required
from markupsafe import Markup

from mgf_assess.assessments import queries
from mgf_assess.config import LANGUAGES
from mgf_assess.i18n import current_language
from mgf_assess.reports import downloads
from mgf_assess.reports.data import build_gap_report, labels
from mgf_assess.reports.web import render_report_body

bp = Blueprint("reports", __name__, template_folder="templates")


def _report_for(assessment_id: int):
    """The assessment's report in the requested language (default: the interface language)."""
    assessment = queries.assessment_for(current_user, assessment_id, "report.view")
    language = request.args.get("lang") or current_language()
    if language not in LANGUAGES:
        abort(404)
    return assessment, build_gap_report(assessment, language)


@bp.get("/assessments/<int:assessment_id>/report")
@login_required
def page(assessment_id: int):
    assessment, report = _report_for(assessment_id)
    links = Markup(render_template("reports/_downloads.html", assessment=assessment,
                                   language=report.language, formats=downloads.format_choices()))
    title = f"{labels.text(labels.HEADINGS, 'report_title')} · {assessment.country.name(current_language())}"
    return render_template("reports/page.html", assessment=assessment, page_title=title,
                           body=render_report_body(report, links))


@bp.get("/assessments/<int:assessment_id>/report.<fmt>")
@login_required
def download(assessment_id: int, fmt: str):
    if fmt not in downloads.FORMATS:
        abort(404)
    _assessment, report = _report_for(assessment_id)
    response = send_file(io.BytesIO(downloads.render(report, fmt)), mimetype=downloads.MEDIA_TYPES[fmt],
                         as_attachment=True, download_name=downloads.file_name(report, fmt))
    response.headers["Cache-Control"] = "private, no-store"  # a country's data: never in shared caches
    return response
