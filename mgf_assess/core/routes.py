"""Dashboard, health check and the audit log."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from mgf_assess.core import policy, queries
from mgf_assess.extensions import db

bp = Blueprint("core", __name__, template_folder="templates")


@bp.get("/")
def dashboard():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    return render_template("core/dashboard.html")


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
