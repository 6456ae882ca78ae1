"""The review's pages and form endpoints, one module per page group: ``queue`` (the
evaluators' review queue, ``/review``), ``controls`` (the evaluator's forms on the section
pages: score overrides, evidence review, questions looked at), ``threads`` (the thread forms of
the section pages) and ``listing`` (the list of an assessment's queries)."""

from flask import Blueprint

bp = Blueprint("review", __name__, template_folder="../templates")
ASSESSMENT = "/assessments/<int:assessment_id>"  # the prefix of the routes about one assessment

from mgf_assess.review.routes import controls, listing, queue, threads  # noqa: E402, F401  (register)
