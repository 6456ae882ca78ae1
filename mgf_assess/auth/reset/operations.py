"""Asking for and using forgotten-password links. Each function mutates and flushes, never
commits (but ``prepare_requests``, which runs in the background sender); each change is
audited in the same transaction.

A request costs the same whatever the address: it is counted by the throttle and written as
a row, nothing else, so neither the answer nor its timing tells whether an account has the
address. The background sender then prepares each request: it finds the account, makes the
link and queues the mail, or deletes the request when no active account has the address.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, update

from mgf_assess.auth import onetime, throttle
from mgf_assess.auth.models import User
from mgf_assess.auth.operations import set_password
from mgf_assess.auth.queries import user_by_email
from mgf_assess.auth.reset import LINK_LIFETIME
from mgf_assess.auth.reset.models import PasswordReset
from mgf_assess.auth.reset.queries import usable_reset
from mgf_assess.core import audit
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.mail.operations import deliver_after_commit, queue_message
from mgf_assess.mail.rendering import absolute_url

_NO_SYNC = {"synchronize_session": False}
PREPARE_BATCH = 50  # requests prepared per transaction


def request_reset(email: str, client: str | None, language: str) -> bool:
    """Record a request for a link to ``email``; False when the address or the client has
    asked too often (nothing recorded)."""
    keys = throttle.reset_keys(email, client)
    if throttle.any_locked(keys):
        return False
    throttle.count_failure(keys, "PASSWORD_RESET_WINDOW_MINUTES")
    now = utcnow()
    _purge(now)
    db.session.add(PasswordReset(email=email.strip().lower(), language=language, address=client,
                                 created_at=now, expires_at=now + LINK_LIFETIME))
    db.session.flush()
    deliver_after_commit()  # the sender prepares the request
    return True


def prepare_requests() -> int:
    """Background sender: prepare up to ``PREPARE_BATCH`` recorded requests, oldest first,
    and commit. Several workers prepare different ones (``SKIP LOCKED`` on PostgreSQL, the
    write lock on SQLite)."""
    query = (db.select(PasswordReset).where(PasswordReset.digest.is_(None))
             .order_by(PasswordReset.id).limit(PREPARE_BATCH))
    if db.session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    requests = list(db.session.scalars(query))
    now = utcnow()
    for request in requests:
        _prepare(request, now)
    db.session.commit()
    return len(requests)


def _prepare(request: PasswordReset, now: datetime) -> None:
    user = user_by_email(request.email)
    if user is None or not user.active or request.expires_at <= now:
        db.session.delete(request)  # nobody to write to: nothing is kept
        return
    token, request.digest = onetime.new_token()
    request.user_id = user.id
    db.session.flush()
    audit.record(None, "user.password_reset_request", "user", user.id, new={"address": request.address},
                 country=user.country_code)
    context = {"name": user.name, "email": user.email, "expires_at": request.expires_at,
               "link": absolute_url("auth.password_reset_form", token=token)}
    queue_message("password_reset", user.email, user.language or request.language, context,
                  expires_at=request.expires_at)


def complete_reset(token: str, password: str) -> User:
    """Set a new password through a link: the policy applies, every session of the account
    ends, and every open link of the account stops working. Raise ``LinkNotValid`` when the
    link is used, expired or unknown, ``OperationError`` when the password is refused."""
    reset = usable_reset(token)
    if reset is None:
        raise onetime.LinkNotValid()
    user = reset.user
    set_password(user, user, password, action="user.password_reset")
    if not _use_all(user, reset):
        raise onetime.LinkNotValid()  # used meanwhile by another request: the caller rolls back
    throttle.clear(user.email)  # the owner of the mailbox may sign in again at once
    return user


def _use_all(user: User, reset: PasswordReset) -> bool:
    """Mark the account's open links used; False when ``reset`` itself was used meanwhile."""
    now = utcnow()
    claimed = db.session.execute(update(PasswordReset).where(PasswordReset.id == reset.id,
                                                             PasswordReset.used_at.is_(None))
                                 .values(used_at=now), execution_options=_NO_SYNC).rowcount
    db.session.execute(update(PasswordReset).where(PasswordReset.user_id == user.id,
                                                   PasswordReset.used_at.is_(None))
                       .values(used_at=now), execution_options=_NO_SYNC)
    return claimed == 1


def _purge(now: datetime) -> None:
    """Delete requests that can no longer be used (housekeeping, not audited)."""
    db.session.execute(delete(PasswordReset).where(PasswordReset.expires_at <= now), execution_options=_NO_SYNC)
