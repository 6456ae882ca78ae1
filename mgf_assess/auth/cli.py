"""``flask --app wsgi mgf users ...``: create accounts and API tokens from the command line."""

from __future__ import annotations

import os

import click
from flask.cli import AppGroup

from mgf_assess.auth import operations, queries
from mgf_assess.auth.mfa import operations as mfa
from mgf_assess.auth.mfa import totp
from mgf_assess.auth.models import ROLES
from mgf_assess.config import LANGUAGES
from mgf_assess.core.errors import OperationError
from mgf_assess.core.policy import mfa_required
from mgf_assess.database import utcnow
from mgf_assess.extensions import db

users = AppGroup("users", help="Create and invite accounts, create API tokens; reset two-step verification.")


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
@click.option("--country", multiple=True, help="ISO 3166-1 alpha-3 code: the country of a focal point or "
              "contributor (one); the countries of an evaluator (repeat the option for each).")
@click.option("--password", help="Default: $MGF_PASSWORD, else asked for.")
@click.option("--language", type=click.Choice(["en", "fr", "es", "ar"]))
def create(email, name, role, country, password, language) -> None:
    """Create a user account."""
    codes = _codes(country)
    if role != "evaluator" and len(codes) > 1:
        _refused(OperationError({"country": "only evaluators are assigned several countries: give one --country"}))
    try:
        user = operations.create_user(None, email=email, name=name, role=role, password=_password(password),
                                      country=None if role == "evaluator" else next(iter(codes), None),
                                      language=language)
        if role == "evaluator" and codes:
            operations.set_evaluator_countries(None, user, codes)
    except OperationError as error:
        _refused(error)
    db.session.commit()
    assigned = f" for {', '.join(codes)}" if role == "evaluator" and codes else ""
    click.echo(f"Created {user.role} {user.email}{assigned} (id {user.id}).")


@users.command("countries")
@click.argument("email")
@click.argument("codes", nargs=-1)
@click.option("--clear", is_flag=True, help="Remove every country (no CODES given).")
def countries(email, codes, clear) -> None:
    """Replace the countries an evaluator EMAIL reviews with CODES (ISO 3166-1 alpha-3); audited."""
    user = _user_or_exit(email)
    if not codes and not clear:
        _refused(OperationError({"countries": "give the country codes (e.g. KEN MEX), or --clear to remove all"}))
    try:
        operations.set_evaluator_countries(None, user, _codes(codes))
    except OperationError as error:
        _refused(error)
    db.session.commit()
    click.echo(f"{user.email} reviews: {', '.join(_codes(codes)) or 'no country'}.")


def _codes(given) -> list[str]:
    """Country codes as given, upper-cased, each once, in order."""
    return list(dict.fromkeys(code.strip().upper() for code in given if code.strip()))


@users.command("invite")
@click.argument("email")
@click.option("--name", required=True)
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--country", help="ISO 3166-1 alpha-3 code (focal points and contributors).")
@click.option("--language", type=click.Choice(LANGUAGES), help="Of the mail and the account (default: the default language).")
def invite(email, name, role, country, language) -> None:
    """Invite EMAIL by mail; the link is also the last line of output."""
    from mgf_assess.auth.invitations import operations as invitations
    from mgf_assess.mail.delivery import deliver_due

    try:
        invitation, token = invitations.invite(None, email=email, name=name, role=role, country=country,
                                               language=language)
    except OperationError as error:
        _refused(error)
    db.session.commit()
    click.echo(f"Invited {invitation.email} as {invitation.role}"
               + (f" of {invitation.country_code}" if invitation.country_code else "")
               + f"; the link works once, until {invitation.expires_at:%Y-%m-%d %H:%M} UTC.")
    click.echo(_delivery_note(deliver_due(only=_queued_for(invitation.email))))
    click.echo(invitations.invitation_link(token))


def _queued_for(email: str) -> list[int]:
    from mgf_assess.mail.models import OutboxMessage

    return list(db.session.scalars(db.select(OutboxMessage.id).filter_by(recipient=email, status="pending")))


def _delivery_note(report) -> str:
    if report.sent:
        return "The invitation was sent by mail."
    if report.logged:
        return "No MAIL_SERVER is set: the mail was written to the log instead; give the person this link."
    return (f"The mail could not be sent now ({report.last_error}); it stays in the outbox and is tried "
            "again by the server and by 'mgf notifications send'. The link:")


def _refused(error: OperationError):
    db.session.rollback()
    for field, message in error.problems.items():
        click.echo(f"error: {field}: {message}", err=True)
    raise SystemExit(2) from None


@users.command("token")
@click.argument("email")
@click.option("--name", default="command line", help="A name to recognise the token by.")
def token(email, name) -> None:
    """Create an API token for EMAIL; the token is the last line of output."""
    user = _user_or_exit(email)
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


def _user_or_exit(email: str):
    user = queries.user_by_email(email)
    if user is None:
        click.echo(f"error: no account with e-mail {email}; 'mgf users list' shows the accounts, "
                   "'mgf users create' adds one.", err=True)
        raise SystemExit(2)
    return user


@users.command("reset-mfa")
@click.argument("email")
def reset_mfa(email) -> None:
    """Turn off the two-step verification of EMAIL (a lost phone) and end its sessions."""
    user = _user_or_exit(email)
    try:
        mfa.reset(None, user)
    except OperationError as error:
        db.session.rollback()
        click.echo(f"error: {error}", err=True)
        raise SystemExit(2) from None
    db.session.commit()
    required = " (their role requires it: they set it up again at the next sign-in)" if mfa_required(user) else ""
    click.echo(f"Two-step verification of {user.email} is reset and its sessions are signed out{required}.")


@users.command("totp")
@click.argument("email")
def totp_code(email) -> None:
    """Print the current sign-in code of a demo account (whose secret is published)."""
    from mgf_assess.demo.accounts import DEMO_TOTP_SECRET

    user = _user_or_exit(email)
    if user.totp_secret != DEMO_TOTP_SECRET:
        click.echo(f"error: {user.email} is not a demo account with the published secret; a real "
                   "account's code comes from its owner's authenticator app only.", err=True)
        raise SystemExit(2)
    code, seconds = usable_code(user, utcnow())
    if code is None:
        click.echo(f"error: this period's codes were used already; try again in {seconds} s.", err=True)
        raise SystemExit(1)
    click.echo(f"Code for {user.email} (valid for about {seconds} s more):")
    click.echo(code)


def usable_code(user, now) -> tuple[str | None, int]:
    """The code of the earliest time step the user may still sign in with (a step already used
    is refused), and the seconds it stays valid (or, when none is usable, until one is)."""
    current = totp.step_at(now)
    step = max(current, (user.totp_last_step or 0) + 1)
    ends = (step + totp.VALID_WINDOW + 1) * totp.INTERVAL_SECONDS - int(now.timestamp())
    if step > current + totp.VALID_WINDOW:
        return None, (step - totp.VALID_WINDOW) * totp.INTERVAL_SECONDS - int(now.timestamp())
    return totp.code_at(user.totp_secret, step), ends
