"""Responses of the answers workbook's import."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from mgf_assess.api.schemas.assessments import UserRef
from mgf_assess.assessments.models import ANSWER_STATUSES


class RowAnswer(BaseModel):
    """An answer as a workbook row gives it."""

    status: Literal[ANSWER_STATUSES]
    value: Any = Field(description="the value; null unless answered")
    justification: str | None


class StoredAnswer(RowAnswer):
    """The stored answer a row is compared with: its revision, who saved it and when."""

    revision: int = Field(ge=1)
    updated_by: UserRef | None
    updated_at: datetime | None


class WorkbookRow(BaseModel):
    """A row of the workbook that changes an answer, or would."""

    question: str
    label: str
    section: str = Field(description="the section's number and title, e.g. 1.2 Access to services")
    row: int = Field(ge=1, description="the row of the sheet Answers")
    current: StoredAnswer | None = Field(description="the stored answer (null: none)")
    new: RowAnswer | None = Field(description="the row's answer (null: the answer is removed)")
    base_revision: int = Field(ge=0, description="the revision the row was downloaded at")
    message: str | None = Field(description="why the row is refused or skipped")


class CellProblem(BaseModel):
    """An invalid cell: where it is and what to correct."""

    location: str = Field(description="sheet!cell, e.g. Answers!G14")
    sheet: str
    row: int
    column: str
    question: str | None
    code: str
    message: str


class WorkbookSummary(BaseModel):
    """How many rows fall in each group."""

    changes: int
    conflicts: int
    invalid: int
    refused: int
    kept: int
    skipped: int
    unchanged: int


class SavedAnswer(BaseModel):
    """An answer written by the import, with its new revision."""

    question: str
    revision: int


class WorkbookImport(BaseModel):
    """The preview of an answers workbook and, when applied, what was saved."""

    applied: bool = Field(description="true when the changes were saved (apply=true)")
    ready: bool = Field(description="no invalid cell and no refused row: it can be applied")
    file_sha256: str
    rows: int = Field(description="answer rows read from the sheet Answers")
    downloaded_at: str | None
    summary: WorkbookSummary
    changes: list[WorkbookRow] = Field(description="answers to change (saved when applied)")
    conflicts: list[WorkbookRow] = Field(description="answers changed on the server since the download and in "
                                                     "the workbook: kept unless named in overwrite")
    invalid: list[CellProblem]
    refused: list[WorkbookRow] = Field(description="rows outside the sections the caller may change")
    kept: list[WorkbookRow] = Field(description="changed on the server since the download, unchanged in the "
                                                "workbook: the stored answer stays")
    skipped: list[WorkbookRow] = Field(description="questions that do not apply given the answers")
    saved: list[SavedAnswer]


