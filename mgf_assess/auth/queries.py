"""Reads on accounts and tokens."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import bindparam
from sqlalchemy.orm import load_only

from mgf_assess.auth.models import ApiToken, User
from mgf_assess.auth.operations import TOKEN_PREFIX, token_digest
from mgf_assess.database import utcnow
from mgf_assess.extensions import db

TOKEN_USE_RESOLUTION = timedelta(minutes=1)

# One statement for every API call: the token's user, with the columns API calls use (any
# other loads when first used), and the two token columns noting its use needs (the token
# itself is never loaded as an object; a revoked one is not found). Built once: statements are
# immutable, only the digest changes.
_TOKEN_USER = (db.select(User, ApiToken.id, ApiToken.last_used_at)
               .join(ApiToken, ApiToken.user_id == User.id)
               .where(ApiToken.digest == bindparam("digest"), ApiToken.revoked_at.is_(None))
               .options(load_only(User.id, User.name, User.role, User.country_code, User.language, User.active)))
_NOTE_TOKEN_USE = ApiToken.__table__.update().where(ApiToken.__table__.c.id == bindparam("token_id"))


def user_by_session_id(session_id: str) -> User | None:
    """Flask-Login's loader: the user whose id *and* current session token match."""
    user_id, _, token = session_id.partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_token != token:
        return None
    return user


def user_by_token(plaintext: str) -> User | None:
    """The active user behind a valid, unrevoked API token (and note its use)."""
    if not plaintext.startswith(TOKEN_PREFIX):
        return None
    row = db.session.execute(_TOKEN_USER, {"digest": token_digest(plaintext)}).first()
    if row is None or not row.User.active:  # unknown, revoked, or its user deactivated
        return None
    now = utcnow()
    if row.last_used_at is None or now - row.last_used_at > TOKEN_USE_RESOLUTION:
        # at most once a minute: a write per API call would be wasteful
        db.session.execute(_NOTE_TOKEN_USE, {"token_id": row.id, "last_used_at": now})
    return row.User


def user_by_email(email: str) -> User | None:
    return db.session.scalar(db.select(User).filter_by(email=email.strip().lower()))


def all_users() -> list[User]:
    return list(db.session.scalars(db.select(User).order_by(User.role, User.email)))


def tokens_of(user: User) -> list[ApiToken]:
    query = db.select(ApiToken).filter_by(user_id=user.id).order_by(ApiToken.created_at.desc())
    return list(db.session.scalars(query))
