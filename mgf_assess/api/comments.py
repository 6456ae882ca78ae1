"""API endpoints of the review's threads: list them (filtered), open a query or a comment,
reply, resolve a query and open it again. The same operations as the section page, under the
same rules: another country's assessment 404, a wrong role 403, a wrong state 409; an internal
thread does not exist for whoever may not read it (404)."""

from __future__ import annotations

from flask import abort, request
from flask_login import current_user

from mgf_assess.api import access
from mgf_assess.api.blueprint import bp, problem, respond, token_required
from mgf_assess.api.bodies import BodyError, NewComment, item, read_body
from mgf_assess.api.representations import timestamp
from mgf_assess.assessments.access import answer_target
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.auth.models import User
from mgf_assess.core import policy
from mgf_assess.extensions import db
from mgf_assess.review.access import ThreadTarget
from mgf_assess.review.models import COMMENT_KINDS, QUERY_STATUSES, ReviewComment
from mgf_assess.review.threads import operations, queries

FILTERS = {"status": QUERY_STATUSES, "kind": COMMENT_KINDS}


def comment_json(comment: ReviewComment) -> dict:
    resolver = db.session.get(User, comment.resolved_by_id) if comment.resolved_by_id else None
    return {"id": comment.id, "question": comment.question_id, "kind": comment.kind, "status": comment.status,
            "internal": comment.internal, "reply_to": comment.reply_to_id, "text": comment.text,
            "author": _ref(comment.author), "created_at": timestamp(comment.created_at),
            "resolved_by": _ref(resolver), "resolved_at": timestamp(comment.resolved_at)}


def _ref(user) -> dict | None:
    return None if user is None else {"id": user.id, "name": user.name}


@bp.get("/assessments/<int:assessment_id>/comments")
@token_required
def list_comments(assessment_id: int):
    """The threads the caller may read; ``question``, ``status`` and ``kind`` filter them."""
    found = access.assessment(assessment_id, "comment.view")
    filters, problems = _filters(found)
    if problems:
        return problem(422, "Invalid parameters; nothing was read.", problems=problems)
    threads = queries.visible_threads(current_user, found, **filters)
    return respond({"comments": [comment_json(message) for thread in threads for message in thread.messages]})


def _filters(found) -> tuple[dict, list[dict]]:
    filters = {name: request.args[name] for name in ("question", *FILTERS) if request.args.get(name)}
    problems = [item(name, "invalid", f"{name} must be one of: {', '.join(FILTERS[name])}.")
                for name in FILTERS if name in filters and filters[name] not in FILTERS[name]]
    if "question" in filters and filters["question"] not in definition_for(found).question_map:
        problems.append(_unknown_question(filters["question"]))
    return filters, problems


def _unknown_question(qid: str) -> dict:
    return item("question", "unknown_question", f"The questionnaire of this assessment has no question {qid!r}.")


@bp.post("/assessments/<int:assessment_id>/comments")
@token_required
def post_comment(assessment_id: int):
    """Open a thread on a question, or reply to one (``reply_to``)."""
    found = access.assessment(assessment_id, "comment.view")
    body = read_body(NewComment)
    if body.internal and not policy.can(current_user, "comment.view_internal", found):
        abort(403, "Only evaluators and admins write internal comments.")
    if body.reply_to is None:
        comment = _open_thread(found, body)
    else:
        comment = _reply(found, body)
    return respond(comment_json(comment), 201)


def _target(found, qid: str, internal: bool) -> ThreadTarget:
    return ThreadTarget(answer_target(found, definition_for(found), qid), internal)


def _open_thread(found, body: NewComment) -> ReviewComment:
    if not policy.can(current_user, "comment.create.who", found):
        abort(403, "Only the country's evaluators and admins open queries and comments; reply to a thread instead.")
    if body.question is None:
        raise BodyError(422, "Invalid request body", [item("question", "required", "question is required for a "
                                                           "new thread (reply_to is null).")])
    if body.question not in definition_for(found).question_map:
        raise BodyError(422, "Invalid request body", [_unknown_question(body.question)])
    refusal = operations.state_refusal("create", found.state)
    access.require_state_or_role("comment.create", "comment.create.who", _target(found, body.question, body.internal),
                                 refusal)
    return operations.open_thread(current_user, found, body.question, kind=body.kind, text=body.text,
                                  internal=body.internal)


def _reply(found, body: NewComment) -> ReviewComment:
    root = queries.thread_root(found, body.reply_to)
    if root is None:
        raise BodyError(422, "Invalid request body", [item("reply_to", "not_a_thread", "reply_to must be the id of "
                                                           "the first message of a thread of this assessment.")])
    if root.internal and not policy.can(current_user, "comment.view_internal", found):
        abort(404, f"This assessment has no thread {body.reply_to}.")
    problems = _reply_problems(root, body)
    if problems:
        raise BodyError(422, "Invalid request body", problems)
    access.require_state_or_role("comment.reply", "comment.reply.who", _target(found, root.question_id, root.internal),
                                 operations.state_refusal("reply", found.state))
    return operations.reply(current_user, found, root, body.text)


def _reply_problems(root: ReviewComment, body: NewComment) -> list[dict]:
    """A reply takes its thread's question, kind and internal flag: sent ones must agree."""
    given = body.given("question", "kind", "internal")
    thread = {"question": root.question_id, "kind": root.kind, "internal": root.internal}
    return [item(name, "differs_from_thread", f"A reply takes its thread's {name} ({thread[name]!r}): leave "
                 f"{name} out or send the thread's.") for name, value in given.items() if value != thread[name]]


def _thread(found, comment_id: int) -> ReviewComment:
    root = queries.thread_root(found, comment_id)
    if root is None or (root.internal and not policy.can(current_user, "comment.view_internal", found)):
        abort(404, f"This assessment has no thread {comment_id}.")
    return root


@bp.post("/assessments/<int:assessment_id>/comments/<int:comment_id>/resolve")
@token_required
def resolve_comment(assessment_id: int, comment_id: int):
    """Mark an open query resolved."""
    return _set_status(assessment_id, comment_id, operations.resolve)


@bp.post("/assessments/<int:assessment_id>/comments/<int:comment_id>/reopen")
@token_required
def reopen_comment(assessment_id: int, comment_id: int):
    """Open a resolved query again."""
    return _set_status(assessment_id, comment_id, operations.reopen)


def _set_status(assessment_id: int, comment_id: int, change):
    found = access.assessment(assessment_id, "comment.view")
    root = _thread(found, comment_id)
    access.require_state_or_role("query.resolve", "query.resolve.who", found,
                                 operations.state_refusal("resolve", found.state))
    return respond(comment_json(change(current_user, found, root)))
