"""Until a user whose role requires two-step verification has set it up, every request of their
session leads to the set-up page, except signing out, the language switcher and static files."""

from __future__ import annotations

from flask import redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from mgf_assess.auth.sessions import bearer_token
from mgf_assess.auth.sessions.cookies import API_PREFIX
from mgf_assess.core.policy import mfa_required

ALLOWED_ENDPOINTS = frozenset({"auth.mfa_setup", "auth.logout", "auth.set_language", "static"})


def require_enrolment():
    """``before_request``: None to go on, else the redirect (or the API's 403) that stops here.
    Token-authenticated API calls are not concerned."""
    if request.endpoint in ALLOWED_ENDPOINTS or bearer_token(request) is not None:
        return None
    if not must_enrol(current_user):
        return None
    if request.path.startswith(API_PREFIX):
        return {"error": {"status": 403, "title": _("Set up two-step verification on your account "
                                                    "page first: your role requires it.")}}, 403
    return redirect(url_for("auth.mfa_setup"))


def must_enrol(user) -> bool:
    return bool(user.is_authenticated and not user.mfa_enabled and mfa_required(user))
