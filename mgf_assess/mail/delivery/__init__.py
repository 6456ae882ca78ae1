"""Delivering the outbox: claim the due messages, send them over one connection, record each
outcome (``outbox``), through the SMTP server or the log (``transports``). Used by the
background sender of a serving process (``mail.worker``) and ``mgf notifications send``.

Before delivering, a pass runs the *preparers* features register: work that turns requests
recorded by a page into queued mail outside the request (a forgotten-password request is
answered alike whether or not an account has the address, so finding the account and making
the link happens here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from flask import current_app

from mgf_assess.database import utcnow
from mgf_assess.mail.delivery import outbox, transports
from mgf_assess.mail.delivery.outbox import Claimed

BATCH_SIZE = 50  # messages claimed (and sent over one connection) at a time
PREPARERS: list[Callable[[], object]] = []


def register_preparer(prepare: Callable[[], object]) -> None:
    """Run ``prepare`` (which commits what it queues) at the start of every delivery pass."""
    if prepare not in PREPARERS:
        PREPARERS.append(prepare)


@dataclass
class Report:
    """What a delivery pass did."""

    sent: int = 0
    logged: int = 0
    retry: int = 0
    failed: int = 0
    expired: int = 0
    claimed: int = 0
    last_error: str | None = None


def deliver_due(now: datetime | None = None, limit: int = BATCH_SIZE, only: list[int] | None = None) -> Report:
    """One pass: run the preparers, expire stale messages, claim up to ``limit`` due ones
    (among ``only``), send them. ``now`` (for tests) fixes the clock of the sending."""
    clock: Callable[[], datetime] = (lambda: now) if now is not None else utcnow
    for prepare in PREPARERS:
        prepare()
    report = Report(expired=outbox.expire(clock()))
    batch = outbox.claim(clock(), limit, only)
    report.claimed = len(batch)
    if batch:
        _send(batch, transports.for_config(current_app.config), clock, report)
    return report


def deliver_all(now: datetime | None = None) -> Report:
    """Passes until no due message is left (what ``mgf notifications send`` does)."""
    total = Report()
    while True:
        report = deliver_due(now)
        for name in ("sent", "logged", "retry", "failed", "expired", "claimed"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
        total.last_error = report.last_error or total.last_error
        if report.claimed < BATCH_SIZE or report.retry:
            return total


def _send(batch: list[Claimed], transport, clock, report: Report) -> None:
    try:
        connection = transport.connect()
    except Exception as error:  # whatever it is, the messages wait for the next attempt
        _failed(batch, error, transports.CONNECTION, transport.where, clock, report)
        return
    try:
        _send_over(connection, batch, transport, clock, report)
    finally:
        connection.close()


def _send_over(connection, batch: list[Claimed], transport, clock, report: Report) -> None:
    for index, item in enumerate(batch):
        try:
            connection.send(item)
        except Exception as error:
            kind = transports.verdict(error)
            rest = batch[index:] if kind == transports.CONNECTION else [item]
            _failed(rest, error, kind, transport.where, clock, report)
            if kind == transports.CONNECTION:
                return
        else:
            outbox.record_delivered(item, transport.status, clock())
            setattr(report, transport.status, getattr(report, transport.status) + 1)


def _failed(items: list[Claimed], error: Exception, kind: str, where: str, clock, report: Report) -> None:
    text = transports.describe(error, where)
    permanent = kind == transports.PERMANENT
    for item in items:
        outbox.record_failure(item, text, permanent, clock())
    report.last_error = text
    if permanent:
        report.failed += len(items)
    else:
        report.retry += len(items)
    transports.log.warning("mail not delivered (%d message(s), %s): %s", len(items),
                           "given up" if permanent else "will retry", text)
