"""Responses of the review: overrides, progress, changes since the return, comments, notifications."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from mgf_assess.api.schemas.assessments import UserRef
from mgf_assess.api.schemas.generation import _optional
from mgf_assess.assessments.workflow import STATES


class Override(BaseModel):
    """An evaluator's validated score of a question, beside the self-assessed one."""

    question: str
    score: float = Field(ge=0, le=100, description="the validated score")
    self_score: float | None = Field(description="the score the country's answer gives (null: none)")
    justification: str
    updated_by: UserRef | None
    updated_at: datetime


class OverrideList(BaseModel):
    """The assessment's score overrides, by question id order."""

    overrides: list[Override]


class ReviewProgress(BaseModel):
    """How far the review has come."""

    state: Literal[STATES]
    questions: int = Field(ge=0, description="questions of the questionnaire")
    looked_at: int = Field(ge=0, description="questions an evaluator marked as looked at")
    open_queries: int = Field(ge=0)
    overrides: int = Field(ge=0)
    evidence_total: int = Field(ge=0)
    evidence_reviewed: int = Field(ge=0, description="accepted or rejected")
    evidence_rejected: int = Field(ge=0)


class Change(BaseModel):
    """One change: an answer (value before and after), evidence added or removed, a reply to a query."""

    kind: Literal["answer", "evidence_added", "evidence_removed", "reply"]
    question: str | None
    by: UserRef | None = Field(description="who made it (null: the command line)")
    at: datetime
    old: dict | None = Field(description="answers: value, status and justification before the first change")
    new: dict | None = Field(description="answers: value, status and justification after the last change")
    evidence: int | None = _optional(description="evidence: its id")
    citation: str | None = _optional(description="evidence: its citation")
    reply_to: int | None = _optional(description="replies: the thread's first message")
    comment: int | None = _optional(description="replies: the reply's id")


class Changes(BaseModel):
    """What changed since the assessment was returned (or since a moment)."""

    since: datetime
    returned_by: UserRef | None = Field(description="who returned it (null when asked since a moment)")
    return_comment: str | None
    changes: list[Change]



class Comment(BaseModel):
    """One message of a thread on a question. A thread's first message has ``reply_to`` null
    and carries the kind, the status (queries: open or resolved) and the internal flag; its
    replies point at it."""

    id: int
    question: str
    kind: Literal["query", "comment"]
    status: Literal["open", "resolved"] | None = Field(description="a query's first message: open or resolved")
    internal: bool = Field(description="seen by evaluators and admins only")
    reply_to: int | None
    text: str
    author: UserRef | None
    created_at: datetime
    resolved_by: UserRef | None
    resolved_at: datetime | None


class CommentList(BaseModel):
    """The messages the caller may read, thread by thread, oldest first."""

    comments: list[Comment]


class NotificationItem(BaseModel):
    """An event told to the caller, worded in the request's language."""

    id: int
    kind: str = Field(description="e.g. assessment.return, comment.query, comment.reply")
    text: str
    assessment: int | None
    question: str | None
    link: str | None = Field(description="the page it leads to")
    created_at: datetime
    read_at: datetime | None


class NotificationList(BaseModel):
    """The caller's notifications, newest first (at most 200)."""

    notifications: list[NotificationItem]
    unread: int = Field(ge=0, description="how many of all the caller's notifications are unread")


