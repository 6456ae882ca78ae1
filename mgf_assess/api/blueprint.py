"""The API blueprint, its authentication guard and its JSON error format."""

from __future__ import annotations

from functools import wraps

from flask import Blueprint, current_app, jsonify, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError, validate_csrf
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from mgf_assess.extensions import db

bp = Blueprint("api", __name__, url_prefix="/api/v1")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
TOKEN_REQUIRED = "A valid API token is required: send 'Authorization: Bearer <token>'."


@bp.before_request
def _csrf_for_browser_sessions():
    """Pages of the application call the API with their session cookie (e.g. autosave); such
    writes must carry the page's CSRF token in ``X-CSRFToken``. Token-authenticated calls need none."""
    if request.method in SAFE_METHODS or request.headers.get("Authorization", "").startswith("Bearer "):
        return None
    if not current_user.is_authenticated or not current_app.config.get("WTF_CSRF_ENABLED", True):
        return None  # unauthenticated: the endpoint itself answers 401
    try:
        validate_csrf(request.headers.get("X-CSRFToken", ""))
    except (CSRFError, ValueError) as error:
        return problem(400, f"Missing or invalid X-CSRFToken header for a browser session: {error}")
    return None


def error_body(status: int, title: str, **extra) -> dict:
    """The API's error document: ``{"error": {"status", "title", ...}}``."""
    return {"error": {"status": status, "title": title, **extra}}


def problem(status: int, title: str, **extra):
    """A JSON error response."""
    return jsonify(error_body(status, title, **extra)), status


def respond(body, status: int = 200, **headers):
    """Commit the request's work (an operation's changes, the token's last use), then answer."""
    db.session.commit()
    return jsonify(body), status, headers


def no_content():
    """Commit the request's work, then answer 204 without a body."""
    db.session.commit()
    return "", 204


def token_required(view):
    """Refuse requests without a valid bearer token with 401 (never a redirect to a sign-in page)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated:
            return problem(401, TOKEN_REQUIRED)
        return view(*args, **kwargs)

    return wrapper


@bp.after_app_request
def _allow_header(response):
    """A 405 answer names the methods the address accepts (RFC 9110 requires it); the
    application-wide error page does not add the header, so it is added here for the API."""
    refused = request.routing_exception
    if (response.status_code == 405 and request.path.startswith("/api/")
            and isinstance(refused, MethodNotAllowed) and refused.valid_methods):
        response.headers.setdefault("Allow", ", ".join(sorted(refused.valid_methods)))
    return response


@bp.errorhandler(HTTPException)
def _http_error(error: HTTPException):
    return problem(error.code or 500, error.description or error.name)
