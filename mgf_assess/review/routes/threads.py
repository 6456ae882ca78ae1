"""The thread forms of a section page, plain POST forms that work without JavaScript: each
does one thing and goes back to the question (``#q-<id>``), saying what happened."""

from __future__ import annotations

from flask import abort, flash, redirect
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mgf_assess.assessments import queries as assessment_queries
from mgf_assess.assessments.routes.section import question_target, section_url
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.forms import ActionForm
from mgf_assess.extensions import db
from mgf_assess.review.access import ThreadTarget
from mgf_assess.review.forms import ReplyForm, ThreadForm
from mgf_assess.review.routes import ASSESSMENT, bp
from mgf_assess.review.threads import operations, queries


def _back(assessment, qid: str):
    return redirect(section_url(assessment.id, question_target(assessment, qid).area_id, qid))


def _run(write, done: str) -> None:
    """Make the change and commit it; on a refusal, undo and say why."""
    try:
        write()
    except OperationError as error:
        db.session.rollback()
        flash(" ".join(error.problems.values()), "error")
        return
    db.session.commit()
    flash(done, "success")


def _form_errors(form) -> None:
    for messages in form.errors.values():
        flash(" ".join(str(message) for message in messages), "error")


@bp.post(ASSESSMENT + "/questions/<qid>/threads")
@login_required
def open_thread(assessment_id: int, qid: str):
    assessment = assessment_queries.assessment_for(current_user, assessment_id, "comment.view")
    form = ThreadForm()
    policy.require(current_user, "comment.create.who", ThreadTarget(question_target(assessment, qid), form.internal.data))
    if form.internal.data:
        policy.require(current_user, "comment.view_internal", assessment)
    if not form.validate_on_submit():
        _form_errors(form)
        return _back(assessment, qid)
    done = _("The query was sent to the country.") if form.kind.data == "query" else _("The comment was added.")
    _run(lambda: operations.open_thread(current_user, assessment, qid, kind=form.kind.data, text=form.text.data,
                                        internal=form.internal.data), done)
    return _back(assessment, qid)


def _thread(assessment, comment_id: int):
    """A thread's first message the user may read (404 otherwise: internal ones for the country)."""
    root = queries.thread_root(assessment, comment_id)
    if root is None or (root.internal and not policy.can(current_user, "comment.view_internal", assessment)):
        abort(404)
    return root


@bp.post(ASSESSMENT + "/threads/<int:comment_id>/replies")
@login_required
def reply(assessment_id: int, comment_id: int):
    assessment = assessment_queries.assessment_for(current_user, assessment_id, "comment.view")
    root = _thread(assessment, comment_id)
    target = ThreadTarget(question_target(assessment, root.question_id), root.internal)
    policy.require(current_user, "comment.reply.who", target)
    form = ReplyForm(prefix=f"reply-{root.id}")
    if not form.validate_on_submit():
        _form_errors(form)
        return _back(assessment, root.question_id)
    _run(lambda: operations.reply(current_user, assessment, root, form.text.data), _("Your reply was added."))
    return _back(assessment, root.question_id)


@bp.post(ASSESSMENT + "/threads/<int:comment_id>/<any(resolve, reopen):change>")
@login_required
def set_status(assessment_id: int, comment_id: int, change: str):
    assessment = assessment_queries.assessment_for(current_user, assessment_id, "comment.view")
    root = _thread(assessment, comment_id)
    policy.require(current_user, "query.resolve.who", assessment)
    if ActionForm().validate_on_submit():
        write = operations.resolve if change == "resolve" else operations.reopen
        done = _("The query is resolved.") if change == "resolve" else _("The query is open again.")
        _run(lambda: write(current_user, assessment, root), done)
    return _back(assessment, root.question_id)
