"""``flask --app wsgi mgf notifications ...``: deliver the outbox now, and see its state."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import func

from mgf_assess.extensions import db
from mgf_assess.mail.delivery import deliver_all
from mgf_assess.mail.models import OutboxMessage

notifications = AppGroup("notifications", help="The mail outbox: deliver it now, see its state.")


@notifications.command("send")
def send() -> None:
    """Deliver every message that is due; exit 1 when some could not be sent (they are tried
    again later)."""
    report = deliver_all()
    click.echo(f"Sent {report.sent}, written to the log {report.logged}, to retry {report.retry}, "
               f"refused for good {report.failed}, expired {report.expired}.")
    if report.retry:
        click.echo(f"error: some mail could not be sent now: {report.last_error}. It stays in the "
                   "outbox and is tried again later; check MAIL_SERVER and the mail server.", err=True)
        raise SystemExit(1)


@notifications.command("status")
def status() -> None:
    """Messages per status; the next attempt and last error of pending ones."""
    counts = db.session.execute(db.select(OutboxMessage.status, func.count())
                                .group_by(OutboxMessage.status).order_by(OutboxMessage.status)).all()
    for name, count in counts:
        click.echo(f"{name}\t{count}")
    pending = db.session.scalars(db.select(OutboxMessage).filter_by(status="pending")
                                 .order_by(OutboxMessage.next_attempt_at).limit(20))
    for message in pending:
        click.echo(f"pending #{message.id} to {message.recipient}: attempts {message.attempts}, next at "
                   f"{message.next_attempt_at:%Y-%m-%d %H:%M:%S} UTC"
                   + (f", last error: {message.last_error}" if message.last_error else ""))
