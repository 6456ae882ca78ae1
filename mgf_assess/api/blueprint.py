"""The API blueprint, its authentication guard and its JSON error format."""

from __future__ import annotations

from functools import wraps

from flask import Blueprint, jsonify
from flask_login import current_user
from werkzeug.exceptions import HTTPException

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def problem(status: int, title: str, **extra):
    """A JSON error body: ``{"error": {"status", "title", ...}}``."""
    return jsonify({"error": {"status": status, "title": title, **extra}}), status


def token_required(view):
    """Refuse requests without a valid bearer token with 401 (never a redirect to a sign-in page)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated:
            return problem(401, "A valid API token is required: send 'Authorization: Bearer <token>'.")
        return view(*args, **kwargs)

    return wrapper


@bp.errorhandler(HTTPException)
def _http_error(error: HTTPException):
    return problem(error.code or 500, error.description or error.name)
