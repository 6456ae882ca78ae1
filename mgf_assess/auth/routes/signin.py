"""Signing in and out: the sign-in page, sign-out, ending one session or all of them."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from mgf_assess.auth import operations
from mgf_assess.auth.forms import LoginForm
from mgf_assess.auth.mfa import pending
from mgf_assess.auth.models import UserSession
from mgf_assess.auth.routes import bp
from mgf_assess.auth.sessions import operations as sessions
from mgf_assess.core import policy
from mgf_assess.core.forms import ActionForm
from mgf_assess.extensions import db


def safe_next(target: str | None) -> str:
    """Only same-site relative paths are followed after sign-in."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("core.dashboard")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("core.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = operations.authenticate(form.email.data, form.password.data, request.remote_addr)
        db.session.commit()
        if user is not None and user.mfa_enabled:
            pending.begin(user)  # signed in only once the code is right
            return redirect(url_for("auth.login_code", next=request.args.get("next")))
        if user is not None:
            return sign_in(user)
        flash(_("Sign-in failed: the e-mail or password is wrong, the account is inactive, "
                "or there were too many attempts. Wait a few minutes and try again."), "error")
    return render_template("auth/login.html", form=form)


def sign_in(user, second_factor: str | None = None):
    """Complete a sign-in: a new session record, its key in the cookie, on to the next page."""
    sessions.start_session(user, user_agent=request.user_agent.string, address=request.remote_addr,
                           second_factor=second_factor)
    db.session.commit()
    login_user(user)
    return redirect(safe_next(request.args.get("next")))


@bp.post("/logout")
@login_required
def logout():
    if ActionForm().validate_on_submit():
        sessions.end_session(current_user, current_user.session_record)
        db.session.commit()
        logout_user()
        flash(_("You are signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.post("/logout-everywhere")
@login_required
def logout_everywhere():
    if ActionForm().validate_on_submit():
        operations.logout_everywhere(current_user)
        db.session.commit()
        logout_user()
        flash(_("You are signed out on every device."), "info")
    return redirect(url_for("auth.login"))


@bp.post("/account/sessions/<int:session_id>/end")
@login_required
def end_session(session_id: int):
    """Sign one of the user's sessions out (another user's is not found: 404)."""
    record = db.session.get(UserSession, session_id)
    if record is None or not policy.can(current_user, "session.end", record):
        abort(404)
    if not ActionForm().validate_on_submit():
        return redirect(url_for("auth.account"))
    current = record.id == current_user.session_record.id
    sessions.end_session(current_user, record)
    db.session.commit()
    if current:
        logout_user()
        flash(_("You are signed out."), "info")
        return redirect(url_for("auth.login"))
    flash(_("That session is signed out."), "success")
    return redirect(url_for("auth.account"))
