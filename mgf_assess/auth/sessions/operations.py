"""Starting and ending browser sessions. Each function mutates and flushes, never commits; sign-in
and sign-out are audited in the same transaction."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import delete, or_

from mgf_assess.auth.models import USER_AGENT_LENGTH, User, UserSession
from mgf_assess.auth.sessions import lifetime
from mgf_assess.core import audit
from mgf_assess.database import utcnow
from mgf_assess.extensions import db


def key_digest(key: str) -> str:
    """The SHA-256 digest a session key is stored as."""
    return hashlib.sha256(key.encode()).hexdigest()


def start_session(user: User, *, user_agent: str | None, address: str | None,
                  second_factor: str | None = None) -> UserSession:
    """Sign the user in: a new session record (expired ones of every user are purged first).
    The key for the cookie is set on ``user.session_key`` (Flask-Login's ``login_user`` reads
    it); only its digest is stored. ``second_factor`` says how the sign-in was confirmed."""
    now = utcnow()
    purge_expired(now)
    key = secrets.token_urlsafe(32)
    record = UserSession(user_id=user.id, digest=key_digest(key), created_at=now, last_seen_at=now,
                         expires_at=now + lifetime.max_age(),
                         user_agent=(user_agent or "")[:USER_AGENT_LENGTH], address=address)
    db.session.add(record)
    user.last_login_at, user.failed_logins = now, 0
    db.session.flush()
    audit.record(user, "user.sign_in", "user", user.id, country=user.country_code,
                 new={"session": record.id, "address": address, "second_factor": second_factor})
    user.session_key, user.session_record = key, record
    return record


def end_session(actor: User, record: UserSession) -> None:
    """Sign one session out: its record is deleted, so its cookie refers to nothing any more."""
    old = {"session": record.id, "created_at": record.created_at.isoformat(), "address": record.address}
    db.session.delete(record)
    db.session.flush()
    audit.record(actor, "user.sign_out", "user", record.user_id, old=old,
                 country=getattr(actor, "country_code", None))


def end_all_sessions(user: User, keep: UserSession | None = None) -> int:
    """Delete every session of the user but ``keep``; return how many ended. The caller audits
    why (sign out everywhere, password change, deactivation, second factor reset)."""
    query = delete(UserSession).where(UserSession.user_id == user.id)
    if keep is not None:
        query = query.where(UserSession.id != keep.id)
    return db.session.execute(query, execution_options={"synchronize_session": False}).rowcount


def purge_expired(now: datetime) -> None:
    """Delete the records of sessions that have ended by themselves (idle or past their
    deadline): housekeeping, not a change anyone made, so not audited."""
    db.session.execute(delete(UserSession).where(or_(
        UserSession.expires_at <= now,
        UserSession.created_at <= now - lifetime.max_age(),
        UserSession.last_seen_at <= now - lifetime.idle_limit())),
        execution_options={"synchronize_session": False})
