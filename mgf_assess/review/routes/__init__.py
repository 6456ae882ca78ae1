"""The review's pages and form endpoints: ``controls`` (the evaluator's forms on the section
pages: score overrides, evidence review, questions looked at)."""

from flask import Blueprint

bp = Blueprint("review", __name__, url_prefix="/assessments", template_folder="../templates")

from mgf_assess.review.routes import controls  # noqa: E402, F401  (register)
