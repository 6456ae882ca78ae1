"""Writing the audit log: one call per change, in the transaction that makes the change."""

from __future__ import annotations

from typing import Any

from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db


def record(actor, action: str, obj_type: str, obj_id: Any, *, old: Any = None, new: Any = None,
           reason: str | None = None, country: str | None = None) -> AuditEvent:
    """Add an audit event to the current session (flushed and committed with the change itself)."""
    event = AuditEvent(
        actor_id=getattr(actor, "id", None),
        action=action,
        object_type=obj_type,
        object_id=str(obj_id),
        country_code=country,
        old_value=old,
        new_value=new,
        reason=reason,
    )
    db.session.add(event)
    return event
