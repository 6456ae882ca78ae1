"""Assessments and what officials enter: answers (with revisions), evidence, assignments."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mgf_assess.assessments import workflow
from mgf_assess.auth.models import User
from mgf_assess.core.models import Country
from mgf_assess.database import UTCDateTime, utcnow
from mgf_assess.extensions import db
from mgf_assess.questionnaires.models import QuestionnaireVersion

ANSWER_STATUSES = ("answered", "na", "unknown")
EVIDENCE_KINDS = ("law", "policy", "implementation", "statistics", "other")


class Assessment(db.Model):
    """One country's self-assessment on one questionnaire version for one cycle (year)."""

    __tablename__ = "assessments"
    __table_args__ = (UniqueConstraint("country_code", "family", "cycle"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    country_code: Mapped[str] = mapped_column(ForeignKey("countries.code"), index=True)
    family: Mapped[str] = mapped_column(String(64))
    questionnaire_version_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_versions.id"))
    cycle: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), default="draft")
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set while the validated assessment is a public country profile (a flag, not a state).
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    country: Mapped[Country] = relationship()
    questionnaire: Mapped[QuestionnaireVersion] = relationship(lazy="joined", innerjoin=True)  # always needed with it

    @property
    def country_editable(self) -> bool:
        return workflow.is_editable(self.state)

    @property
    def published(self) -> bool:
        return workflow.is_published(self)


class Answer(db.Model):
    """The current answer to one question. ``revision`` grows by one on every save."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("assessment_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="answered")
    justification: Mapped[str | None] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    carried_over: Mapped[bool] = mapped_column(default=False)  # "carried over — please confirm"
    carry_note: Mapped[str | None] = mapped_column(String(200))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    updated_by: Mapped[User | None] = relationship()

    # Every UPDATE names the revision read and writes the next one: a row that moved since it
    # was read is never overwritten (StaleDataError), whatever the caller checked.
    __mapper_args__ = {"version_id_col": revision}


class Evidence(db.Model):
    """A source backing an answer: a citation, optionally a URL and/or an uploaded file."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    citation: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2000))
    file_name: Mapped[str | None] = mapped_column(String(255))  # as uploaded, for display only
    stored_name: Mapped[str | None] = mapped_column(String(64), unique=True)  # random, on disk
    content_type: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int | None] = mapped_column(Integer)
    accepted: Mapped[bool | None] = mapped_column()  # evaluator's judgement, None = not reviewed
    review_note: Mapped[str | None] = mapped_column(Text)  # why it was rejected
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])


class Assignment(db.Model):
    """A contributor may edit one domain or area of an assessment."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("assessment_id", "user_id", "scope_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    scope_type: Mapped[str] = mapped_column(String(10))  # domain | area
    scope_id: Mapped[str] = mapped_column(String(64))

    user: Mapped[User] = relationship()
