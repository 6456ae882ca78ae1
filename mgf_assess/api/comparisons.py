"""``GET /api/v1/comparisons``: the member-state comparison as JSON, under the same rules as
the page (a country the caller may not see is absent; small aggregates are withheld)."""

from __future__ import annotations

from flask import request
from flask_login import current_user

from mgf_assess.api.blueprint import bp, problem, respond, token_required
from mgf_assess.api.bodies import item
from mgf_assess.comparisons.data import RequestProblems, build_comparison, read_request
from mgf_assess.comparisons.tables import api_document

REQUIRED = ("questionnaire", "cycle")


@bp.get("/comparisons")
@token_required
def get_comparison():
    """Profiles, distribution, change, ranking and peers of one questionnaire and cycle."""
    missing = {name: f"{name} is required." for name in REQUIRED if not request.args.get(name)}
    try:
        if missing:
            raise RequestProblems(missing)
        comparison = build_comparison(current_user, read_request(request.args), "en")
    except RequestProblems as refused:
        problems = [item(name, "invalid", message) for name, message in refused.problems.items()]
        title = "Not allowed for your account." if refused.status == 403 else "Invalid parameters; nothing was built."
        return problem(refused.status, title, problems=problems)
    return respond(api_document(comparison))
