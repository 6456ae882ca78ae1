"""The outbox: every mail the application sends is first a row here, written in the transaction
of the action that causes it, and delivered after that transaction commits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mgf_assess.database import UTCDateTime, utcnow
from mgf_assess.extensions import db

# pending: waiting for its (next) attempt; sent: the SMTP server accepted it; logged: no SMTP
# server is configured, so it was written to the log; failed: the server refused the recipient
# for good; expired: not delivered before its link stopped working; withheld: never to be sent
# (the notifications of the demo's made-up history, addressed to its fictitious accounts).
STATUSES = ("pending", "sent", "logged", "failed", "expired", "withheld")


class OutboxMessage(db.Model):
    """One mail to one recipient, rendered in their language when it was queued. Once it is
    delivered (or given up), its bodies are emptied: they may hold a sign-in link."""

    __tablename__ = "mail_outbox"
    __table_args__ = (Index("ix_mail_outbox_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(5))
    subject: Mapped[str] = mapped_column(Text)
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A worker sending it holds it until then; one that died lets it go at that time.
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A message whose link stops working then is not sent after it.
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)

    def __repr__(self) -> str:
        return f"<OutboxMessage {self.id} {self.kind} {self.status}>"
