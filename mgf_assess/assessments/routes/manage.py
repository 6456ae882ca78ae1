"""Actions on an assessment: assignments, carry-forward, and the workflow's transitions."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mgf_assess.assessments import carry, operations, queries, workflow
from mgf_assess.assessments.errors import NotEditable, NotReady
from mgf_assess.assessments.forms import TransitionForm
from mgf_assess.assessments.pages import carry_offer
from mgf_assess.assessments.readiness import readiness_of
from mgf_assess.assessments.routes import bp
from mgf_assess.assessments.routes.overview import assignment_form, show
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.assessments.sections import find_section
from mgf_assess.auth.models import User
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.forms import ActionForm
from mgf_assess.extensions import db


def _overview(assessment, anchor: str = ""):
    return redirect(url_for("assessments.show", assessment_id=assessment.id, _anchor=anchor or None))


@bp.post("/<int:assessment_id>/assignments/<int:user_id>")
@login_required
def assign(assessment_id: int, user_id: int):
    assessment = queries.assessment_for(current_user, assessment_id, "assessment.manage")
    user = db.get_or_404(User, user_id)
    form = assignment_form(definition_for(assessment), user)
    if form.validate_on_submit():
        try:
            change = operations.set_assignments(current_user, assessment, user, form.scopes.data or [])
            db.session.commit()
            if change:
                flash(_("The assignments of %(name)s were saved.", name=user.name), "success")
            else:
                flash(_("Nothing changed in the assignments of %(name)s.", name=user.name), "info")
        except OperationError as error:
            db.session.rollback()
            flash(" ".join(error.problems.values()), "error")
    return _overview(assessment, "assignments")


def _confirmation_rows(assessment, plan) -> dict[str, list[dict]]:
    """Questions to look at, one row each with all its reasons: carried ones, then unanswered ones."""
    definition = definition_for(assessment)
    rows: dict[str, dict] = {}
    for item in plan.result.needs_confirmation:
        row = rows.setdefault(item.question, {"question": definition.question_map.get(item.question), "reasons": []})
        reason = str(carry.REASON_LABELS.get(item.reason, item.reason))
        if reason not in row["reasons"]:
            row["reasons"].append(reason)
    carried = plan.result.answers.answers
    return {"carried": [row for qid, row in rows.items() if qid in carried],
            "unanswered": [row for qid, row in rows.items() if qid not in carried]}


@bp.get("/<int:assessment_id>/carry-forward")
@login_required
def carry_preview(assessment_id: int):
    assessment = queries.assessment_for(current_user, assessment_id, "assessment.manage")
    plan, problem = carry_offer(assessment)
    if plan is None and problem is None:
        abort(404)  # nothing to carry: no earlier assessment, already carried, or frozen
    rows = _confirmation_rows(assessment, plan) if plan else {}
    return render_template("assessments/carry.html", assessment=assessment, plan=plan, problem=problem,
                           rows=rows, action_form=ActionForm())


@bp.post("/<int:assessment_id>/carry-forward")
@login_required
def carry_apply(assessment_id: int):
    assessment = queries.assessment_for(current_user, assessment_id, "assessment.manage")
    if ActionForm().validate_on_submit():
        try:
            stored = carry.apply(current_user, assessment)
            db.session.commit()
            flash(_("%(count)d answers were carried over. Please confirm or change each of them.",
                    count=stored), "success")
        except OperationError as error:
            db.session.rollback()
            flash(" ".join(error.problems.values()), "error")
    return _overview(assessment)


def _question_rows(assessment, items: list[dict]) -> list[dict]:
    """Questions of a readiness list, each with its section and a link to it."""
    definition = definition_for(assessment)
    rows = []
    for item in items:
        section = find_section(definition, item["area"])
        rows.append({"question": definition.question_map[item["question"]], "section": section,
                     "url": url_for("assessments.section", assessment_id=assessment.id, area_id=item["area"],
                                    _anchor=f"q-{item['question']}")})
    return rows


def _submit_page(assessment, form: TransitionForm, status: int = 200):
    found = readiness_of(assessment)
    lists = {name: _question_rows(assessment, getattr(found, name))
             for name in ("missing", "unconfirmed", "evidence_missing", "evidence_suggested")}
    return render_template("assessments/submit.html", assessment=assessment, form=form, ready=found.ready,
                           **lists), status


@bp.get("/<int:assessment_id>/submit")
@login_required
def submit_page(assessment_id: int):
    assessment = queries.assessment_for(current_user, assessment_id, "transition.submit")
    return _submit_page(assessment, TransitionForm(action="submit"))


@bp.post("/<int:assessment_id>/submit")
@login_required
def submit(assessment_id: int):
    """The submit page's form, as it was before transitions had their own endpoint."""
    return _transition(queries.assessment_for(current_user, assessment_id), "submit")


@bp.post("/<int:assessment_id>/transitions")
@login_required
def transition(assessment_id: int):
    """Move the assessment through the workflow: the overview's buttons post here."""
    return _transition(queries.assessment_for(current_user, assessment_id), request.form.get("action", ""))


def _transition(assessment, name: str):
    item = workflow.transition(name)
    if item is None:
        abort(400)
    policy.require(current_user, f"transition.{name}.who", assessment)  # 403 for the wrong role
    form = TransitionForm()
    if not form.validate_on_submit():
        return _refused(assessment, item, " ".join(e for errors in form.errors.values() for e in errors), 422)
    try:
        operations.run_transition(current_user, assessment, name, form.comment.data or None)
    except NotReady:
        db.session.rollback()
        return _submit_page(assessment, form, 422)
    except NotEditable as error:
        return _refused(assessment, item, " ".join(error.problems.values()), 409)
    except OperationError as error:
        return _refused(assessment, item, " ".join(error.problems.values()), 422)
    db.session.commit()
    flash(str(item.done), "success")
    return _overview(assessment)


def _refused(assessment, item, message: str, status: int):
    """The overview again, with why the transition was refused (nothing was changed)."""
    db.session.rollback()
    flash(message, "error")
    return show(assessment.id), status
