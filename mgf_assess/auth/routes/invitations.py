"""Invitations: the page where admins and focal points invite people and manage the open
invitations, and the page where an invited person accepts."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mgf_assess.auth.forms import ROLE_LABELS, AcceptInvitationForm, InvitationForm
from mgf_assess.auth.invitations import LIFETIME, operations
from mgf_assess.auth.invitations.models import Invitation
from mgf_assess.auth.invitations.queries import open_invitations, usable_invitation
from mgf_assess.auth.onetime import LinkNotValid
from mgf_assess.auth.routes import bp
from mgf_assess.auth.routes.reset import link_not_valid
from mgf_assess.auth.routes.signin import sign_in
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.forms import ActionForm, choices
from mgf_assess.core.models import Country
from mgf_assess.core.queries import country_choices
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.i18n import current_language


def _form() -> InvitationForm:
    """The invitation form, offering only the roles and countries the user may invite to."""
    form = InvitationForm(language=current_language())
    if current_user.role == "admin":
        form.role.choices = choices(ROLE_LABELS.items())
        form.country.choices = choices([("", _("No country"))] + country_choices(current_language()))
    else:
        form.role.choices = choices((role, ROLE_LABELS[role]) for role in policy.FOCAL_POINT_INVITES)
        own = db.session.get(Country, current_user.country_code)
        form.country.choices = choices([(own.code, own.name(current_language()))])
    return form


def _page(form: InvitationForm, status: int = 200):
    return render_template("auth/invitations.html", form=form, invitations=open_invitations(current_user),
                           action_form=ActionForm(), now=utcnow()), status


@bp.get("/invitations")
@login_required
def invitations():
    policy.require(current_user, "invitation.create")
    return _page(_form())


@bp.post("/invitations")
@login_required
def invite():
    policy.require(current_user, "invitation.create")
    form = _form()
    if not form.validate_on_submit():
        return _page(form, 422)
    policy.require(current_user, "invitation.create", operations.draft(form.role.data, form.country.data))
    try:
        invitation, _token = operations.invite(current_user, email=form.email.data, name=form.name.data,
                                               role=form.role.data, country=form.country.data or None,
                                               language=form.language.data)
    except OperationError as error:
        db.session.rollback()
        for field, message in error.problems.items():
            getattr(form, field, form.email).errors.append(message)
        return _page(form, 422)
    db.session.commit()
    flash(_("Invitation sent to %(email)s. The link in it works for %(days)d days.", email=invitation.email,
            days=LIFETIME.days), "success")
    return redirect(url_for("auth.invitations"))


def _managed(invitation_id: int) -> Invitation:
    invitation = db.get_or_404(Invitation, invitation_id)
    policy.require(current_user, "invitation.manage", invitation)
    return invitation


@bp.post("/invitations/<int:invitation_id>/resend")
@login_required
def resend_invitation(invitation_id: int):
    invitation = _managed(invitation_id)
    if ActionForm().validate_on_submit():
        try:
            operations.resend(current_user, invitation)
            db.session.commit()
            flash(_("A new invitation was sent to %(email)s; the previous link no longer works.",
                    email=invitation.email), "success")
        except OperationError as error:
            flash(next(iter(error.problems.values())), "error")
    return redirect(url_for("auth.invitations"))


@bp.post("/invitations/<int:invitation_id>/withdraw")
@login_required
def withdraw_invitation(invitation_id: int):
    invitation = _managed(invitation_id)
    if ActionForm().validate_on_submit():
        try:
            operations.withdraw(current_user, invitation)
            db.session.commit()
            flash(_("The invitation to %(email)s was withdrawn; its link no longer works.",
                    email=invitation.email), "success")
        except OperationError as error:
            flash(next(iter(error.problems.values())), "error")
    return redirect(url_for("auth.invitations"))


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    """The invited person chooses their name and password and is signed in (then sent to set
    up two-step verification, where their role requires it)."""
    invitation = usable_invitation(token)
    if invitation is None:
        return link_not_valid()
    form = AcceptInvitationForm(name=invitation.name)
    if not current_user.is_authenticated and form.validate_on_submit():
        return _accept(token, form, invitation)
    return _accept_page(form, invitation)


def _accept(token: str, form: AcceptInvitationForm, invitation: Invitation):
    try:
        user = operations.accept(token, name=form.name.data, password=form.password.data)
    except LinkNotValid:
        db.session.rollback()
        return link_not_valid()
    except OperationError as error:
        db.session.rollback()
        for field, message in error.problems.items():
            getattr(form, field if field == "name" else "password").errors.append(message)
        return _accept_page(form, invitation)
    return sign_in(user)


def _accept_page(form: AcceptInvitationForm, invitation: Invitation):
    return render_template("auth/invitation_accept.html", form=form, invitation=invitation,
                           mfa_required=policy.role_requires_mfa(invitation.role)), 422 if form.errors else 200
