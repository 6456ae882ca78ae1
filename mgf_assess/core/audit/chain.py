"""The audit log as a hash chain: each event stores the hash of its content and of the event
before it, so that a row changed, removed or inserted behind the application's back breaks the
chain at that row.

The chain's head (the last hash and the number of events) is one row, ``audit_chain``, locked
by each transaction that writes audit events (``SELECT … FOR UPDATE``; SQLite's write
transactions hold the database lock already), so that concurrent transactions append one
after the other and never fork the chain. ``verify`` walks every event in id order.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy.dialects import postgresql, sqlite

from mgf_assess.core.models import AuditChain, AuditEvent
from mgf_assess.extensions import db

GENESIS = "0" * 64  # the "previous hash" of the first event
HASHED = ("at", "actor_id", "action", "object_type", "object_id", "country_code", "old_value", "new_value",
          "reason")
_HEAD = "mgf_audit_head"  # session.info key: (transaction, head row locked in it)


def content_hash(previous: str, event: dict) -> str:
    """SHA-256 of the previous hash and the event's content as canonical JSON."""
    content = {name: _plain(event[name]) for name in HASHED}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(f"{previous}\n{text}".encode()).hexdigest()


def _plain(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    return value


def seal(event: dict) -> dict:
    """``event`` with its place in the chain (``previous_hash``, ``hash``), appended at the head."""
    head = _locked_head()
    sealed = {**event, "previous_hash": head.last_hash}
    sealed["hash"] = content_hash(head.last_hash, sealed)
    head.last_hash, head.events = sealed["hash"], head.events + 1
    return sealed


def _locked_head() -> AuditChain:
    """The chain's head, locked until this transaction ends (read once per transaction)."""
    transaction = db.session().get_transaction()
    held = db.session.info.get(_HEAD)
    if held is not None and held[0] is transaction:
        return held[1]
    head = _select_head()
    if head is None:  # a fresh database: create the row once, then lock it like any other time
        _ensure_head()
        head = _select_head()
    db.session.info[_HEAD] = (transaction, head)
    return head


def _select_head() -> AuditChain | None:
    query = db.select(AuditChain).filter_by(id=1).with_for_update()
    return db.session.execute(query.execution_options(populate_existing=True)).scalar_one_or_none()


def _ensure_head() -> None:
    """Create the head row if there is none (a fresh database), whoever gets there first."""
    dialect = db.session.get_bind().dialect.name
    insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(AuditChain.__table__)
    db.session.execute(insert.values(id=1, last_hash=GENESIS, events=0).on_conflict_do_nothing())


class Verdict(NamedTuple):
    """What ``verify`` found: the number of events checked, and the first broken one if any."""

    checked: int
    broken: AuditEvent | None = None
    reason: str = ""


def verify(batch: int = 1000) -> Verdict:
    """Walk the chain in id order; stop at the first event whose links or content do not match."""
    previous, checked = GENESIS, 0
    for event in _in_id_order(batch):
        reason = _broken_link(previous, event)
        if reason:
            return Verdict(checked, event, reason)
        previous, checked = event.hash, checked + 1
    return _check_head(previous, checked)


def _in_id_order(batch: int):
    """Every event, ``batch`` at a time (the session forgets each batch once it is read)."""
    last = 0
    while True:
        query = db.select(AuditEvent).where(AuditEvent.id > last).order_by(AuditEvent.id).limit(batch)
        events = list(db.session.scalars(query))
        if not events:
            return
        yield from events
        last = events[-1].id
        db.session.expunge_all()


def _broken_link(previous: str, event: AuditEvent) -> str:
    if event.previous_hash != previous:
        return "its link to the event before it does not match (an event was removed or inserted)"
    if event.hash != content_hash(previous, {name: getattr(event, name) for name in HASHED}):
        return "its content does not match its hash (the row was changed)"
    return ""


def _check_head(last: str, checked: int) -> Verdict:
    head = db.session.get(AuditChain, 1)
    if head is not None and (head.last_hash != last or head.events != checked):
        return Verdict(checked, None, f"the chain ends after {checked} events, but {head.events} were "
                                      "written: the last events were removed")
    return Verdict(checked)
