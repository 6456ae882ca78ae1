"""Accounts: users with one role, evaluator country assignments, browser sessions, API tokens,
login throttles."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mgf_assess.core.models import Country
from mgf_assess.database import UTCDateTime, utcnow
from mgf_assess.extensions import db

ROLES = ("admin", "focal_point", "contributor", "evaluator", "analyst")
COUNTRY_ROLES = ("focal_point", "contributor")

evaluator_countries = Table(
    "evaluator_countries",
    db.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("country_code", ForeignKey("countries.code"), primary_key=True),
)

USER_AGENT_LENGTH = 300  # what a session keeps of the browser's User-Agent header


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    language: Mapped[str | None] = mapped_column(String(5))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Two-step verification (TOTP): the shared secret (base32; it must be readable to check
    # codes), when it was turned on, and the last time step accepted (a code is used once).
    totp_secret: Mapped[str | None] = mapped_column(String(32))
    totp_enabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    totp_last_step: Mapped[int | None] = mapped_column(Integer)

    country: Mapped[Country | None] = relationship(foreign_keys=[country_code])
    evaluated_countries: Mapped[list[Country]] = relationship(
        secondary=evaluator_countries, order_by=Country.code)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    # The browser session this request is signed in with, and its key (the cookie's session
    # identity), set by ``auth.sessions``; not columns.
    session_record = None
    session_key = None

    def get_id(self) -> str:
        """Flask-Login's session identity: the key of the user's session record."""
        if self.session_key is None:
            raise RuntimeError("sign in with auth.sessions.operations.start_session: it creates the "
                               "session record whose key the cookie carries")
        return self.session_key

    @property
    def mfa_enabled(self) -> bool:
        """Whether the user signs in with a code from an authenticator app after the password."""
        return self.totp_enabled_at is not None

    @property
    def country_codes(self) -> set[str]:
        """Countries whose data this user may see (empty for admins/analysts: see policy)."""
        if self.role == "evaluator":
            return {country.code for country in self.evaluated_countries}
        return {self.country_code} if self.country_code else set()

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"


class UserSession(db.Model):
    """A signed-in browser session. Kept in the database, so every worker honours it and signing
    out ends it for good; the cookie carries its random key, of which only the SHA-256 digest is
    stored. It ends when idle too long, at its absolute deadline, or when deleted."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_agent: Mapped[str] = mapped_column(String(USER_AGENT_LENGTH), default="")
    address: Mapped[str | None] = mapped_column(String(45))  # the longest IPv6 text form

    user: Mapped[User] = relationship()


class RecoveryCode(db.Model):
    """A one-time code that stands in for the authenticator app; only its SHA-256 digest is
    stored, and it is deleted when used."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ApiToken(db.Model):
    """A bearer token for the JSON API; only its SHA-256 digest is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


class LoginThrottle(db.Model):
    """Failed sign-ins counted per key ('account:<email>' or 'client:<address>').

    Kept in the database so every worker process sees the same count.
    """

    __tablename__ = "login_throttles"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    window_start: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
