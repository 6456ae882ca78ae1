"""``flask --app wsgi mgf backup OUT`` and ``mgf restore IN``."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext

from mgf_assess.backup import database, operations
from mgf_assess.backup.manifest import BackupRefused


@click.command("backup")
@with_appcontext
@click.argument("out", type=click.Path(path_type=Path))
def backup_command(out: Path) -> None:
    """Copy the database and the evidence files into the new folder OUT (while the
    application runs), with a manifest of checksums."""
    try:
        outcome = operations.create_backup(out)
    except BackupRefused as refusal:
        _fail(f"backup refused: {refusal}.")
    click.echo(f"backed up the database (schema revision {outcome.manifest['revision']}) and "
               f"{outcome.files} files into {out}; manifest: {out / 'manifest.json'}")


@click.command("restore")
@with_appcontext
@click.argument("source", metavar="IN", type=click.Path(path_type=Path, exists=True, file_okay=False))
def restore_command(source: Path) -> None:
    """Restore the backup in folder IN into an empty database and storage: checksums first,
    then the audit chain."""
    try:
        outcome = operations.restore_backup(source)
    except BackupRefused as refusal:
        _fail(f"restore refused: {refusal}.")
    click.echo(f"restored the database (schema revision {outcome.manifest['revision']}, backed up at "
               f"{outcome.manifest['created_at']}) and {outcome.files} files; the audit chain is intact.")
    _, head = database.known_revisions()
    if outcome.manifest["revision"] != head:
        click.echo(f"this version's schema is revision {head}: run 'flask --app wsgi mgf init' to upgrade the "
                   "restored database before serving it.")


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(1)
