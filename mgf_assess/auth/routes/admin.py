"""Administration of user accounts (admins only)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mgf_assess.auth import operations, queries
from mgf_assess.auth.forms import DeactivateForm, EvaluatorCountriesForm, UserForm
from mgf_assess.auth.mfa import operations as mfa
from mgf_assess.auth.models import User
from mgf_assess.auth.routes import bp
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.forms import ActionForm, choices
from mgf_assess.core.queries import country_choices
from mgf_assess.extensions import db
from mgf_assess.i18n import current_language


def _user_form(user: User | None = None) -> UserForm:
    form = UserForm(obj=user, country=user.country_code if user else None)
    form.country.choices = choices([("", _("No country"))] + country_choices(current_language()))
    return form


def _apply_problems(form, error: OperationError) -> None:
    for field, message in error.problems.items():
        getattr(form, field, form.email).errors.append(message)


@bp.get("/admin/users")
@login_required
def users():
    policy.require(current_user, "users.manage")
    return render_template("auth/users.html", users=queries.all_users())


@bp.route("/admin/users/new", methods=["GET", "POST"])
@login_required
def new_user():
    policy.require(current_user, "users.manage")
    form = _user_form()
    if form.validate_on_submit():
        try:
            user = operations.create_user(
                current_user, email=form.email.data or "", name=form.name.data or "", role=form.role.data,
                country=form.country.data or None, language=form.language.data or None,
                password=form.password.data or "")
        except OperationError as error:
            _apply_problems(form, error)
        else:
            db.session.commit()
            flash(_("Account %(email)s created.", email=user.email), "success")
            return redirect(url_for("auth.edit_user", user_id=user.id))
    return render_template("auth/user_form.html", form=form, user=None), 422 if form.errors else 200


def _edit_page(user: User, form: UserForm, status: int = 200):
    countries_form = EvaluatorCountriesForm(countries=[c.code for c in user.evaluated_countries])
    countries_form.countries.choices = choices(country_choices(current_language()))
    return render_template("auth/user_form.html", form=form, user=user, countries_form=countries_form,
                           deactivate_form=DeactivateForm(), action_form=ActionForm(),
                           mfa_required=policy.mfa_required(user)), status


@bp.route("/admin/users/<int:user_id>", methods=["GET", "POST"])
@login_required
def edit_user(user_id: int):
    policy.require(current_user, "users.manage")
    user = db.get_or_404(User, user_id)
    form = _user_form(user)
    if not form.validate_on_submit():
        return _edit_page(user, form, 422 if form.errors else 200)
    try:
        operations.update_user(current_user, user, name=form.name.data or "", role=form.role.data,
                               country=form.country.data or None, language=form.language.data or None)
        if form.password.data:
            # an admin setting their own password here stays signed in on this device
            operations.set_password(current_user, user, form.password.data, keep=current_user.session_record)
    except OperationError as error:
        db.session.rollback()
        _apply_problems(form, error)
        return _edit_page(user, form, 422)
    db.session.commit()
    flash(_("Account %(email)s saved.", email=user.email), "success")
    return redirect(url_for("auth.edit_user", user_id=user.id))


@bp.post("/admin/users/<int:user_id>/active")
@login_required
def toggle_active(user_id: int):
    policy.require(current_user, "users.manage")
    user = db.get_or_404(User, user_id)
    form = DeactivateForm()
    if form.validate_on_submit():
        try:
            operations.set_active(current_user, user, not user.active, form.reason.data or None)
            db.session.commit()
            flash(_("Account %(email)s is now active.", email=user.email) if user.active
                  else _("Account %(email)s is now deactivated.", email=user.email), "success")
        except OperationError as error:
            flash(error.problems.get("", ""), "error")
    return redirect(url_for("auth.edit_user", user_id=user.id))


@bp.post("/admin/users/<int:user_id>/countries")
@login_required
def evaluator_countries(user_id: int):
    policy.require(current_user, "users.manage")
    user = db.get_or_404(User, user_id)
    form = EvaluatorCountriesForm()
    form.countries.choices = choices(country_choices(current_language()))
    if form.validate_on_submit():
        try:
            operations.set_evaluator_countries(current_user, user, form.countries.data or [])
            db.session.commit()
            flash(_("Assigned countries saved."), "success")
        except OperationError as error:
            flash(next(iter(error.problems.values())), "error")
    return redirect(url_for("auth.edit_user", user_id=user.id))


@bp.post("/admin/users/<int:user_id>/mfa/reset")
@login_required
def reset_mfa(user_id: int):
    """Turn another user's two-step verification off, for a lost phone (audited)."""
    policy.require(current_user, "users.manage")
    user = db.get_or_404(User, user_id)
    if ActionForm().validate_on_submit():
        try:
            mfa.reset(current_user, user)
            db.session.commit()
            flash(_("Two-step verification of %(email)s is reset, and every session of the account "
                    "is signed out.", email=user.email), "success")
        except OperationError as error:
            flash(next(iter(error.problems.values())), "error")
    return redirect(url_for("auth.edit_user", user_id=user.id))
