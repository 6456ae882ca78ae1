"""Section pages (one per area): show, save what changed, refresh relevance, confirm carried answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from mgf_assess.assessments import operations, queries
from mgf_assess.assessments.access import AnswerTarget, answer_target
from mgf_assess.assessments.errors import AnswerConflict
from mgf_assess.assessments.forms import EvidenceForm, form_data, section_form_class
from mgf_assess.assessments.labels import (
    client_messages,
    client_texts,
    problem_field,
    problem_message,
)
from mgf_assess.assessments.pages import locked_refusal
from mgf_assess.assessments.routes import bp
from mgf_assess.assessments.scoring_bridge import definition_for, invalid_answers
from mgf_assess.assessments.sections import (
    SectionOutcome,
    find_section,
    hidden_ids,
    neighbours,
    overlay,
    save_section,
    stored_typed,
    submission_of,
    submitted_payloads,
)
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.forms import ActionForm
from mgf_assess.extensions import db
from mgf_assess.i18n import use_questionnaire_language
from mgf_assess.review.display import section_threads
from mgf_assess.review.queries import section_review
from mgf_assess.review.recent import FILTER, section_changes


@dataclass
class SectionContext:
    """A section page's subject: the assessment, its definition, the area, and the user's right."""

    assessment: object
    definition: object
    section: object
    target: AnswerTarget
    editable: bool
    errors: dict = field(default_factory=dict)
    conflicts: dict = field(default_factory=dict)
    saved: int = 0  # answers saved by a submission that was partly refused


def load_section(assessment_id: int, area_id: str) -> SectionContext:
    assessment = queries.assessment_for(current_user, assessment_id)
    definition = definition_for(assessment)
    section = find_section(definition, area_id)
    if section is None:
        abort(404)
    use_questionnaire_language(definition)
    target = AnswerTarget(assessment, section.domain.id, section.area.id)
    return SectionContext(assessment, definition, section, target,
                          policy.can(current_user, "answer.edit", target))


def question_target(assessment, qid: str):
    """The policy target of one question of the assessment (404 for an unknown question)."""
    target = answer_target(assessment, definition_for(assessment), qid)
    if target is None:
        abort(404)
    return target


def section_url(assessment_id: int, area_id: str, qid: str | None = None) -> str:
    return url_for("assessments.section", assessment_id=assessment_id, area_id=area_id,
                   _anchor=f"q-{qid}" if qid else None)


def _new_form(ctx: SectionContext):
    answers = queries.answers_of(ctx.assessment)
    data = {q.id: form_data(q, answers.get(q.id)) for q in ctx.section.questions}
    return section_form_class(ctx.section.questions)(data=data)


def render_section(ctx: SectionContext, form=None, *, hidden=None, evidence_forms=None, status: int = 200):
    """The section page; ``form`` keeps what was typed when a save was refused."""
    if ctx.editable and form is None:
        form = _new_form(ctx)
        _note_invalid_stored(ctx)
    definition, questions = ctx.definition, ctx.section.questions
    if hidden is None:
        hidden = hidden_ids(definition, stored_typed(ctx.assessment, definition))
    hidden = {q.id for q in ctx.section.items if q.id in hidden}
    evidence_forms = evidence_forms or {}
    if ctx.editable:
        evidence_forms = {q.id: evidence_forms.get(q.id) or EvidenceForm(prefix=f"ev-{q.id}", formdata=None)
                          for q in questions if q.evidence != "none"}
    previous, following = neighbours(definition, ctx.section.area.id)
    return render_template(
        "assessments/section.html", ctx=ctx, assessment=ctx.assessment, definition=definition,
        section=ctx.section, form=form, hidden=hidden, answers=queries.answers_of(ctx.assessment),
        evidence=queries.evidence_of(ctx.assessment), evidence_forms=evidence_forms, previous=previous,
        following=following, messages=client_messages(), texts=client_texts(),
        review=section_review(current_user, ctx.assessment),
        threads=section_threads(current_user, ctx.assessment, ctx.section),
        changed=section_changes(current_user, ctx.assessment, ctx.section),
        only_changed=request.args.get("changed") == FILTER), status


def _note_invalid_stored(ctx: SectionContext) -> None:
    """Show stored answers that no longer fit their question as errors to correct (they count
    as missing meanwhile), rather than failing the page."""
    stored = invalid_answers(ctx.assessment, [q.id for q in ctx.section.questions])
    for qid, problems in stored.items():
        question = ctx.definition.question_map[qid]
        messages = [problem_message(problem.code, question, problem.message) for problem in problems]
        ctx.errors.setdefault(qid, {}).setdefault("value", []).append(
            _("The stored answer is not valid and counts as missing: %(problem)s", problem=" ".join(messages)))


@bp.get("/<int:assessment_id>/areas/<area_id>")
@login_required
def section(assessment_id: int, area_id: str):
    return render_section(load_section(assessment_id, area_id))


def _overwrite_choice() -> dict[str, int]:
    qid, _sep, revision = request.form.get("overwrite", "").partition(":")
    return {qid: int(revision)} if qid and revision.isdigit() else {}


def _keep_choice() -> frozenset[str]:
    return frozenset(filter(None, [request.form.get("keep", "")]))


def _problem_errors(ctx: SectionContext, outcome: SectionOutcome) -> dict:
    errors: dict[str, dict[str, list[str]]] = {}
    for qid, items in outcome.problems.items():
        question = ctx.definition.question_map[qid]
        for item in items:
            message = problem_message(item["code"], question, item["message"])
            errors.setdefault(qid, {}).setdefault(problem_field(item["location"]), []).append(message)
    return errors


def _after_refusal(ctx: SectionContext, form, outcome: SectionOutcome, keep: frozenset[str]) -> None:
    """Prepare the form to show again: saved answers move to their new revision, kept ones show
    the stored answer; conflicting ones keep the typed value and the revision it was based on."""
    answers = queries.answers_of(ctx.assessment)
    for qid, answer in outcome.saved.items():
        form[qid].form.base_revision.data = str(answer.revision)
    for qid in keep:
        if qid in form:
            form[qid].process(None, form_data(ctx.definition.question_map[qid], answers.get(qid)))
    ctx.errors, ctx.conflicts = _problem_errors(ctx, outcome), {q: answers.get(q) for q in outcome.conflicts}
    ctx.saved = len(outcome.saved)


def _saved_message(count: int) -> str:
    if not count:
        return _("The section is saved: nothing had changed.")
    return ngettext("The section is saved: %(num)d answer changed.", "The section is saved: %(num)d answers changed.",
                    count)


@bp.post("/<int:assessment_id>/areas/<area_id>")
@login_required
def save(assessment_id: int, area_id: str):
    ctx = load_section(assessment_id, area_id)
    if (refused := locked_refusal(ctx.assessment, "answer.author", ctx.target)) is not None:
        return refused
    policy.require(current_user, "answer.edit", ctx.target)
    form = section_form_class(ctx.section.questions)()
    if not form.validate_on_submit():
        abort(400)
    submission = submission_of(ctx.section.questions, form, _overwrite_choice(), _keep_choice())
    stored = stored_typed(ctx.assessment, ctx.definition)
    hidden = hidden_ids(ctx.definition, overlay(ctx.definition, stored, submission.payloads))
    outcome = save_section(current_user, ctx.assessment, ctx.definition, submission,
                           queries.answers_of(ctx.assessment), hidden)
    db.session.commit()
    if outcome.ok:
        flash(_saved_message(len(outcome.saved)), "success")
        return redirect(section_url(assessment_id, area_id))
    _after_refusal(ctx, form, outcome, submission.keep)
    return render_section(ctx, form, hidden=hidden, status=409 if outcome.conflicts else 422)


@bp.post("/<int:assessment_id>/areas/<area_id>/relevance")
@login_required
def relevance(assessment_id: int, area_id: str):
    """Which questions of the area are hidden for the values currently in the form (for the script)."""
    ctx = load_section(assessment_id, area_id)
    form = section_form_class(ctx.section.questions)()
    payloads = submitted_payloads(ctx.section.questions, form)
    hidden = hidden_ids(ctx.definition, overlay(ctx.definition, stored_typed(ctx.assessment, ctx.definition),
                                                payloads))
    return jsonify(hidden=[q.id for q in ctx.section.items if q.id in hidden])


@bp.post("/<int:assessment_id>/answers/<qid>/confirm")
@login_required
def confirm(assessment_id: int, qid: str):
    assessment = queries.assessment_for(current_user, assessment_id)
    target = question_target(assessment, qid)
    if (refused := locked_refusal(assessment, "answer.author", target)) is not None:
        return refused
    policy.require(current_user, "answer.edit", target)
    answer = queries.answers_of(assessment).get(qid)
    if answer is None:
        abort(404)
    if ActionForm().validate_on_submit():
        _confirm(assessment, qid, request.form.get("revision", answer.revision, type=int))
    return redirect(section_url(assessment_id, target.area_id, qid))


def _confirm(assessment, qid: str, revision: int) -> None:
    try:
        operations.confirm_answer(current_user, assessment, qid, revision)
    except AnswerConflict:
        db.session.rollback()
        flash(_("Someone else changed this answer in the meantime: look at it again before confirming."), "error")
        return
    except OperationError as error:  # e.g. the assessment was submitted meanwhile
        db.session.rollback()
        flash(" ".join(error.problems.values()), "error")
        return
    db.session.commit()
    flash(_("The carried-over answer was confirmed."), "success")
