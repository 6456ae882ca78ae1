"""``flask --app wsgi mgf audit verify``: check the audit log's hash chain."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from mgf_assess.core.audit import chain

audit = AppGroup("audit", help="The audit log: check that no event was changed, removed or inserted.")


@audit.command("verify")
def verify_command() -> None:
    """Walk the hash chain; exit 1 at the first broken link, 0 when it is intact."""
    verdict = chain.verify()
    if verdict.broken is None and not verdict.reason:
        click.echo(f"intact: {verdict.checked} audit events, every link and hash checked.")
        return
    if verdict.broken is not None:
        event = verdict.broken
        click.echo(f"broken at audit event {event.id} ({event.at.isoformat()}, {event.action}): "
                   f"{verdict.reason}. {verdict.checked} events before it are intact.")
    else:
        click.echo(f"broken: {verdict.reason}.")
    sys.exit(1)
