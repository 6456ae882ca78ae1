"""Reads on accounts and tokens."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import bindparam
from sqlalchemy.orm import load_only

from mgf_assess.auth.models import ApiToken, User
from mgf_assess.auth.operations import TOKEN_PREFIX, token_digest
from mgf_assess.database import holds_write_lock, utcnow
from mgf_assess.extensions import db

TOKEN_USE_RESOLUTION = timedelta(minutes=1)

# The columns of the token's user that API calls use (any other loads when first used).
_TOKEN_USER_COLUMNS = load_only(User.id, User.name, User.role, User.country_code, User.language, User.active)


# A token's user and the two token columns that noting its use needs, given the token's
# ``:digest`` (the token itself is never loaded as an object; a revoked one is not found).
_TOKEN_USER = (db.select(User, ApiToken.id.label("token_id"), ApiToken.last_used_at.label("token_last_used_at"))
               .join(ApiToken, ApiToken.user_id == User.id)
               .where(ApiToken.digest == bindparam("digest"), ApiToken.revoked_at.is_(None))
               .options(_TOKEN_USER_COLUMNS))
_NOTE_TOKEN_USE = ApiToken.__table__.update().where(ApiToken.__table__.c.id == bindparam("token_id"))


def user_by_token(plaintext: str) -> User | None:
    """The active user behind a valid, unrevoked API token (and note its use)."""
    digest = digest_of_token(plaintext)
    if digest is None:
        return None
    return _accepted_token_user(db.session.execute(_TOKEN_USER, {"digest": digest}).first())


def digest_of_token(plaintext: str) -> str | None:
    """The digest a token is stored under; None for text that cannot be a token."""
    return token_digest(plaintext) if plaintext.startswith(TOKEN_PREFIX) else None


def _accepted_token_user(row) -> User | None:
    """The user of a row read by ``_TOKEN_USER``, if there is one and it is active; notes the
    token's use, at most once a minute (a write per API call would be wasteful)."""
    if row is None or row.User is None or not row.User.active:  # unknown, revoked, or deactivated
        return None
    now = utcnow()
    if row.token_last_used_at is None or now - row.token_last_used_at > TOKEN_USE_RESOLUTION:
        _note_use({"token_id": row.token_id, "last_used_at": now})
    return row.User


def _note_use(params: dict) -> None:
    """Write the token's last use in the request's transaction when it may write; in a
    read-only request on SQLite, in a short transaction of its own (a deferred transaction
    that has read cannot start writing once another writer has committed)."""
    if holds_write_lock(db.session.connection()):
        db.session.execute(_NOTE_TOKEN_USE, params)
        return
    with db.engine.begin() as connection:
        connection.execute(_NOTE_TOKEN_USE, params)


def user_by_email(email: str) -> User | None:
    return db.session.scalar(db.select(User).filter_by(email=email.strip().lower()))


def all_users() -> list[User]:
    return list(db.session.scalars(db.select(User).order_by(User.role, User.email)))


def tokens_of(user: User) -> list[ApiToken]:
    query = db.select(ApiToken).filter_by(user_id=user.id).order_by(ApiToken.created_at.desc())
    return list(db.session.scalars(query))
