"""Reading a user's notifications: the newest first, the unread count."""

from __future__ import annotations

from sqlalchemy import func

from mgf_assess.core import policy
from mgf_assess.extensions import db
from mgf_assess.notifications.models import Notification

SHOWN_MAX = 200  # notifications a list shows (the newest): older ones stay stored


def notifications_of(user, *, unread_only: bool = False, limit: int = SHOWN_MAX) -> list[Notification]:
    """The user's notifications, newest first, at most ``limit``."""
    query = db.select(Notification).filter_by(user_id=user.id)
    if unread_only:
        query = query.filter_by(read_at=None)
    return list(db.session.scalars(query.order_by(Notification.id.desc()).limit(limit)))


def unread_count(user) -> int:
    """How many of the user's notifications are unread (0 when nobody is signed in)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    query = db.select(func.count()).select_from(Notification).filter_by(user_id=user.id, read_at=None)
    return db.session.scalar(query) or 0


def notification_of(user, notification_id: int) -> Notification | None:
    """One of the user's notifications, or None (no such one, or someone else's)."""
    found = db.session.get(Notification, notification_id) if 0 < notification_id <= 2**31 - 1 else None
    return found if found is not None and policy.can(user, "notification.own", found) else None
