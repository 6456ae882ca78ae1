"""``flask --app wsgi mgf users ...``: create accounts and API tokens from the command line."""

from __future__ import annotations

import os

import click
from flask.cli import AppGroup

from mgf_assess.auth import operations, queries
from mgf_assess.auth.models import ROLES
from mgf_assess.core.errors import OperationError
from mgf_assess.extensions import db

users = AppGroup("users", help="Create accounts and API tokens.")


def _password(given: str | None) -> str:
    """The --password option, else $MGF_PASSWORD, else a hidden prompt."""
    if given:
        return given
    if os.environ.get("MGF_PASSWORD"):
        return os.environ["MGF_PASSWORD"]
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@users.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--country", help="ISO 3166-1 alpha-3 code (focal points and contributors).")
@click.option("--password", help="Default: $MGF_PASSWORD, else asked for.")
@click.option("--language", type=click.Choice(["en", "fr", "es", "ar"]))
def create(email, name, role, country, password, language) -> None:
    """Create a user account."""
    try:
        user = operations.create_user(None, email=email, name=name, role=role, country=country,
                                      password=_password(password), language=language)
    except OperationError as error:
        db.session.rollback()
        for field, message in error.problems.items():
            click.echo(f"error: {field}: {message}", err=True)
        raise SystemExit(2) from None
    db.session.commit()
    click.echo(f"Created {user.role} {user.email} (id {user.id}).")


@users.command("token")
@click.argument("email")
@click.option("--name", default="command line", help="A name to recognise the token by.")
def token(email, name) -> None:
    """Create an API token for EMAIL; the token is the last line of output."""
    user = queries.user_by_email(email)
    if user is None:
        click.echo(f"error: no account with e-mail {email}; create it with 'mgf users create'.", err=True)
        raise SystemExit(2)
    _token, plaintext = operations.create_token(None, user, name)
    db.session.commit()
    click.echo(f"API token for {user.email} (send as 'Authorization: Bearer <token>'):")
    click.echo(plaintext)


@users.command("list")
def list_users() -> None:
    """List accounts: e-mail, role, country, status."""
    for user in queries.all_users():
        status = "active" if user.active else "deactivated"
        click.echo(f"{user.email}\t{user.role}\t{user.country_code or '-'}\t{status}")
