"""Errors raised by operations, and the application's error pages."""

from __future__ import annotations

from flask import Flask, current_app, g, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError

from mgf_assess.extensions import db, login_manager


class OperationError(Exception):
    """Bad input to an operation: nothing was changed. ``problems`` maps a field to a message."""

    def __init__(self, problems: dict[str, str] | str):
        if not isinstance(problems, dict):
            problems = {"": problems}
        self.problems = {field: str(message) for field, message in problems.items()}
        super().__init__("; ".join(f"{k}: {v}" if k else v for k, v in self.problems.items()))


ERROR_TITLES = {
    400: _l("Bad request"),
    403: _l("Not allowed"),
    404: _l("Page not found"),
    405: _l("Method not allowed"),
    409: _l("Conflict"),
    413: _l("File too large"),
    422: _l("Invalid input"),
    429: _l("Too many requests"),
    500: _l("Something went wrong"),
    503: _l("Temporarily unavailable"),
}
ERROR_HINTS = {
    400: _l("The request could not be understood. If you submitted a form, reload the page and try again."),
    403: _l("Your account is not allowed to do this. Ask an administrator if you need access."),
    404: _l("There is nothing here, or you do not have access to it. Check the address or go back to the dashboard."),
    405: _l("This address does not accept that kind of request."),
    409: _l("Someone else changed this in the meantime. Reload the page to see the current state."),
    413: _l("The file is larger than allowed. Choose a smaller file."),
    422: _l("Some of the information is not valid. Correct it and try again."),
    429: _l("Too many attempts. Wait a few minutes and try again."),
    500: _l("The error has been logged. Try again; if it happens again, contact your administrator."),
    503: _l("The database cannot be reached right now. Nothing was changed. Try again in a minute; "
            "if it lasts, contact your administrator."),
}


CSRF_HINT = _l("The form's security token is missing or has expired (for example after a long pause, "
               "or in a second tab). Go back, reload the page and submit the form again.")
CSRF_OVER_HTTP_HINT = _l(
    "This site marks its cookies Secure, so browsers send them only over https, and the form's "
    "security token could not be checked on this plain http connection. Open the site with an "
    "https:// address; for a local trial only, start it with SECURE_COOKIES=0.")


def _render(code: int, hint=None):
    if request.path.startswith("/api/") or request.path == "/healthz":
        return {"error": {"status": code, "title": str(ERROR_TITLES.get(code, code))}}, code
    title = ERROR_TITLES.get(code, ERROR_TITLES[500])
    hint = hint or ERROR_HINTS.get(code, ERROR_HINTS[500])
    return render_template("core/error.html", code=code, title=title, hint=hint), code


def _database_unavailable(error: Exception):
    """The database cannot be reached: a 503 page (or JSON error) rather than a traceback. The
    pool replaces broken connections, so the next request after the database is back works."""
    current_app.logger.warning("database unavailable: %s", error)
    try:
        db.session.rollback()
    except Exception:  # the connection itself may be gone: nothing to undo then
        current_app.logger.debug("rollback after a database failure failed too", exc_info=True)
    g._login_user = login_manager.anonymous_user()  # the page must not ask the database who is signed in
    return _render(503)


def _csrf_failure(_error: CSRFError):
    """A refused form: say why. Over plain http with Secure cookies the browser never sent the
    session cookie back, which is a setup problem rather than a stale page."""
    over_http = current_app.config.get("SESSION_COOKIE_SECURE") and not request.is_secure
    return _render(400, CSRF_OVER_HTTP_HINT if over_http else CSRF_HINT)


def register_error_pages(app: Flask) -> None:
    for code in ERROR_TITLES:
        app.register_error_handler(code, lambda error, code=code: _render(code))
    for failure in (OperationalError, InterfaceError, DisconnectionError):
        app.register_error_handler(failure, _database_unavailable)
    app.register_error_handler(CSRFError, _csrf_failure)
