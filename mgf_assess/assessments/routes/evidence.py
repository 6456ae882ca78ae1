"""Evidence of an answer (add, remove, download a file) and the history of an answer."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mgf_assess.assessments import evidence, files, queries
from mgf_assess.assessments.forms import EvidenceForm
from mgf_assess.assessments.models import Evidence
from mgf_assess.assessments.pages import locked_refusal
from mgf_assess.assessments.routes import bp
from mgf_assess.assessments.routes.section import (
    load_section,
    question_target,
    render_section,
    section_url,
)
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.auth.models import User
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.forms import ActionForm
from mgf_assess.extensions import db


def _evidence_item(assessment, evidence_id: int) -> Evidence:
    item = db.session.get(Evidence, evidence_id)
    if item is None or item.assessment_id != assessment.id:
        abort(404)
    return item


def _upload(form: EvidenceForm) -> tuple[str, bytes] | None:
    storage = form.file.data
    if storage is None or not getattr(storage, "filename", ""):
        return None
    return files.read_upload(storage)


def _refused(assessment, qid: str, target, form: EvidenceForm, problems: dict):
    for name, message in problems.items():
        form_field = form[name] if name in form else form.citation
        form_field.errors = [*form_field.errors, message]
    ctx = load_section(assessment.id, target.area_id)
    return render_section(ctx, evidence_forms={qid: form}, status=422)


@bp.post("/<int:assessment_id>/answers/<qid>/evidence")
@login_required
def add_evidence(assessment_id: int, qid: str):
    assessment = queries.assessment_for(current_user, assessment_id)
    target = question_target(assessment, qid)
    if (refused := locked_refusal(assessment, "answer.author", target)) is not None:
        return refused
    policy.require(current_user, "answer.edit", target)
    form = EvidenceForm(prefix=f"ev-{qid}")
    if not form.validate_on_submit():
        return _refused(assessment, qid, target, form, {})
    try:
        evidence.add_evidence(current_user, assessment, qid, kind=form.kind.data, citation=form.citation.data or "",
                              url=form.url.data or None, upload=_upload(form))
    except OperationError as error:
        db.session.rollback()
        return _refused(assessment, qid, target, form, error.problems)
    db.session.commit()
    flash(_("The evidence was added."), "success")
    return redirect(section_url(assessment_id, target.area_id, qid))


@bp.post("/<int:assessment_id>/evidence/<int:evidence_id>/remove")
@login_required
def remove_evidence(assessment_id: int, evidence_id: int):
    assessment = queries.assessment_for(current_user, assessment_id)
    item = _evidence_item(assessment, evidence_id)
    qid = item.question_id  # read now: the row is gone after the removal
    target = question_target(assessment, qid)
    if (refused := locked_refusal(assessment, "answer.author", target)) is not None:
        return refused
    policy.require(current_user, "answer.edit", target)
    if ActionForm().validate_on_submit():
        try:
            evidence.remove_evidence(current_user, assessment, item)
            db.session.commit()
            flash(_("The evidence was removed."), "success")
        except OperationError as error:
            db.session.rollback()
            flash(" ".join(error.problems.values()), "error")
    return redirect(section_url(assessment_id, target.area_id, qid))


@bp.get("/<int:assessment_id>/evidence/<int:evidence_id>/file")
@login_required
def download(assessment_id: int, evidence_id: int):
    assessment = queries.assessment_for(current_user, assessment_id)
    return files.send(_evidence_item(assessment, evidence_id))


@bp.get("/<int:assessment_id>/answers/<qid>/history")
@login_required
def history(assessment_id: int, qid: str):
    assessment = queries.assessment_for(current_user, assessment_id)
    target = question_target(assessment, qid)
    events = queries.history(assessment, qid)
    actor_ids = {event.actor_id for event in events if event.actor_id}
    names = {u.id: u.name for u in db.session.scalars(db.select(User).where(User.id.in_(actor_ids)))} if actor_ids else {}
    definition = definition_for(assessment)
    return render_template("assessments/history.html", assessment=assessment, question=definition.question_map[qid],
                           events=events, names=names, area_id=target.area_id)
