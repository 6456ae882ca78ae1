"""Importing an answers workbook: read, preview and, when asked, write, all or nothing.

Every answer is written by ``saving.save_answer``: the assessment is locked, the revision each
row was downloaded at (or, for a conflict the person chose to overwrite, the revision of the
stored answer they saw) must still be the current one, the answer is checked again, written,
audited and flushed. The first refusal (``AnswerConflict``: someone saved meanwhile) propagates
and the caller rolls the whole transaction back, so either every change is stored or none. The
import itself is audited too, with the file's SHA-256. Nothing is committed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from mgf_assess.assessments.locking import lock_editable
from mgf_assess.assessments.models import Answer
from mgf_assess.assessments.saving import save_answer
from mgf_assess.assessments.workbook.preview import Item, Preview, build_preview
from mgf_assess.assessments.workbook.read import read_workbook
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError


class WorkbookNotReady(OperationError):
    """Applying was asked of a workbook with invalid cells or refused rows: nothing was written."""

    def __init__(self, preview: Preview):
        self.preview = preview
        super().__init__({"file": _l("The workbook has invalid cells or rows you may not change, so nothing was "
                                     "saved. Correct them and upload the workbook again.")})


class PreviewOutdated(OperationError):
    """The answers changed between the preview the person saw and the application: nothing was
    written; the preview must be looked at again."""

    def __init__(self):
        super().__init__({"file": _l("Answers changed since you looked at the preview, so nothing was saved. Look "
                                     "at the preview again, then apply.")})


@dataclass
class Outcome:
    preview: Preview
    applied: bool = False
    saved: list[Answer] = field(default_factory=list)


def import_workbook(actor, assessment, data: bytes, overwrite: Mapping[str, int] | None = None,
                    apply: bool = False, plan: str | None = None) -> Outcome:
    """Preview the workbook in ``data`` for ``actor`` (None: the command line) and, if ``apply``,
    write it. ``overwrite`` maps the question id of each conflict to resolve with the workbook's
    answer to the revision of the stored answer the person saw; other conflicts keep the stored
    answer. ``plan``: the ``Preview.plan`` the person approved, if any.

    Raises WorkbookRefused (the file), WorkbookNotReady (apply with problems left),
    PreviewOutdated (``plan`` is no longer the preview's), NotEditable (the state) or
    AnswerConflict (an answer changed while it was being written).
    """
    preview = build_preview(actor, assessment, read_workbook(data))
    if not apply:
        return Outcome(preview)
    if plan is not None and plan != preview.plan:
        raise PreviewOutdated()
    return Outcome(preview, True, apply_preview(actor, assessment, preview, overwrite or {}))


def planned_saves(preview: Preview, overwrite: Mapping[str, int]) -> list[tuple[Item, int]]:
    """(row, base revision) of every answer to write: the changes, then the conflicts resolved
    with the workbook's answer."""
    saves = [(item, item.base_revision) for item in preview.changes]
    return saves + [(item, overwrite[item.question.id]) for item in preview.conflicts
                    if item.question.id in overwrite]


def apply_preview(actor, assessment, preview: Preview, overwrite: Mapping[str, int]) -> list[Answer]:
    """Write the preview's answers through the save path; flushes, never commits."""
    if not preview.ready:
        raise WorkbookNotReady(preview)
    saves = planned_saves(preview, overwrite)
    if not saves:
        return []
    assessment = lock_editable(assessment)
    saved = [save_answer(actor, assessment, item.question.id, item.payload, revision) for item, revision in saves]
    kept = sorted(item.question.id for item in preview.conflicts if item.question.id not in overwrite)
    audit.record(actor, "answers.import", "assessment", assessment.id, country=assessment.country_code,
                 new={"file_sha256": preview.digest, "saved": [answer.question_id for answer in saved],
                      "conflicts_kept": kept})
    return saved
