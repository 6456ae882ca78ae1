"""The outbox rows a delivery pass works on: claiming the due ones, expiring stale ones and
recording each outcome, each in a short transaction of its own (committed here: a delivery
pass runs after the actions that queued the mail, never inside one).

A claim marks a message as being sent until ``LEASE`` from now. On PostgreSQL the due rows
are selected ``FOR UPDATE SKIP LOCKED``, so workers on several machines claim different rows
without waiting for each other; on SQLite the claim is one UPDATE in a transaction that holds
the database's write lock (``BEGIN IMMEDIATE``), so two workers cannot claim the same row
either. A worker that dies while sending lets its messages go when the lease ends; they are
then sent again (delivery is at least once).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import or_, select, update

from mgf_assess.extensions import db
from mgf_assess.mail.models import OutboxMessage as Message

LEASE = timedelta(minutes=5)
RETRY_BASE = timedelta(seconds=30)  # the wait after the first failed attempt, doubled after each
RETRY_MAX = timedelta(hours=1)  # the longest wait between two attempts
ERROR_LENGTH = 1000  # what is kept of the last error's text


class Claimed(NamedTuple):
    """A message claimed for sending: what sending it needs."""

    id: int
    recipient: str
    language: str
    subject: str
    body_text: str
    body_html: str
    attempts: int


_CLAIMED = [getattr(Message, name) for name in Claimed._fields]
_NO_SYNC = {"synchronize_session": False}
_EMPTY_BODIES = {"body_text": "", "body_html": ""}


def _unclaimed(now: datetime):
    return or_(Message.claimed_until.is_(None), Message.claimed_until <= now)


def claim(now: datetime, limit: int, only: list[int] | None = None) -> list[Claimed]:
    """Claim up to ``limit`` pending messages whose attempt is due (among ``only``, if given),
    oldest first, and commit the claim."""
    due = (select(Message.id).where(Message.status == "pending", Message.next_attempt_at <= now,
                                    _unclaimed(now))
           .order_by(Message.next_attempt_at, Message.id).limit(limit))
    if only is not None:
        due = due.where(Message.id.in_(only))
    if db.session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    statement = (update(Message).where(Message.id.in_(due)).values(claimed_until=now + LEASE)
                 .returning(*_CLAIMED))
    rows = db.session.execute(statement, execution_options=_NO_SYNC).all()
    db.session.commit()
    return sorted((Claimed(*row) for row in rows), key=lambda item: item.id)


def expire(now: datetime) -> int:
    """Give up the pending messages whose link has stopped working; return how many."""
    statement = (update(Message).where(Message.status == "pending", Message.expires_at <= now,
                                       _unclaimed(now))
                 .values(status="expired", claimed_until=None, **_EMPTY_BODIES))
    count = db.session.execute(statement, execution_options=_NO_SYNC).rowcount
    db.session.commit()
    return count


def record_delivered(item: Claimed, status: str, now: datetime) -> None:
    """The message went out (``sent``) or was written to the log (``logged``)."""
    _update(item.id, status=status, attempts=item.attempts + 1, sent_at=now, claimed_until=None,
            last_error=None, **_EMPTY_BODIES)


def record_failure(item: Claimed, error: str, permanent: bool, now: datetime) -> None:
    """An attempt failed: try again after the backoff, or, when the server refused the
    recipient for good, give up (``failed``)."""
    attempts = item.attempts + 1
    values = {"attempts": attempts, "claimed_until": None, "last_error": error[:ERROR_LENGTH]}
    if permanent:
        values.update(status="failed", **_EMPTY_BODIES)
    else:
        values.update(next_attempt_at=now + backoff(attempts))
    _update(item.id, **values)


def backoff(attempts: int) -> timedelta:
    """The wait before the next attempt after ``attempts`` failed ones: 30 s, 1 min, 2 min, …,
    at most an hour."""
    return min(RETRY_BASE * 2 ** min(max(attempts - 1, 0), 20), RETRY_MAX)


def _update(message_id: int, **values) -> None:
    db.session.execute(update(Message).where(Message.id == message_id).values(**values),
                       execution_options=_NO_SYNC)
    db.session.commit()
