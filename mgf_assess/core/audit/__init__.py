"""Writing the audit log: one call per change, in the transaction that makes the change; each
event is sealed into a hash chain (``chain``) that ``mgf audit verify`` checks."""

from __future__ import annotations

from typing import Any

from mgf_assess.core.audit import chain
from mgf_assess.core.models import AuditEvent
from mgf_assess.database import utcnow
from mgf_assess.extensions import db

_INSERT = AuditEvent.__table__.insert()
# The columns ``event_row`` fills, in table order.
EVENT_COLUMNS = ("at", "actor_id", "action", "object_type", "object_id", "country_code", "old_value",
                 "new_value", "reason")


def event_row(actor, action: str, obj_type: str, obj_id: Any, *, old: Any = None, new: Any = None,
              reason: str | None = None, country: str | None = None) -> dict:
    """The columns of one audit event (for ``record``, or for a statement that writes it)."""
    return {"at": utcnow(), "actor_id": getattr(actor, "id", None), "action": action, "object_type": obj_type,
            "object_id": str(obj_id), "country_code": country, "old_value": old, "new_value": new,
            "reason": reason}


def record(actor, action: str, obj_type: str, obj_id: Any, **details) -> None:
    """Write an audit event in the current transaction (committed or rolled back with the
    change itself). ``details``: ``old``, ``new``, ``reason``, ``country`` (see ``event_row``).

    Pending changes are flushed first, so the event follows the rows it may refer to; the
    event itself is one INSERT statement: audit rows are never read back in the transaction
    that writes them, so they need no object in the session.
    """
    db.session.flush()
    db.session.connection().execute(_INSERT, chain.seal(event_row(actor, action, obj_type, obj_id, **details)))
