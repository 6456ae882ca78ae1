"""Score snapshots: what was scored, with which definition and engine, and the result."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mgf_assess.database import UTCDateTime, utcnow
from mgf_assess.extensions import db

SNAPSHOT_KINDS = ("submitted", "reviewed", "validated")
REVIEW_KINDS = ("reviewed", "validated")  # snapshots that carry an evaluator's judgement


FIGURES = ("id", "score", "band", "completeness", "confidence")


def summary_of(result: dict) -> dict:
    """The figures of a stored result (DESIGN §4 JSON) above the questions: overall, and each
    domain with its areas."""
    def figures(node: dict) -> dict:
        return {key: node.get(key) for key in FIGURES if key in node}

    return {"overall": figures(result.get("overall") or {}),
            "domains": [{**figures(d), "areas": [figures(a) for a in d.get("areas", [])]}
                        for d in result.get("domains", [])]}


class ScoreSnapshot(db.Model):
    """An immutable record of a score at a moment (e.g. on submission): inputs and result."""

    __tablename__ = "score_snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # one of SNAPSHOT_KINDS
    definition_hash: Mapped[str] = mapped_column(String(64))
    engine_version: Mapped[str] = mapped_column(String(20))
    answers: Mapped[Any] = mapped_column(JSON)
    result: Mapped[Any] = mapped_column(JSON)
    # The result's overall, domain and area figures (``summary_of``): what comparisons read of
    # many snapshots at once, without every question's detail.
    summary: Mapped[Any] = mapped_column(JSON, nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
