"""The signed-in user's own account page: preferences, password, sessions, API tokens; and the
language switcher."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mgf_assess.auth import operations, queries
from mgf_assess.auth.forms import PasswordForm, PreferencesForm, ProofForm, TokenForm
from mgf_assess.auth.mfa.operations import recovery_codes_left
from mgf_assess.auth.models import ApiToken
from mgf_assess.auth.passwords import verify_password
from mgf_assess.auth.routes import bp
from mgf_assess.auth.sessions.clients import describe
from mgf_assess.auth.sessions.queries import sessions_of
from mgf_assess.config import LANGUAGES
from mgf_assess.core.errors import OperationError
from mgf_assess.core.forms import ActionForm
from mgf_assess.extensions import db


def account_page(**forms):
    """The account page, with the forms given (holding their errors) and fresh ones for the rest."""
    forms.setdefault("password_form", PasswordForm(prefix="pw"))
    forms.setdefault("mfa_form", ProofForm(prefix="mfa"))
    forms.setdefault("token_form", TokenForm(prefix="tok"))
    forms.setdefault("preferences_form", PreferencesForm(prefix="pref", language=current_user.language or ""))
    sessions = [(record, describe(record.user_agent)) for record in sessions_of(current_user)]
    return render_template("auth/account.html", tokens=queries.tokens_of(current_user), sessions=sessions,
                           current_session=current_user.session_record, action_form=ActionForm(),
                           recovery_left=recovery_codes_left(current_user), **forms)


@bp.get("/account")
@login_required
def account():
    return account_page()


@bp.post("/account/password")
@login_required
def change_password():
    form = PasswordForm(prefix="pw")
    if form.validate_on_submit():
        if not verify_password(current_user.password_hash, form.current.data):
            form.current.errors.append(_("The current password is wrong."))
        else:
            return _apply_password(form)
    return account_page(password_form=form), 422


def _apply_password(form):
    try:
        operations.set_password(current_user, current_user, form.password.data,
                                keep=current_user.session_record)
    except OperationError as error:
        form.password.errors.extend(error.problems.values())
        return account_page(password_form=form), 422
    db.session.commit()
    flash(_("Your password was changed. Other sessions have been signed out."), "success")
    return redirect(url_for("auth.account"))


@bp.post("/account/preferences")
@login_required
def preferences():
    form = PreferencesForm(prefix="pref")
    if not form.validate_on_submit():
        return account_page(preferences_form=form), 422
    operations.set_language(current_user, form.language.data or None)
    db.session.commit()
    flash(_("Your preferences were saved."), "success")
    return redirect(url_for("auth.account"))


@bp.post("/account/tokens")
@login_required
def create_token():
    form = TokenForm(prefix="tok")
    if not form.validate_on_submit():
        return account_page(token_form=form), 422
    _token, plaintext = operations.create_token(current_user, current_user, form.name.data)
    db.session.commit()
    return account_page(new_token=plaintext)


@bp.post("/account/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int):
    token = db.get_or_404(ApiToken, token_id)
    if token.user_id != current_user.id:
        abort(404)
    if ActionForm().validate_on_submit():
        operations.revoke_token(current_user, token)
        db.session.commit()
        flash(_("The token was revoked."), "success")
    return redirect(url_for("auth.account"))


@bp.post("/language")
def set_language():
    """The language switcher: kept in the session, and saved as the user's preference."""
    language = request.form.get("language", "")
    if ActionForm().validate_on_submit() and language in LANGUAGES:
        session["lang"] = language
        if current_user.is_authenticated:
            operations.set_language(current_user, language)
            db.session.commit()
    return redirect(_back())


def _back() -> str:
    target = request.form.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else url_for("core.dashboard")
