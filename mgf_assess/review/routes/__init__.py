"""The review's pages and form endpoints: ``controls`` (the evaluator's forms on the section
pages: score overrides, evidence review, questions looked at), ``threads`` (the thread forms of
the section pages) and ``listing`` (the list of an assessment's queries)."""

from flask import Blueprint

bp = Blueprint("review", __name__, url_prefix="/assessments", template_folder="../templates")

from mgf_assess.review.routes import controls, listing, threads  # noqa: E402, F401  (register)
