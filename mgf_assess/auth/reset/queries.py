"""Finding the request behind a forgotten-password link."""

from __future__ import annotations

from datetime import datetime

from mgf_assess.auth.models import User
from mgf_assess.auth.onetime import digest_of_link
from mgf_assess.auth.reset.models import PasswordReset
from mgf_assess.database import utcnow
from mgf_assess.extensions import db


def usable_reset(token: str, now: datetime | None = None) -> PasswordReset | None:
    """The unused, unexpired request of an active account whose link carries ``token``."""
    digest = digest_of_link(token)
    if digest is None:
        return None
    query = (db.select(PasswordReset).join(User, User.id == PasswordReset.user_id)
             .where(PasswordReset.digest == digest, PasswordReset.used_at.is_(None),
                    PasswordReset.expires_at > (now or utcnow()), User.active.is_(True)))
    return db.session.scalar(query)
