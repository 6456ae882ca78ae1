"""What an evaluator's review stores: threads of queries and comments per question, score
overrides, and the questions the evaluator has looked at. Evidence review is on ``Evidence``
(``accepted``, ``review_note``, ``reviewed_by_id``, ``reviewed_at``)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mgf_assess.auth.models import User
from mgf_assess.database import UTCDateTime, utcnow
from mgf_assess.extensions import db

COMMENT_KINDS = ("query", "comment")  # a query waits for the country and is resolved; a comment is not
QUERY_STATUSES = ("open", "resolved")


class ReviewComment(db.Model):
    """One message of a thread on a question. A thread starts with a query or a comment
    (``reply_to_id`` None); replies point at that first message. A query's ``status`` (open or
    resolved) is kept on its first message; ``internal`` messages are for evaluators and
    admins only and never reach the country."""

    __tablename__ = "review_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(10))  # one of COMMENT_KINDS
    status: Mapped[str | None] = mapped_column(String(10))  # queries' first message only
    internal: Mapped[bool] = mapped_column(default=False)
    reply_to_id: Mapped[int | None] = mapped_column(ForeignKey("review_comments.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])


class ScoreOverride(db.Model):
    """An evaluator's validated score for one scored question, with its justification. The
    self-assessed score stays what the answer gives; both are reported."""

    __tablename__ = "score_overrides"
    __table_args__ = (UniqueConstraint("assessment_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(64))
    score: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    justification: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    created_by: Mapped[User | None] = relationship()


class ReviewMark(db.Model):
    """A question the evaluator has looked at (review progress on the overview)."""

    __tablename__ = "review_marks"

    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
