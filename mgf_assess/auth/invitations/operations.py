"""Making, resending, withdrawing and accepting invitations. Each function mutates and flushes,
never commits; each step is audited in the same transaction, and the mail is queued in it too.
Who may invite whom is the access policy's question (``invitation.create``), asked by the
caller with a ``Draft``."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from flask_babel import lazy_gettext as _l
from sqlalchemy import update

from mgf_assess.auth import onetime
from mgf_assess.auth.forms import ROLE_LABELS
from mgf_assess.auth.invitations import LIFETIME
from mgf_assess.auth.invitations.models import Invitation
from mgf_assess.auth.invitations.queries import open_invitation_for, usable_invitation
from mgf_assess.auth.models import COUNTRY_ROLES, User
from mgf_assess.auth.operations import check_user_fields, create_user, name_problems
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.core.policy import role_requires_mfa
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.mail.operations import queue_message
from mgf_assess.mail.rendering import absolute_url


class Draft(NamedTuple):
    """What the access policy needs to judge an invitation before it exists."""

    role: str
    country_code: str | None


def draft(role: str, country: str | None) -> Draft:
    return Draft(role, country.upper() if country and role in COUNTRY_ROLES else None)


def invite(actor: User | None, *, email: str, name: str, role: str, country: str | None,
           language: str | None) -> tuple[Invitation, str]:
    """Invite a person and queue the mail with their link; return the invitation and the
    link's token (shown once, by the command line). Raise OperationError listing every problem."""
    email, plan = email.strip().lower(), draft(role, country)
    _check(email, name, plan)
    token, digest = onetime.new_token()
    now = utcnow()
    invitation = Invitation(email=email, name=name.strip(), role=role, country_code=plan.country_code,
                            language=language, invited_by_id=getattr(actor, "id", None), digest=digest,
                            created_at=now, sent_at=now, expires_at=now + LIFETIME)
    db.session.add(invitation)
    db.session.flush()
    audit.record(actor, "invitation.create", "invitation", invitation.id, new=_snapshot(invitation),
                 country=invitation.country_code)
    _queue_mail(invitation, token, actor)
    return invitation, token


def _check(email: str, name: str, plan: Draft) -> None:
    problems = check_user_fields(email, plan.role, plan.country_code, None) | name_problems(name)
    if "email" not in problems and _pending_for(email, utcnow()) is not None:
        problems["email"] = _l("An invitation to this address is waiting already: resend it, or withdraw it "
                               "and invite again.")
    if problems:
        raise OperationError(problems)


def _pending_for(email: str, now: datetime) -> Invitation | None:
    invitation = open_invitation_for(email)
    return invitation if invitation is not None and not invitation.expired(now) else None


def resend(actor: User | None, invitation: Invitation) -> str:
    """Send a new link (the previous one stops working), valid for ``LIFETIME`` from now."""
    _check_resend(invitation)
    token, digest = onetime.new_token()
    now = utcnow()
    old = {"sent_at": invitation.sent_at.isoformat(), "expires_at": invitation.expires_at.isoformat()}
    invitation.digest, invitation.sent_at, invitation.expires_at = digest, now, now + LIFETIME
    db.session.flush()
    audit.record(actor, "invitation.resend", "invitation", invitation.id, old=old,
                 new={"expires_at": invitation.expires_at.isoformat()}, country=invitation.country_code)
    _queue_mail(invitation, token, actor)
    return token


def _check_resend(invitation: Invitation) -> None:
    """What was true when it was made may have changed: the address may have an account now,
    or another invitation may be waiting."""
    if not invitation.is_open:
        raise OperationError(_l("This invitation was accepted or withdrawn already."))
    problems = check_user_fields(invitation.email, invitation.role, invitation.country_code, None)
    other = _pending_for(invitation.email, utcnow())
    if not problems and other is not None and other.id != invitation.id:
        problems["email"] = _l("An invitation to this address is waiting already: resend it, or withdraw it "
                               "and invite again.")
    if problems:
        raise OperationError(problems)


def withdraw(actor: User | None, invitation: Invitation) -> None:
    """Withdraw an open invitation: its link stops working."""
    if not invitation.is_open:
        raise OperationError(_l("This invitation was accepted or withdrawn already."))
    invitation.withdrawn_at = utcnow()
    db.session.flush()
    audit.record(actor, "invitation.withdraw", "invitation", invitation.id, old=_snapshot(invitation),
                 country=invitation.country_code)


def accept(token: str, *, name: str, password: str) -> User:
    """Open the invited account with the name and password chosen (under the policy). Raise
    ``LinkNotValid`` for a used, withdrawn, expired or unknown link, OperationError for a
    refused name or password; the caller rolls back then."""
    invitation = usable_invitation(token)
    if invitation is None or not _claim(invitation):
        raise onetime.LinkNotValid()
    user = create_user(None, email=invitation.email, name=name, role=invitation.role,
                       password=password, country=invitation.country_code, language=invitation.language)
    invitation.user_id = user.id
    db.session.flush()
    audit.record(user, "invitation.accept", "invitation", invitation.id, new={"user": user.id},
                 country=invitation.country_code)
    return user


def _claim(invitation: Invitation) -> bool:
    """Mark the invitation accepted, once: a second request with the same link finds it taken."""
    now = utcnow()
    claimed = db.session.execute(
        update(Invitation).where(Invitation.id == invitation.id, Invitation.accepted_at.is_(None),
                                 Invitation.withdrawn_at.is_(None)).values(accepted_at=now),
        execution_options={"synchronize_session": False}).rowcount
    invitation.accepted_at = now
    return claimed == 1


def _queue_mail(invitation: Invitation, token: str, actor: User | None) -> None:
    country = invitation.country
    context = {"name": invitation.name, "inviter": getattr(actor, "name", None),
               "role": ROLE_LABELS.get(invitation.role, invitation.role),
               "country": country, "link": invitation_link(token), "expires_at": invitation.expires_at,
               "mfa_required": role_requires_mfa(invitation.role)}
    queue_message("invitation", invitation.email, invitation.language, context, expires_at=invitation.expires_at)


def invitation_link(token: str) -> str:
    return absolute_url("auth.accept_invitation", token=token)


def _snapshot(invitation: Invitation) -> dict:
    return {"email": invitation.email, "name": invitation.name, "role": invitation.role,
            "country": invitation.country_code, "language": invitation.language,
            "expires_at": invitation.expires_at.isoformat()}
