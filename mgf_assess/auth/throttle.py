"""Throttling failed sign-ins and second-factor codes per account and per client, counted in
the database."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app

from mgf_assess.auth.models import LoginThrottle
from mgf_assess.database import utcnow
from mgf_assess.extensions import db

Keys = list[tuple[str, str]]  # (throttle key, name of its limit in the configuration)


def keys_for(email: str, client: str | None) -> Keys:
    """The throttle keys of one password attempt with their config limit names.

    The account key is built from the typed e-mail whether or not an account exists, so the
    throttle behaves the same for unknown addresses and reveals nothing.
    """
    return [(f"account:{email.strip().lower()}", "LOGIN_MAX_FAILURES"), _client_key(client)]


def code_keys_for(user_id: int, client: str | None) -> Keys:
    """The throttle keys of one second-factor code: its own count per account (cleared only by
    a right code, so signing in with the password again does not buy more guesses), and the
    client's count shared with passwords."""
    return [(f"code:{user_id}", "LOGIN_MAX_FAILURES"), _client_key(client)]


def _client_key(client: str | None) -> tuple[str, str]:
    return f"client:{client or 'unknown'}", "LOGIN_MAX_FAILURES_PER_CLIENT"


def is_locked(email: str, client: str | None) -> bool:
    return any_locked(keys_for(email, client))


def any_locked(keys: Keys) -> bool:
    now = utcnow()
    for key, _limit in keys:
        row = db.session.get(LoginThrottle, key)
        if row is not None and row.locked_until is not None and row.locked_until > now:
            return True
    return False


def record_failure(email: str, client: str | None) -> None:
    count_failure(keys_for(email, client))


def reset_keys(email: str, client: str | None) -> Keys:
    """The throttle keys of one forgotten-password request: the typed address (whether or not
    an account has it, so the limit reveals nothing) and the client."""
    return [(f"reset:{email.strip().lower()}", "PASSWORD_RESET_MAX_PER_ADDRESS"),
            (f"reset-client:{client or 'unknown'}", "PASSWORD_RESET_MAX_PER_CLIENT")]


def count_failure(keys: Keys, window_setting: str = "LOGIN_LOCK_MINUTES") -> None:
    """Count one failure (or request) on every key; lock a key for the window (the setting
    ``window_setting``, in minutes) once it reaches its limit."""
    window = timedelta(minutes=current_app.config[window_setting])
    now = utcnow()
    for key, limit_name in keys:
        row = db.session.get(LoginThrottle, key) or LoginThrottle(key=key, failures=0, window_start=now)
        if now - row.window_start > window:
            row.failures, row.window_start, row.locked_until = 0, now, None
        row.failures += 1
        if row.failures >= current_app.config[limit_name]:
            row.locked_until = now + window
        db.session.add(row)


def clear(email: str) -> None:
    """Forget the account's failures after a right password (the client's count stays)."""
    forget(keys_for(email, None)[0][0])


def forget(key: str) -> None:
    row = db.session.get(LoginThrottle, key)
    if row is not None:
        db.session.delete(row)
