"""Public country profiles, no sign-in: ``/profiles`` lists every published assessment,
``/profiles/<ISO3>`` shows a country's latest published profile and ``/profiles/<ISO3>/
report.pdf`` its gap report. Nothing unpublished is reachable here: a country with nothing
published answers 404, whoever asks."""

from __future__ import annotations

import io
import re

from flask import abort, render_template, request, send_file
from markupsafe import Markup

from mgf_assess.comparisons import queries
from mgf_assess.comparisons.charts.canvas import SvgCanvas
from mgf_assess.comparisons.charts.radars import TILE, draw_radars, radars_description
from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.public import profile_view, public_gap_report
from mgf_assess.comparisons.routes import public
from mgf_assess.config import LANGUAGES
from mgf_assess.i18n import current_language
from mgf_assess.reports.data.formatting import formatters
from mgf_assess.reports.downloads import file_name

CODE = re.compile(r"^[A-Z]{3}$")


def _published(code: str):
    found = queries.latest_published(code) if CODE.match(code) else None
    if found is None:
        abort(404)
    return found


@public.get("/profiles")
def index():
    language = current_language()
    items = [(assessment, snapshot, assessment.country.name(language)) for assessment, snapshot in
             queries.published_profiles()]
    return render_template("comparisons/profiles.html", items=items, H=labels.HEADINGS, M=labels.MARKS,
                           fmt=formatters(language))


@public.get("/profiles/<code>")
def show(code: str):
    assessment, snapshot = _published(code)
    view = profile_view(assessment, snapshot, current_language())
    radar = None
    if len(view.domains) >= 3:
        canvas = SvgCanvas(TILE, TILE, mirror=view.direction == "rtl")
        draw_radars(canvas, view, view.profiles)
        radar = Markup(canvas.svg(labels.text(labels.HEADINGS, "radars"),  # our markup; texts escaped
                                  radars_description(view, view.profiles), "radar"))
    return render_template("comparisons/profile.html", v=view, p=view.profile, radar=radar, H=labels.HEADINGS,
                           F=labels.FIELDS, M=labels.MARKS, text=labels.text, fmt=formatters(view.language))


@public.get("/profiles/<code>/report.pdf")
def report(code: str):
    from mgf_assess.reports.pdf import render_pdf

    assessment, _snapshot = _published(code)
    language = request.args.get("lang") or current_language()
    if language not in LANGUAGES:
        abort(404)
    gap_report = public_gap_report(assessment, language)
    return send_file(io.BytesIO(render_pdf(gap_report)), mimetype="application/pdf", as_attachment=True,
                     download_name=file_name(gap_report, "pdf"))
