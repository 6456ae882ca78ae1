"""Queueing mail. It flushes and never commits: the message is written in the caller's
transaction, so it goes out only if the action that caused it commits, and is never lost once
it has. Delivery happens after the commit (``delivery``)."""

from __future__ import annotations

from datetime import datetime

from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.mail.models import OutboxMessage
from mgf_assess.mail.rendering import mail_language, render

# Set on the session when a message was queued; after the commit, the background sender is
# woken (``mail.worker``).
QUEUED = "mgf_mail_queued"


def queue_message(kind: str, recipient: str, language: str | None, context: dict,
                  expires_at: datetime | None = None) -> OutboxMessage:
    """Render the mail of ``kind`` in the recipient's ``language`` and add it to the outbox.
    ``expires_at``: when the link it carries stops working (it is not sent after that)."""
    rendered = render(kind, language, context)
    now = utcnow()
    message = OutboxMessage(kind=kind, recipient=recipient, language=mail_language(language),
                            subject=rendered.subject, body_text=rendered.text, body_html=rendered.html,
                            status="pending", attempts=0, created_at=now, next_attempt_at=now,
                            expires_at=expires_at)
    db.session.add(message)
    db.session.flush()
    deliver_after_commit()
    return message


def deliver_after_commit() -> None:
    """Wake the background sender once the current transaction commits (nothing happens if it
    rolls back): it has queued mail, or recorded a request the sender turns into mail."""
    db.session.info[QUEUED] = True


def last_message_id() -> int:
    """The id of the newest message in the outbox (0 when it is empty)."""
    return db.session.scalar(db.select(db.func.max(OutboxMessage.id))) or 0


def withhold_since(message_id: int, kind: str, reason: str) -> int:
    """Keep the pending messages of ``kind`` queued after ``message_id`` from being sent: they
    become ``withheld``, with ``reason`` and emptied bodies. Returns how many."""
    query = db.select(OutboxMessage).filter(OutboxMessage.id > message_id, OutboxMessage.kind == kind,
                                            OutboxMessage.status == "pending")
    found = list(db.session.scalars(query))
    for message in found:
        message.status, message.last_error = "withheld", reason
        message.body_text = message.body_html = ""
    db.session.flush()
    return len(found)
