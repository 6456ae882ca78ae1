"""The review feature's pages: one blueprint, its routes in one module per page group.

``queue``: the evaluators' review queue (``/review``).
"""

from flask import Blueprint

bp = Blueprint("review", __name__, template_folder="../templates")

from mgf_assess.review.routes import queue  # noqa: E402, F401  (register)
