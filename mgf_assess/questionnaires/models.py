"""Registered questionnaire versions: the file's text, its hash, and its lifecycle status."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mgf_assess.database import UTCDateTime, utcnow
from mgf_assess.extensions import db

STATUSES = ("draft", "published", "retired")
STATUS_LABELS = {"draft": _l("draft"), "published": _l("published"), "retired": _l("retired")}
TRANSITIONS = {"draft": ("published",), "published": ("retired",), "retired": ()}


class QuestionnaireVersion(db.Model):
    """One version of a questionnaire family, e.g. mgf 2026.1.

    The YAML text is stored as registered: scores and reports are always computed from this
    text, never from a file that may have changed since.
    """

    __tablename__ = "questionnaire_versions"
    __table_args__ = (UniqueConstraint("family", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    path: Mapped[str] = mapped_column(String(300))  # relative to the questionnaires folder
    content_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 of the file's bytes
    source: Mapped[str] = mapped_column(Text, deferred=True)  # large: loaded only when parsed
    title: Mapped[Any] = mapped_column(JSON)
    languages: Mapped[Any] = mapped_column(JSON)
    domain_count: Mapped[int] = mapped_column(default=0)
    question_count: Mapped[int] = mapped_column(default=0)
    language_completeness: Mapped[Any] = mapped_column(JSON)  # {lang: share of texts present}
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def label(self) -> str:
        return f"{self.family} {self.version}"

    def sort_key(self) -> tuple:
        """Versions sort by their numeric parts: 2015.1 < 2026.1 < 2026.10."""
        return tuple(int(part) if part.isdigit() else part for part in self.version.replace("-", ".").split("."))
