"""Dashboard, language switcher, health check and the audit log."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from mgf_assess.auth import operations as account_operations
from mgf_assess.auth.forms import ActionForm
from mgf_assess.config import LANGUAGES
from mgf_assess.core import policy, queries
from mgf_assess.extensions import db

bp = Blueprint("core", __name__, template_folder="templates")


@bp.get("/")
def dashboard():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    return render_template("core/dashboard.html")


@bp.post("/language")
def set_language():
    """The language switcher: kept in the session, and saved as the user's preference."""
    language = request.form.get("language", "")
    if ActionForm().validate_on_submit() and language in LANGUAGES:
        session["lang"] = language
        if current_user.is_authenticated:
            account_operations.set_language(current_user, language)
            db.session.commit()
    return redirect(_back())


def _back() -> str:
    target = request.form.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else url_for("core.dashboard")


@bp.get("/healthz")
def health():
    db.session.execute(db.text("SELECT 1"))
    return {"status": "ok"}


@bp.get("/admin/audit")
@login_required
def audit_log():
    policy.require(current_user, "audit.view")
    page = request.args.get("page", 1, type=int)
    action = request.args.get("action") or None
    return render_template("core/audit.html", events=queries.audit_events(page, action=action), action=action)
