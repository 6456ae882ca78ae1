"""Throttling failed sign-ins per account and per client, counted in the database."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app

from mgf_assess.auth.models import LoginThrottle
from mgf_assess.database import utcnow
from mgf_assess.extensions import db


def keys_for(email: str, client: str | None) -> list[tuple[str, str]]:
    """The throttle keys of one attempt with their config limit names.

    The account key is built from the typed e-mail whether or not an account exists, so the
    throttle behaves the same for unknown addresses and reveals nothing.
    """
    return [(f"account:{email.strip().lower()}", "LOGIN_MAX_FAILURES"),
            (f"client:{client or 'unknown'}", "LOGIN_MAX_FAILURES_PER_CLIENT")]


def is_locked(email: str, client: str | None) -> bool:
    now = utcnow()
    for key, _limit in keys_for(email, client):
        row = db.session.get(LoginThrottle, key)
        if row is not None and row.locked_until is not None and row.locked_until > now:
            return True
    return False


def record_failure(email: str, client: str | None) -> None:
    """Count one failure on every key; lock a key for a while once it reaches its limit."""
    window = timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])
    now = utcnow()
    for key, limit_name in keys_for(email, client):
        row = db.session.get(LoginThrottle, key) or LoginThrottle(key=key, failures=0, window_start=now)
        if now - row.window_start > window:
            row.failures, row.window_start, row.locked_until = 0, now, None
        row.failures += 1
        if row.failures >= current_app.config[limit_name]:
            row.locked_until = now + window
        db.session.add(row)


def clear(email: str) -> None:
    """Forget the account's failures after a successful sign-in (the client's count stays)."""
    row = db.session.get(LoginThrottle, keys_for(email, None)[0][0])
    if row is not None:
        db.session.delete(row)
