"""A sign-in between the password and the code: kept in the signed cookie session, it signs
nobody in (no session record, no Flask-Login identity) and lapses after ``MAX_MINUTES``."""

from __future__ import annotations

import time

from flask import session

from mgf_assess.auth.models import User
from mgf_assess.extensions import db

KEY = "mfa_pending"
MAX_MINUTES = 5


def begin(user: User) -> None:
    """Remember that ``user`` gave the right password, waiting for the code."""
    session[KEY] = {"user": user.id, "since": int(time.time())}


def pending_user() -> User | None:
    """The user of the half-done sign-in, if it is recent and the account may still sign in."""
    state = session.get(KEY)
    if not isinstance(state, dict) or not isinstance(state.get("user"), int):
        return None
    if time.time() - state.get("since", 0) > MAX_MINUTES * 60:
        return None
    user = db.session.get(User, state["user"])
    return user if user is not None and user.active and user.mfa_enabled else None


def clear() -> None:
    session.pop(KEY, None)
