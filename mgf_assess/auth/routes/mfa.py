"""Two-step verification pages: the code at sign-in, setting it up, new recovery codes, turning
it off (an administrator's reset is in ``admin``)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mgf_assess.auth.forms import CodeForm, ProofForm, SetupForm
from mgf_assess.auth.mfa import enrolment, pending, totp
from mgf_assess.auth.mfa import operations as mfa
from mgf_assess.auth.routes import bp
from mgf_assess.auth.routes.account import account_page
from mgf_assess.auth.routes.signin import sign_in
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.extensions import db


def _wrong_code() -> str:
    return _("That code is wrong or was already used, or there were too many attempts. Type the code "
             "your app shows now, or a recovery code; after several wrong codes, wait a few minutes.")


def _wrong_proof() -> str:
    return _("That is neither your password nor a current code from your app, or there were too many "
             "attempts. Try again; after several wrong attempts, wait a few minutes.")


@bp.route("/login/code", methods=["GET", "POST"])
def login_code():
    """The second step of a sign-in, for a user who has two-step verification on."""
    if current_user.is_authenticated:
        return redirect(url_for("core.dashboard"))
    user = pending.pending_user()
    if user is None:
        flash(_("Sign in again: the sign-in waited too long for its code."), "info")
        return redirect(url_for("auth.login", next=request.args.get("next")))
    form = CodeForm()
    if form.validate_on_submit():
        method = mfa.check_code(user, form.code.data, request.remote_addr)
        db.session.commit()
        if method is not None:
            return _signed_in_with(user, method)
        form.code.errors.append(_wrong_code())
    return render_template("auth/login_code.html", form=form), 422 if form.errors else 200


def _signed_in_with(user, method: str):
    pending.clear()
    if method == "recovery":
        flash(_("You signed in with a recovery code, which cannot be used again. Recovery codes left: "
                "%(count)d. Lost your phone? Set up two-step verification again on your account page.",
                count=mfa.recovery_codes_left(user)), "warning")
    return sign_in(user, second_factor=method)


@bp.route("/account/mfa", methods=["GET", "POST"])
@login_required
def mfa_setup():
    """Set up two-step verification: scan the QR code (or type the secret), confirm a code."""
    if current_user.mfa_enabled:
        return redirect(url_for("auth.account"))
    form = SetupForm()
    secret = enrolment.unseal(current_user.id, form.setup.data) if request.method == "POST" else None
    if form.validate_on_submit():
        if secret is None:
            flash(_("The set-up page had expired. Add the account to your app again with this new code."),
                  "error")
            return redirect(url_for("auth.mfa_setup"))
        return _enable(form, secret)
    return _setup_page(form, secret or totp.new_secret())


def _enable(form: SetupForm, secret: str):
    try:
        codes = mfa.enable(current_user, secret, form.code.data)
    except OperationError as error:
        form.code.errors.extend(error.problems.values())
        return _setup_page(form, secret)
    db.session.commit()
    return render_template("auth/mfa_recovery_codes.html", codes=codes, first=True)


def _setup_page(form: SetupForm, secret: str):
    sealed = enrolment.seal(current_user.id, secret)
    form.setup.data, form.setup.raw_data = sealed, [sealed]
    qr = totp.qr_data_uri(totp.provisioning_uri(secret, current_user.email))
    return render_template("auth/mfa_setup.html", form=form, qr=qr, secret=totp.grouped(secret),
                           required=policy.mfa_required(current_user)), 422 if form.errors else 200


@bp.post("/account/mfa/recovery-codes")
@login_required
def mfa_recovery_codes():
    """Replace the recovery codes (the old ones stop working), given the password or a code."""
    form = ProofForm(prefix="mfa")
    if form.validate_on_submit():
        codes = mfa.new_recovery_codes(current_user, form.proof.data, request.remote_addr)
        db.session.commit()
        if codes is not None:
            return render_template("auth/mfa_recovery_codes.html", codes=codes, first=False)
        form.proof.errors.append(_wrong_proof())
    return account_page(mfa_form=form), 422


@bp.post("/account/mfa/disable")
@login_required
def mfa_disable():
    """Turn two-step verification off (only where the role does not require it)."""
    policy.require(current_user, "mfa.turn_off")
    form = ProofForm(prefix="mfa")
    if form.validate_on_submit():
        done = mfa.turn_off(current_user, form.proof.data, request.remote_addr)
        db.session.commit()
        if done:
            flash(_("Two-step verification is off. You sign in with your password only."), "success")
            return redirect(url_for("auth.account"))
        form.proof.errors.append(_wrong_proof())
    return account_page(mfa_form=form), 422
