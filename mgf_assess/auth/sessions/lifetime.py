"""How long a browser session lasts: an idle timeout and an absolute one, from the configuration
(``SESSION_IDLE_MINUTES``, ``SESSION_MAX_HOURS``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app

# A session's last use is written at most this often (a write per request would be wasteful);
# the idle timeout is therefore as precise as this.
TOUCH_INTERVAL = timedelta(minutes=1)


def idle_limit() -> timedelta:
    return timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])


def max_age() -> timedelta:
    return timedelta(hours=current_app.config["SESSION_MAX_HOURS"])


def end_reason(record, now: datetime) -> str | None:
    """Why the session has ended by ``now`` ("idle" or "max_age"), or None while it lasts. The
    absolute deadline is the one set at sign-in or the one the current setting gives, whichever
    comes first, so that shortening ``SESSION_MAX_HOURS`` applies to running sessions too."""
    if now >= record.expires_at or now - record.created_at >= max_age():
        return "max_age"
    if now - record.last_seen_at >= idle_limit():
        return "idle"
    return None


def needs_touch(record, now: datetime) -> bool:
    return now - record.last_seen_at >= TOUCH_INTERVAL
