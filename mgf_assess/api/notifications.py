"""API endpoints of the caller's own notifications: the list (``unread=true`` for the unread
ones only) and marking one read. Another user's notification does not exist for the caller."""

from __future__ import annotations

from flask import abort, request
from flask_login import current_user

from mgf_assess.api.blueprint import bp, problem, respond, token_required
from mgf_assess.api.bodies import item
from mgf_assess.api.representations import timestamp
from mgf_assess.notifications import operations, queries
from mgf_assess.notifications.texts import link_of, text_of

FLAGS = {"true": True, "false": False}


def notification_json(notification) -> dict:
    return {"id": notification.id, "kind": notification.kind, "text": text_of(notification),
            "assessment": notification.assessment_id, "question": notification.question_id,
            "link": link_of(notification), "created_at": timestamp(notification.created_at),
            "read_at": timestamp(notification.read_at)}


@bp.get("/notifications")
@token_required
def list_notifications():
    """The caller's notifications, newest first."""
    unread = request.args.get("unread", "false")
    problems = [item(name, "unknown", f"Unknown parameter {name}: the only one is unread.")
                for name in request.args if name != "unread"]
    if unread not in FLAGS:
        problems.append(item("unread", "invalid", "unread must be true or false."))
    if problems:
        return problem(422, "Invalid parameters; nothing was read.", problems=problems)
    found = queries.notifications_of(current_user, unread_only=FLAGS[unread])
    return respond({"notifications": [notification_json(n) for n in found],
                    "unread": queries.unread_count(current_user)})


@bp.post("/notifications/<int:notification_id>/read")
@token_required
def read_notification(notification_id: int):
    """Mark one of the caller's notifications read (again: no change)."""
    found = queries.notification_of(current_user, notification_id)
    if found is None:
        abort(404, f"You have no notification {notification_id}.")
    operations.mark_read(current_user, found)
    return respond(notification_json(found))
