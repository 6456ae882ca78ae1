"""Corridors: named lists of countries along a migration route, each with its role."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mgf_assess.core.models import Country
from mgf_assess.database import UTCDateTime, utcnow
from mgf_assess.extensions import db

CORRIDOR_ROLES = ("origin", "transit", "destination")


class Corridor(db.Model):
    """A named migration corridor, a scope of comparison like a region."""

    __tablename__ = "corridors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    members: Mapped[list[CorridorCountry]] = relationship(
        back_populates="corridor", cascade="all, delete-orphan", order_by="CorridorCountry.position")

    def __repr__(self) -> str:
        return f"<Corridor {self.name}>"


class CorridorCountry(db.Model):
    """One country of a corridor: its role and its place along the route."""

    __tablename__ = "corridor_countries"

    corridor_id: Mapped[int] = mapped_column(ForeignKey("corridors.id", ondelete="CASCADE"), primary_key=True)
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), primary_key=True)
    role: Mapped[str] = mapped_column(String(12))  # one of CORRIDOR_ROLES
    position: Mapped[int] = mapped_column(Integer, default=0)

    corridor: Mapped[Corridor] = relationship(back_populates="members")
    country: Mapped[Country] = relationship()
