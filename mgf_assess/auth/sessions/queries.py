"""Finding the session of a request (Flask-Login's user loader) and listing a user's sessions."""

from __future__ import annotations

from flask import flash
from flask_babel import gettext as _
from sqlalchemy import bindparam, delete, update

from mgf_assess.auth.models import User, UserSession
from mgf_assess.auth.sessions import lifetime
from mgf_assess.auth.sessions.operations import key_digest
from mgf_assess.database import holds_write_lock, utcnow
from mgf_assess.extensions import db

# A session and its user, by the digest of the session's key: one statement per request.
_SESSION_USER = (db.select(UserSession, User).join(User, User.id == UserSession.user_id)
                 .where(UserSession.digest == bindparam("digest")))
_TOUCH = update(UserSession).where(UserSession.id == bindparam("session_id"))
_FORGET = delete(UserSession).where(UserSession.id == bindparam("session_id"))


def user_by_session_key(key: str) -> User | None:
    """Flask-Login's user loader: the active user of the session whose key the cookie carries.
    A session that has ended (idle, past its deadline) is deleted and the person told why; its
    last use is noted at most once a minute."""
    row = db.session.execute(_SESSION_USER, {"digest": key_digest(key)}).first()
    if row is None or not row.User.active:
        return None
    record, now = row.UserSession, utcnow()
    if (reason := lifetime.end_reason(record, now)) is not None:
        _write_beside_request(_FORGET, {"session_id": record.id})
        flash(_ended_message(reason), "info")
        return None
    if lifetime.needs_touch(record, now):
        _write_beside_request(_TOUCH.values(last_seen_at=now), {"session_id": record.id})
    row.User.session_key, row.User.session_record = key, record
    return row.User


def _ended_message(reason: str) -> str:
    if reason == "idle":
        return _("Your session ended after %(minutes)d minutes without activity. Sign in again.",
                 minutes=int(lifetime.idle_limit().total_seconds() // 60))
    return _("Your session reached its maximum length of %(hours)d hours. Sign in again.",
             hours=int(lifetime.max_age().total_seconds() // 3600))


def _write_beside_request(statement, params: dict) -> None:
    """Write now, whatever the request does next: in the request's transaction when it holds
    SQLite's write lock (another connection would wait for that lock), otherwise in a short
    transaction of its own (a read-only request never commits, and a deferred SQLite
    transaction that has read cannot start writing once another writer has committed)."""
    connection = db.session.connection()
    if connection.dialect.name == "sqlite" and holds_write_lock(connection):
        db.session.execute(statement, params, execution_options={"synchronize_session": False})
        return
    with db.engine.begin() as own:
        own.execute(statement, params)


def sessions_of(user: User) -> list[UserSession]:
    """The user's sessions that have not ended, most recently used first."""
    now = utcnow()
    query = (db.select(UserSession).filter_by(user_id=user.id)
             .where(UserSession.expires_at > now, UserSession.created_at > now - lifetime.max_age(),
                    UserSession.last_seen_at > now - lifetime.idle_limit())
             .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc()))
    return list(db.session.scalars(query))
