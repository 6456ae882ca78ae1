"""Rules about accounts: administration, sessions, two-step verification, invitations."""

from __future__ import annotations

from flask import current_app

from mgf_assess.core.policy.registry import RULES, can_see_country, is_admin, rule

RULES.update({
    "users.manage": is_admin,
    "audit.view": is_admin,
    "questionnaires.manage": is_admin,
    "questionnaires.view": lambda user, _obj: True,
    "tokens.own": lambda user, _obj: True,
    "session.end": lambda user, record: getattr(record, "user_id", None) == user.id,
    "mfa.turn_off": lambda user, _obj: not mfa_required(user),
    "assessment.unpublish": is_admin,  # withdraws a public profile: admins only, with a reason
})


def mfa_required(user) -> bool:
    """Whether the user's role must sign in with two-step verification (``MFA_REQUIRED_ROLES``).
    Whoever has turned it on uses it at every sign-in, required or not."""
    return role_requires_mfa(user.role)


def role_requires_mfa(role: str) -> bool:
    return role in current_app.config["MFA_REQUIRED_ROLES"]


@rule("country.view")
def _view_country(user, country) -> bool:
    return can_see_country(user, getattr(country, "code", None))


@rule("user.view")
def _view_user(user, other) -> bool:
    return user.role == "admin" or getattr(other, "id", None) == user.id


# ---- invitations -------------------------------------------------------------------------
# ``invitation.create`` without an object: may the user invite anyone at all (the page); with
# a draft (``auth.invitations.operations.Draft``: role, country_code): may they invite that.

FOCAL_POINT_INVITES = ("contributor",)  # the roles a focal point invites, into their own country


@rule("invitation.create")
def _invite(user, plan) -> bool:
    """An admin invites anyone to any role; a focal point invites contributors of their own
    country (officials of their own or other ministries)."""
    if user.role == "admin":
        return True
    if user.role != "focal_point" or user.country_code is None:
        return False
    return plan is None or (plan.role in FOCAL_POINT_INVITES and plan.country_code == user.country_code)


@rule("invitation.manage")
def _manage_invitation(user, invitation) -> bool:
    """Resend or withdraw an open invitation: an admin any, a focal point those they could make."""
    return _invite(user, invitation)


