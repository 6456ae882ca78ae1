"""API endpoint importing an answers workbook: a dry run by default, written with ``apply=true``.

The body is multipart/form-data (``file``, ``apply``, ``overwrite``: see ``WorkbookImportForm``).
The answer is the preview (``WorkbookImport``), the same the workbook page shows; applying a
workbook with invalid cells or refused rows answers 422 listing them, and an answer changed
between the preview and the writing answers 409: nothing is written in either case.
"""

from __future__ import annotations

from flask import jsonify
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from mgf_assess.api import access
from mgf_assess.api.blueprint import bp, error_body, problem, respond, token_required
from mgf_assess.api.bodies import WorkbookImportForm, item, read_form
from mgf_assess.api.representations import json_safe, stored_answer_json, timestamp
from mgf_assess.assessments.errors import AnswerConflict
from mgf_assess.assessments.workbook import layout
from mgf_assess.assessments.workbook.apply import Outcome, WorkbookNotReady, import_workbook
from mgf_assess.assessments.workbook.problems import WorkbookRefused
from mgf_assess.extensions import db
from mgf_assess.i18n import localized

FORM_MAX_BYTES = layout.MAX_FILE_BYTES + 1024 * 1024  # the file and the form around it; larger: 413
GROUPS = ("changes", "conflicts", "refused", "kept", "skipped")


@bp.post("/assessments/<int:assessment_id>/answers:import")
@token_required
def import_answers(assessment_id: int):
    """Preview an answers workbook, or apply it (``apply=true``), all or nothing."""
    found = access.assessment(assessment_id)
    refusal = _l("This assessment is %(state)s: answers cannot change now.", state=found.state)
    access.require_state_or_role("answers.import", "answers.workbook", found, refusal)
    form = read_form(WorkbookImportForm, FORM_MAX_BYTES)
    try:
        outcome = import_workbook(current_user, found, form.file, form.overwrite_map(), apply=form.apply == "true")
    except AnswerConflict as conflict:
        current = stored_answer_json(conflict.current)  # before the rollback expires the row
        db.session.rollback()
        title = (f"The answer to {current['question']} changed while the workbook was being applied (it is now at "
                 f"revision {current['revision']}); nothing was saved. Send the workbook again as a dry run to see "
                 "the conflicts.")
        return jsonify({**error_body(409, title), "current": current}), 409
    return respond(import_json(outcome))


@bp.errorhandler(WorkbookRefused)
def _refused(error: WorkbookRefused):
    db.session.rollback()
    return problem(error.status, "The workbook was refused; nothing was changed.",
                   problems=[item("file", error.code, error.message)])


@bp.errorhandler(WorkbookNotReady)
def _not_ready(error: WorkbookNotReady):
    db.session.rollback()
    preview = error.preview
    problems = [item(str(found.location), found.code, found.message) for found in preview.invalid]
    problems += [item(str(row.location), "not_assigned", row.message) for row in preview.refused]
    return problem(422, "The workbook has invalid cells or rows you may not change; nothing was saved.",
                   problems=problems)


def import_json(outcome: Outcome) -> dict:
    """The ``WorkbookImport`` document of an import."""
    preview = outcome.preview
    groups = {name: [_row(row) for row in getattr(preview, name)] for name in GROUPS}
    summary = {name: len(rows) for name, rows in groups.items()} | {"invalid": len(preview.invalid),
                                                                     "unchanged": preview.unchanged}
    return {"applied": outcome.applied, "ready": preview.ready, "file_sha256": preview.digest, "rows": preview.rows,
            "downloaded_at": preview.downloaded_at or None, "summary": summary, **groups,
            "invalid": [_cell(found) for found in preview.invalid],
            "saved": [{"question": answer.question_id, "revision": answer.revision} for answer in outcome.saved]}


def _row(row) -> dict:
    return {"question": row.question.id, "label": localized(row.question.label), "section": row.section,
            "row": row.row, "current": _stored(row.current), "new": row.new, "base_revision": row.base_revision,
            "message": row.message or None}


def _stored(answer) -> dict | None:
    if answer is None or (answer.status == "answered" and answer.value is None):
        return None
    user = answer.updated_by
    return {"status": answer.status, "value": json_safe(answer.value), "justification": answer.justification,
            "revision": answer.revision, "updated_by": {"id": user.id, "name": user.name} if user else None,
            "updated_at": timestamp(answer.updated_at)}


def _cell(found) -> dict:
    location = found.location
    return {"location": str(location), "sheet": location.sheet, "row": location.row, "column": location.column,
            "question": found.question.id if found.question else None, "code": found.code, "message": found.message}
