"""A forgotten-password request: the address typed, and, once prepared, the account and the
digest of its link's token; when it expires or was used."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mgf_assess.auth.models import User
from mgf_assess.database import UTCDateTime, utcnow
from mgf_assess.extensions import db


class PasswordReset(db.Model):
    """Written by the request whatever the address; the background sender then finds the
    account (or deletes the request when there is none), makes the link and queues the mail."""

    __tablename__ = "password_resets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254))  # as typed (lower case, trimmed)
    language: Mapped[str] = mapped_column(String(5))  # of the page it was asked on
    address: Mapped[str | None] = mapped_column(String(45))  # the client that asked
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str | None] = mapped_column(String(64), unique=True)  # None until prepared
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User | None] = relationship()
