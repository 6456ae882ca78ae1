"""Working offline: download the answers workbook, upload it back, preview, apply.

The upload is kept on the server (``workbook.pending``) under a random token that only its
uploader may use for this assessment: the preview page and the apply form name the token,
never the file's content, so nothing the browser sends back can change what is applied
except the choice made for each conflict.
"""

from __future__ import annotations

import io

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from mgf_assess.assessments import queries
from mgf_assess.assessments.errors import AnswerConflict, NotEditable
from mgf_assess.assessments.pages import flash_if_locked, scope_choices
from mgf_assess.assessments.routes import bp
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.assessments.workbook import export, layout, pending, scopes
from mgf_assess.assessments.workbook.apply import PreviewOutdated, WorkbookNotReady, import_workbook
from mgf_assess.assessments.workbook.archive import megabytes
from mgf_assess.assessments.workbook.forms import WorkbookUploadForm, overwrite_choices
from mgf_assess.assessments.workbook.problems import WorkbookRefused
from mgf_assess.core import policy
from mgf_assess.core.forms import ActionForm
from mgf_assess.extensions import db
from mgf_assess.i18n import current_language


def _assessment(assessment_id: int):
    return queries.assessment_for(current_user, assessment_id, "answers.workbook")


def _page_url(assessment) -> str:
    return url_for("assessments.workbook_page", assessment_id=assessment.id)


@bp.get("/<int:assessment_id>/workbook.xlsx")
@login_required
def workbook_download(assessment_id: int):
    assessment = _assessment(assessment_id)
    scope = request.args.get("scope") or scopes.default_scope(current_user, assessment)
    data = export.build_workbook(assessment, current_user, scope, current_language())
    if data is None:
        abort(404)
    response = send_file(io.BytesIO(data), mimetype=layout.MEDIA_TYPE, as_attachment=True,
                         download_name=export.file_name(assessment, scope))
    response.headers["Cache-Control"] = "private, no-store"  # a country's data: never in shared caches
    return response


def _scope_options(assessment) -> list[tuple[str, str]]:
    options = [("all", str(scopes.SCOPE_WORDS["all"]))]
    if scopes.default_scope(current_user, assessment) == "assigned":
        options.append(("assigned", str(scopes.SCOPE_WORDS["assigned"])))
    return options + scope_choices(definition_for(assessment))


def _page(assessment, form: WorkbookUploadForm, status: int = 200):
    return render_template("assessments/workbook.html", assessment=assessment, form=form,
                           scope_options=_scope_options(assessment),
                           default_scope=scopes.default_scope(current_user, assessment),
                           max_size=megabytes(layout.MAX_FILE_BYTES),
                           editable=policy.can(current_user, "answers.import", assessment)), status


@bp.get("/<int:assessment_id>/workbook")
@login_required
def workbook_page(assessment_id: int):
    return _page(_assessment(assessment_id), WorkbookUploadForm())


@bp.post("/<int:assessment_id>/workbook")
@login_required
def workbook_upload(assessment_id: int):
    assessment = _assessment(assessment_id)
    form = WorkbookUploadForm()
    if not policy.can(current_user, "answers.import", assessment):
        flash_if_locked(assessment)
        return _page(assessment, form, 409)
    if not form.validate_on_submit():
        return _page(assessment, form, 422)
    data = form.file.data.read()
    try:
        import_workbook(current_user, assessment, data)  # a preview: refuses what cannot be applied at all
    except WorkbookRefused as refusal:
        form.file.errors = [refusal.message]
        return _page(assessment, form, 413 if refusal.status == 413 else 422)
    token = pending.keep(data, current_user.id, assessment.id, form.file.data.filename or "")
    return redirect(url_for("assessments.workbook_preview", assessment_id=assessment.id, token=token))


def _kept(assessment, token: str):
    kept = pending.fetch(token, current_user.id, assessment.id)
    if kept is None:
        flash(_("This upload has expired or is not yours to apply: upload the workbook again."), "error")
    return kept


@bp.get("/<int:assessment_id>/workbook/<token>")
@login_required
def workbook_preview(assessment_id: int, token: str):
    assessment = _assessment(assessment_id)
    kept = _kept(assessment, token)
    if kept is None:
        return redirect(_page_url(assessment))
    try:
        outcome = import_workbook(current_user, assessment, kept.data)
    except WorkbookRefused as refusal:  # e.g. the assessment moved to another questionnaire version
        flash(refusal.message, "error")
        return redirect(_page_url(assessment))
    return render_template("assessments/workbook_preview.html", assessment=assessment, preview=outcome.preview,
                           kept=kept, form=ActionForm(),
                           editable=policy.can(current_user, "answers.import", assessment))


@bp.post("/<int:assessment_id>/workbook/<token>")
@login_required
def workbook_apply(assessment_id: int, token: str):
    assessment = _assessment(assessment_id)
    kept = _kept(assessment, token)
    if kept is None:
        return redirect(_page_url(assessment))
    if not ActionForm().validate_on_submit():
        abort(400)
    preview_url = url_for("assessments.workbook_preview", assessment_id=assessment.id, token=token)
    try:
        outcome = import_workbook(current_user, assessment, kept.data, overwrite_choices(request.form), apply=True,
                                  plan=request.form.get("plan", ""))
    except (AnswerConflict, PreviewOutdated, WorkbookNotReady, WorkbookRefused, NotEditable) as refusal:
        db.session.rollback()
        flash(_refusal_text(refusal), "error")
        return redirect(preview_url if not isinstance(refusal, NotEditable) else _page_url(assessment))
    db.session.commit()
    pending.discard(token)
    count = len(outcome.saved)
    flash(ngettext("The workbook was applied: %(num)d answer was saved.",
                   "The workbook was applied: %(num)d answers were saved.", count) if count
          else _("The workbook was applied: nothing had to change."), "success")
    return redirect(url_for("assessments.show", assessment_id=assessment.id))


def _refusal_text(refusal: Exception) -> str:
    if isinstance(refusal, AnswerConflict):
        return _("Someone saved an answer while the workbook was being applied, so nothing was saved. Look at the "
                 "preview again, then apply.")
    return " ".join(refusal.problems.values())
