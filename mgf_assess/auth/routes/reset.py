"""Forgotten passwords: asking for a link, and choosing a new password through it."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from mgf_assess.auth.forms import NewPasswordForm, ResetRequestForm
from mgf_assess.auth.invitations import LIFETIME as INVITATION_LIFETIME
from mgf_assess.auth.onetime import LinkNotValid
from mgf_assess.auth.reset import LINK_LIFETIME, operations
from mgf_assess.auth.reset.queries import usable_reset
from mgf_assess.auth.routes import bp
from mgf_assess.core.errors import OperationError
from mgf_assess.extensions import db
from mgf_assess.i18n import current_language


@bp.context_processor
def link_lifetimes() -> dict:
    """How long the links work, as the auth pages state it."""
    return {"reset_minutes": int(LINK_LIFETIME.total_seconds() // 60), "invitation_days": INVITATION_LIFETIME.days}


@bp.route("/password-reset", methods=["GET", "POST"])
def password_reset():
    """One field; the same answer whether or not an account has the address."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        accepted = operations.request_reset(form.email.data, request.remote_addr, current_language())
        db.session.commit()
        if accepted:
            return render_template("auth/password_reset_sent.html", email=form.email.data.strip())
        return render_template("auth/password_reset_request.html", form=form, throttled=True), 429
    return render_template("auth/password_reset_request.html", form=form), 422 if form.errors else 200


@bp.route("/password-reset/<token>", methods=["GET", "POST"])
def password_reset_form(token: str):
    """Choose a new password (opening the link changes nothing: mail scanners open links too)."""
    reset = usable_reset(token)
    if reset is None:
        return link_not_valid()
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            operations.complete_reset(token, form.password.data)
        except LinkNotValid:
            db.session.rollback()
            return link_not_valid()
        except OperationError as error:
            db.session.rollback()
            form.password.errors.extend(error.problems.values())
        else:
            return _reset_done()
    return render_template("auth/password_reset_form.html", form=form, email=reset.user.email), \
        422 if form.errors else 200


def _reset_done():
    db.session.commit()
    if current_user.is_authenticated:
        logout_user()  # its session has ended with the others
    flash(_("Your new password is set, and every session of your account was signed out. Sign in with "
            "the new password."), "success")
    return redirect(url_for("auth.login"))


def link_not_valid():
    """The page of a link that does not work (any more): 410, and what to do instead."""
    return render_template("auth/link_not_valid.html"), 410
