"""The review's pages: the thread forms of the section pages (``threads``) and the list of an
assessment's queries (``listing``)."""

from flask import Blueprint

bp = Blueprint("review", __name__, url_prefix="/assessments", template_folder="../templates")

from mgf_assess.review.routes import listing, threads  # noqa: E402, F401  (register)
