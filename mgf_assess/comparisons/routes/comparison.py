"""``/comparisons``: the comparison form and page, and every download of it.

The query string is the request (``data.request``); the page and the downloads build the
same ``Comparison`` for the signed-in user (countries they may not see are absent, small
aggregates withheld). Bad parameters: the form again with every problem (422); a source the
user may not ask for: 403; an unknown language or format: 404.
"""

from __future__ import annotations

import io

from flask import abort, render_template, request, send_file
from flask_login import current_user, login_required
from markupsafe import Markup

from mgf_assess.comparisons import downloads
from mgf_assess.comparisons.data import RequestProblems, build_comparison, read_request
from mgf_assess.comparisons.forms import defaults, form_choices
from mgf_assess.comparisons.routes import bp
from mgf_assess.comparisons.web import render_comparison_body
from mgf_assess.config import LANGUAGES
from mgf_assess.core import policy
from mgf_assess.i18n import current_language


def _built(language: str):
    """(choices, request, comparison) for the query string; RequestProblems when it is bad."""
    policy.require(current_user, "comparisons.view")
    choices = form_choices(current_user, current_language())
    asked = read_request(request.args, *defaults(choices))
    comparison = build_comparison(current_user, asked, language) if asked.cycle else None
    return choices, asked, comparison


@bp.get("/comparisons")
@login_required
def page():
    try:
        choices, asked, comparison = _built(current_language())
    except RequestProblems as problems:
        if problems.status == 403:
            abort(403)
        return _page(form_choices(current_user, current_language()), None, None, problems.problems), 422
    return _page(choices, asked, comparison, {})


def _page(choices, asked, comparison, problems: dict):
    links = Markup(render_template("comparisons/_downloads.html", query=asked.query() if asked else {},
                                   formats=downloads.format_choices())) if comparison else None
    body = render_comparison_body(comparison, links) if comparison else None
    return render_template("comparisons/page.html", choices=choices, asked=asked, values=request.args,
                           problems=problems, body=body, comparison=comparison)


@bp.get("/comparisons/export.<fmt>")
@login_required
def download(fmt: str):
    language = request.args.get("lang") or current_language()
    if fmt not in downloads.FORMATS or language not in LANGUAGES:
        abort(404)
    try:
        _choices, _asked, comparison = _built(language)
    except RequestProblems as problems:
        abort(problems.status, "; ".join(problems.problems.values()))
    if comparison is None:
        abort(404)
    response = send_file(io.BytesIO(downloads.render(comparison, fmt)), mimetype=downloads.MEDIA_TYPES[fmt],
                         as_attachment=True, download_name=downloads.file_name(comparison, fmt))
    response.headers["Cache-Control"] = "private, no-store"  # what this user may see: never in shared caches
    return response
