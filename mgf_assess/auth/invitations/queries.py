"""Finding invitations: the one behind a link, and the open ones a user manages."""

from __future__ import annotations

from datetime import datetime

from mgf_assess.auth.invitations.models import Invitation
from mgf_assess.auth.onetime import digest_of_link
from mgf_assess.core import policy
from mgf_assess.database import utcnow
from mgf_assess.extensions import db


def usable_invitation(token: str, now: datetime | None = None) -> Invitation | None:
    """The open, unexpired invitation whose link carries ``token``."""
    digest = digest_of_link(token)
    if digest is None:
        return None
    return db.session.scalar(db.select(Invitation).where(
        Invitation.digest == digest, Invitation.accepted_at.is_(None), Invitation.withdrawn_at.is_(None),
        Invitation.expires_at > (now or utcnow())))


def open_invitations(user) -> list[Invitation]:
    """The open invitations (expired ones included) that ``user`` may resend or withdraw,
    newest first."""
    query = (db.select(Invitation).where(Invitation.accepted_at.is_(None), Invitation.withdrawn_at.is_(None))
             .order_by(Invitation.sent_at.desc(), Invitation.id.desc()))
    if user.role != "admin":
        query = query.where(Invitation.country_code == user.country_code,
                            Invitation.role.in_(policy.FOCAL_POINT_INVITES))
    return [item for item in db.session.scalars(query) if policy.can(user, "invitation.manage", item)]


def open_invitation_for(email: str) -> Invitation | None:
    return db.session.scalar(db.select(Invitation).where(
        Invitation.email == email.strip().lower(), Invitation.accepted_at.is_(None),
        Invitation.withdrawn_at.is_(None)).limit(1))
