"""Reference data and the audit log: countries and append-only audit events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from mgf_assess.database import UTCDateTime, utcnow
from mgf_assess.extensions import db


class Country(db.Model):
    """A UN member or other state or territory, with its UN M49 region and localized names."""

    __tablename__ = "countries"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)  # ISO 3166-1 alpha-3
    alpha2: Mapped[str] = mapped_column(String(2), unique=True)
    region_code: Mapped[str] = mapped_column(String(3), index=True)  # M49, e.g. 002 Africa
    sub_region_code: Mapped[str] = mapped_column(String(3), index=True)  # M49, e.g. 014
    un_member: Mapped[bool] = mapped_column(default=False)
    name_en: Mapped[str] = mapped_column(String(120))
    name_fr: Mapped[str] = mapped_column(String(120))
    name_es: Mapped[str] = mapped_column(String(120))
    name_ar: Mapped[str] = mapped_column(String(120))

    def name(self, language: str = "en") -> str:
        """The country's name in a UI language (English when unknown)."""
        return getattr(self, f"name_{language}", None) or self.name_en

    def __repr__(self) -> str:
        return f"<Country {self.code}>"


class AuditEvent(db.Model):
    """One change: who, when (UTC), what, old and new value, why. Rows are never changed."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    object_type: Mapped[str] = mapped_column(String(64))
    object_id: Mapped[str] = mapped_column(String(64), index=True)
    country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text)
    previous_hash: Mapped[str] = mapped_column(String(64))  # the hash chain: see core.audit.chain
    hash: Mapped[str] = mapped_column(String(64))


class AuditChain(db.Model):
    """The head of the audit hash chain: one row, locked by each transaction that appends."""

    __tablename__ = "audit_chain"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_hash: Mapped[str] = mapped_column(String(64))
    events: Mapped[int] = mapped_column(Integer)


@event.listens_for(AuditEvent, "before_update")
@event.listens_for(AuditEvent, "before_delete")
def _refuse_audit_change(_mapper, _connection, target: AuditEvent) -> None:
    raise PermissionError(f"audit event {target.id} is append-only and cannot be changed")
