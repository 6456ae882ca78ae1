"""The notifications page: the user's notifications, newest first, and marking them read."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import current_user, login_required

from mgf_assess.core.forms import ActionForm
from mgf_assess.extensions import db
from mgf_assess.notifications import operations, queries
from mgf_assess.notifications.texts import link_of, text_of

bp = Blueprint("notifications", __name__, url_prefix="/notifications", template_folder="templates")


@bp.get("")
@login_required
def index():
    found = queries.notifications_of(current_user)
    return render_template("notifications/index.html", notifications=found, text_of=text_of, link_of=link_of,
                           unread=sum(1 for n in found if n.read_at is None))


@bp.post("/<int:notification_id>/read")
@login_required
def read(notification_id: int):
    found = queries.notification_of(current_user, notification_id)
    if found is None:
        abort(404)
    if ActionForm().validate_on_submit():
        operations.mark_read(current_user, found)
        db.session.commit()
    return redirect(url_for("notifications.index", _anchor=f"n-{found.id}"))


@bp.post("/read")
@login_required
def read_all():
    if ActionForm().validate_on_submit():
        operations.mark_all_read(current_user)
        db.session.commit()
    return redirect(url_for("notifications.index"))
