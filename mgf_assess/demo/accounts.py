"""Demo data for trying the application: accounts for every role (idempotent)."""

from __future__ import annotations

import click

from mgf_assess.auth import operations, queries
from mgf_assess.auth.mfa import operations as mfa
from mgf_assess.auth.models import User
from mgf_assess.auth.passwords import verify_password
from mgf_assess.extensions import db
from mgf_assess.mail import operations as mail

DEMO_PASSWORD = "copper-lantern-meadow-violin"  # demo accounts only; documented in the README
DEMO_USERS = [
    # email, name, role, country, language
    ("admin@demo.mgf", "Amina Admin", "admin", None, "en"),
    ("focal.ken@demo.mgf", "Wanjiru Kamau", "focal_point", "KEN", "en"),
    ("contributor.ken@demo.mgf", "Otieno Mwangi", "contributor", "KEN", "en"),
    ("focal.mex@demo.mgf", "Lucía Hernández", "focal_point", "MEX", "es"),
    ("focal.sen@demo.mgf", "Awa Diop", "focal_point", "SEN", "fr"),
    ("focal.jor@demo.mgf", "Layla Haddad", "focal_point", "JOR", "ar"),
    ("evaluator@demo.mgf", "Elena Petrova", "evaluator", None, "en"),
    ("analyst@demo.mgf", "Arjun Mehta", "analyst", None, "en"),
]
EVALUATOR_COUNTRIES = ["KEN", "MEX", "SEN", "JOR"]
# The demo accounts that sign in with two-step verification (the roles that require it by
# default), all with this published secret: add it to any authenticator app, or print the
# current code with ``flask --app wsgi mgf users totp EMAIL``.
DEMO_TOTP_SECRET = "MGFDEMOTOTPSECRETFORTRYINGITOUT2"
DEMO_TOTP_USERS = ("admin@demo.mgf", "evaluator@demo.mgf")
SEED_STEPS: list = []


def _demo_assessments(users: dict) -> None:
    """Assessments, answers and evidence of the demo countries (see ``demo.assessments``)."""
    # Imported when the step runs, so importing this module never pulls in every feature.
    from mgf_assess.demo.assessments import seed_assessments

    seed_assessments(users)


SEED_STEPS.append(_demo_assessments)


def _demo_reviews(users: dict) -> None:
    """The review of the assessments planned beyond submission (see ``demo.review``)."""
    from mgf_assess.demo.review import seed_reviews

    seed_reviews(users)


SEED_STEPS.append(_demo_reviews)


def _demo_comparisons(users: dict) -> None:
    """Corridors, and publication of validated assessments (see ``demo.comparisons``)."""
    from mgf_assess.demo.comparisons import seed_comparisons

    seed_comparisons(users)


SEED_STEPS.append(_demo_comparisons)


def _ensure_user(email, name, role, country, language) -> User:
    """The demo account, created if missing; its password is set back to the printed one if it
    was changed (or seeded by an older version), so the printed sign-ins always work."""
    user = queries.user_by_email(email)
    if user is None:
        return operations.create_user(None, email=email, name=name, role=role, country=country,
                                       password=DEMO_PASSWORD, language=language)
    if not verify_password(user.password_hash, DEMO_PASSWORD):
        operations.set_password(None, user, DEMO_PASSWORD)
    return user


def seed() -> None:
    """Create the demo accounts (and, through SEED_STEPS, the features' demo data)."""
    users = {row[0]: _ensure_user(*row) for row in DEMO_USERS}
    for email in DEMO_TOTP_USERS:
        if users[email].totp_secret != DEMO_TOTP_SECRET:
            mfa.enable_with_known_secret(None, users[email], DEMO_TOTP_SECRET)
    evaluator = users["evaluator@demo.mgf"]
    if not evaluator.evaluated_countries:
        operations.set_evaluator_countries(None, evaluator, EVALUATOR_COUNTRIES)
    db.session.commit()
    first = mail.last_message_id()
    for step in SEED_STEPS:
        step(users)
        db.session.commit()
    _withhold_history_mail(first)


def _withhold_history_mail(first: int) -> None:
    """The demo's history notifies its people as real work would (the notifications are in the
    application), but its mails are not sent: they would bury the mails someone trying the
    demo waits for (a password reset, an invitation) under dozens about a made-up past."""
    withheld = mail.withhold_since(first, "notification", "demo data: the history's mail is not sent")
    db.session.commit()
    if withheld:
        click.echo(f"Notifications: {withheld} mails about the demo's history withheld (not sent).")


def print_logins() -> None:
    click.echo(f"\nDemo sign-ins (password for every account: {DEMO_PASSWORD}):")
    for email, name, role, country, _language in DEMO_USERS:
        click.echo(f"  {role:<12} {email:<28} {name}{' — ' + country if country else ''}")
    click.echo(f"\n{' and '.join(DEMO_TOTP_USERS)} also type a code (two-step verification): from any\n"
               f"authenticator app set up with the secret {DEMO_TOTP_SECRET}, or printed by\n"
               f"  flask --app wsgi mgf users totp EMAIL\n")
