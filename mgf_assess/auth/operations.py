"""Writes on accounts and tokens. Each function mutates and flushes, never commits; each change
is audited in the same transaction."""

from __future__ import annotations

import hashlib
import secrets

from flask_babel import lazy_gettext as _l

from mgf_assess.auth import password_policy, passwords, throttle
from mgf_assess.auth.models import COUNTRY_ROLES, ROLES, ApiToken, User, UserSession
from mgf_assess.auth.sessions.operations import end_all_sessions
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.core.limits import NAME_MAX, too_long
from mgf_assess.core.models import Country
from mgf_assess.database import utcnow
from mgf_assess.extensions import db

TOKEN_PREFIX = "mgf_"


def authenticate(email: str, password: str, client: str | None) -> User | None:
    """Check the e-mail and password of a sign-in; count failures per account and per client.
    None means refused. The sign-in completes with ``sessions.operations.start_session`` (after
    the second factor, for a user who has one)."""
    email = email.strip().lower()
    user = db.session.scalar(db.select(User).filter_by(email=email))
    if throttle.is_locked(email, client):
        passwords.verify_password(None, password)  # same cost whether locked or not
        return None
    if passwords.verify_password(user.password_hash if user else None, password) and user.active:
        throttle.clear(email)
        return user
    throttle.record_failure(email, client)
    if user is not None:
        user.failed_logins += 1
    db.session.flush()
    return None


def _user_snapshot(user: User) -> dict:
    return {"email": user.email, "name": user.name, "role": user.role, "country": user.country_code,
            "language": user.language, "active": user.active,
            "evaluated_countries": sorted(c.code for c in user.evaluated_countries)}


def check_user_fields(email: str, role: str, country: str | None, exclude_id: int | None) -> dict:
    """The problems of an account's e-mail, role and country (empty: none); shared with
    invitations, which check them before the account exists."""
    problems = {}
    if "@" not in email or len(email) > 254 or email != email.strip():
        problems["email"] = _l("Enter a valid e-mail address.")
    elif db.session.scalar(db.select(User.id).filter(User.email == email, User.id != (exclude_id or 0))):
        problems["email"] = _l("Another account already uses this e-mail address.")
    if role not in ROLES:
        problems["role"] = _l("Choose one of the roles: %(roles)s.", roles=", ".join(ROLES))
    if role in COUNTRY_ROLES and not country:
        problems["country"] = _l("Focal points and contributors must belong to a country.")
    if country and db.session.get(Country, country) is None:
        problems["country"] = _l("Unknown country code %(code)s: use an ISO 3166-1 alpha-3 code.", code=country)
    return problems


def name_problems(name: str) -> dict:
    if not name.strip():
        return {"name": _l("Enter the person's name.")}
    if too_long(name.strip(), NAME_MAX):
        return {"name": _l("The name is longer than %(n)d characters: shorten it.", n=NAME_MAX)}
    return {}


def create_user(actor: User | None, *, email: str, name: str, role: str, password: str,
                country: str | None = None, language: str | None = None) -> User:
    """Create an account; raise OperationError listing every problem (nothing is stored)."""
    email = email.strip().lower()
    country = country.upper() if country and role in COUNTRY_ROLES else None
    problems = check_user_fields(email, role, country, None) | name_problems(name)
    if (problem := password_policy.problem(password, email=email, name=name)) is not None:
        problems["password"] = problem
    if problems:
        raise OperationError(problems)
    user = User(email=email, name=name.strip(), role=role, country_code=country, language=language,
                password_hash=passwords.hash_password(password), active=True)
    db.session.add(user)
    db.session.flush()
    audit.record(actor, "user.create", "user", user.id, new=_user_snapshot(user), country=country)
    return user


def update_user(actor: User, user: User, *, name: str, role: str, country: str | None,
                language: str | None) -> User:
    """Change an account's name, role, country or language."""
    country = country.upper() if country and role in COUNTRY_ROLES else None
    problems = check_user_fields(user.email, role, country, user.id) | name_problems(name)
    if problems:
        raise OperationError(problems)
    old = _user_snapshot(user)
    user.name, user.role, user.country_code, user.language = name.strip(), role, country, language
    if role != "evaluator":
        user.evaluated_countries = []
    db.session.flush()
    audit.record(actor, "user.update", "user", user.id, old=old, new=_user_snapshot(user), country=country)
    return user


def set_active(actor: User, user: User, active: bool, reason: str | None = None) -> None:
    """Deactivate (signs the user out everywhere) or reactivate an account."""
    if actor is not None and actor.id == user.id and not active:
        raise OperationError(_l("You cannot deactivate your own account."))
    old = user.active
    user.active = active
    end_all_sessions(user)
    db.session.flush()
    audit.record(actor, "user.activate" if active else "user.deactivate", "user", user.id,
                 old={"active": old}, new={"active": active}, reason=reason, country=user.country_code)


def set_evaluator_countries(actor: User, user: User, codes: list[str]) -> None:
    """Replace the countries an evaluator is assigned to."""
    if user.role != "evaluator":
        raise OperationError({"countries": _l("Only evaluators are assigned countries.")})
    countries = db.session.scalars(db.select(Country).filter(Country.code.in_(codes))).all()
    unknown = sorted(set(codes) - {c.code for c in countries})
    if unknown:
        raise OperationError({"countries": _l("Unknown country codes: %(codes)s.", codes=", ".join(unknown))})
    old = sorted(c.code for c in user.evaluated_countries)
    user.evaluated_countries = list(countries)
    db.session.flush()
    audit.record(actor, "user.evaluator_countries", "user", user.id, old=old, new=sorted(codes))


def set_password(actor: User | None, user: User, password: str, keep: UserSession | None = None,
                 action: str = "user.password") -> None:
    """Change a password; every session of the user ends, but ``keep`` (the session of a user
    changing their own password). ``action``: the audit event (``user.password_reset`` when
    set through a forgotten-password link)."""
    if (problem := password_policy.problem(password, email=user.email, name=user.name)) is not None:
        raise OperationError({"password": problem})
    user.password_hash = passwords.hash_password(password)
    end_all_sessions(user, keep=keep)
    db.session.flush()
    audit.record(actor, action, "user", user.id, country=user.country_code)


def set_language(user: User, language: str | None) -> None:
    """Save the user's preferred UI language (a preference, not audited as a data change)."""
    user.language = language
    db.session.flush()


def logout_everywhere(user: User) -> None:
    """End every session of the user, on every device, this one included."""
    end_all_sessions(user)
    db.session.flush()
    audit.record(user, "user.logout_everywhere", "user", user.id, country=user.country_code)


def token_digest(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def create_token(actor: User, user: User, name: str) -> tuple[ApiToken, str]:
    """Create an API token; the plaintext is returned once and never stored."""
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name.strip() or "API token",
                     digest=token_digest(plaintext), prefix=plaintext[:10])
    db.session.add(token)
    db.session.flush()
    audit.record(actor, "token.create", "api_token", token.id, new={"user": user.id, "name": token.name})
    return token, plaintext


def revoke_token(actor: User, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        db.session.flush()
        audit.record(actor, "token.revoke", "api_token", token.id, old={"user": token.user_id})
