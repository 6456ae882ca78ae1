"""An invitation to open an account: who is invited, as what, by whom; the digest of its link's
token; and what became of it (accepted, withdrawn)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mgf_assess.auth.models import User
from mgf_assess.core.models import Country
from mgf_assess.database import UTCDateTime, utcnow
from mgf_assess.extensions import db


class Invitation(db.Model):
    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    language: Mapped[str | None] = mapped_column(String(5))  # of the mail, and the account's preference
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    digest: Mapped[str] = mapped_column(String(64), unique=True)  # of the latest link's token
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)  # the latest sending
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))  # the account it opened

    invited_by: Mapped[User | None] = relationship(foreign_keys=[invited_by_id])
    country: Mapped[Country | None] = relationship()

    @property
    def is_open(self) -> bool:
        """Neither accepted nor withdrawn (it may have expired: resending renews it)."""
        return self.accepted_at is None and self.withdrawn_at is None

    def expired(self, now: datetime) -> bool:
        return self.expires_at <= now
