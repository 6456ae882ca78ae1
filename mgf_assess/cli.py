"""The ``flask --app wsgi mgf ...`` command group; features add their sub-groups here."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

mgf = AppGroup("mgf", help="mgf-assess administration: database, users, questionnaires, demo data.")


@mgf.command("init")
def init_command() -> None:
    """Create or upgrade the database, load countries and questionnaires (safe to repeat)."""
    from flask_migrate import upgrade

    from mgf_assess.core.operations import load_countries
    from mgf_assess.extensions import db

    upgrade()
    changed = load_countries()
    db.session.commit()
    click.echo(f"Database is up to date; {changed} countries added or refreshed.")
    for loader in _INIT_STEPS:
        loader()


@mgf.command("demo")
def demo_command() -> None:
    """Seed demo users and data (safe to repeat) and print the demo sign-ins."""
    from mgf_assess import demo

    demo.seed()
    demo.print_logins()


_INIT_STEPS: list = []


def add_init_step(step) -> None:
    """Features add what ``mgf init`` must also do (e.g. loading questionnaires)."""
    if step not in _INIT_STEPS:
        _INIT_STEPS.append(step)


def init_app(app: Flask) -> None:
    from mgf_assess.auth.cli import users
    from mgf_assess.backup.cli import backup_command, restore_command
    from mgf_assess.core.audit.cli import audit
    from mgf_assess.portability.cli import export_command

    for group in (users, audit, backup_command, restore_command, export_command):
        if group.name not in mgf.commands:
            mgf.add_command(group)
    app.cli.add_command(mgf)
