"""Writes of two-step verification: turning it on, checking codes, new recovery codes, turning
it off, an administrator's reset. Each function mutates and flushes, never commits; each change
is audited in the same transaction. A wrong code or password is counted by the throttle and
answered with False or None (not an exception): the caller commits the count."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, or_, update

from mgf_assess.auth import throttle
from mgf_assess.auth.mfa import recovery, totp
from mgf_assess.auth.models import RecoveryCode, User
from mgf_assess.auth.passwords import verify_password
from mgf_assess.auth.sessions.operations import end_all_sessions
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.database import utcnow
from mgf_assess.extensions import db


def enable(user: User, secret: str, code: str) -> list[str]:
    """Turn two-step verification on with the secret the user's app was set up with, once a code
    from that app is right; return the recovery codes (shown once, stored as digests)."""
    if user.mfa_enabled:
        raise OperationError(_l("Two-step verification is already on for this account."))
    step = totp.matching_step(secret, code, utcnow())
    if step is None:
        raise OperationError({"code": _l("That code is not right. Type the 6-digit code your app shows "
                                         "now for mgf-assess; check that the phone's clock is right.")})
    return _turn_on(user, user, secret, step)


def enable_with_known_secret(actor: User | None, user: User, secret: str) -> list[str]:
    """Turn two-step verification on with a secret given by the caller (the demo accounts,
    whose secret is published); no code is used up."""
    if not totp.is_secret(secret):
        raise OperationError(_l("A secret is 32 characters of A-Z and 2-7 (base32)."))
    return _turn_on(actor, user, secret, None)


def _turn_on(actor: User | None, user: User, secret: str, step: int | None) -> list[str]:
    user.totp_secret, user.totp_enabled_at, user.totp_last_step = secret, utcnow(), step
    codes = _replace_recovery_codes(user)
    audit.record(actor, "user.mfa_enable", "user", user.id, new={"recovery_codes": len(codes)},
                 country=user.country_code)
    return codes


def _replace_recovery_codes(user: User) -> list[str]:
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = recovery.new_codes()
    db.session.add_all(RecoveryCode(user_id=user.id, digest=recovery.digest(code)) for code in codes)
    db.session.flush()
    return codes


def check_code(user: User, code: str, client: str | None) -> str | None:
    """How ``code`` confirms the user: "totp" (a code from the app, never accepted twice),
    "recovery" (a recovery code, used up) or None (wrong, reused or throttled: counted)."""
    keys = throttle.code_keys_for(user.id, client)
    if throttle.any_locked(keys):
        return None
    method = _accept_totp(user, code) or _accept_recovery_code(user, code)
    if method is None:
        throttle.count_failure(keys)
    else:
        throttle.forget(keys[0][0])
    db.session.flush()
    return method


def _accept_totp(user: User, code: str) -> str | None:
    """Accept a code of a time step later than the last one accepted; the conditional UPDATE
    makes two requests with the same code accept it once."""
    if user.totp_secret is None or not totp.looks_like_code(code):
        return None
    step = totp.matching_step(user.totp_secret, code, utcnow())
    if step is None:
        return None
    newer = or_(User.totp_last_step.is_(None), User.totp_last_step < step)
    result = db.session.execute(update(User).where(User.id == user.id, newer).values(totp_last_step=step))
    return "totp" if result.rowcount == 1 else None


def _accept_recovery_code(user: User, code: str) -> str | None:
    if recovery.normalise(code) is None:
        return None
    result = db.session.execute(delete(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.digest == recovery.digest(code)))
    if result.rowcount != 1:
        return None
    audit.record(user, "user.mfa_recovery_used", "user", user.id,
                 new={"recovery_codes_left": recovery_codes_left(user)}, country=user.country_code)
    return "recovery"


def recovery_codes_left(user: User) -> int:
    query = db.select(func.count(RecoveryCode.id)).where(RecoveryCode.user_id == user.id)
    return db.session.scalar(query)


def confirms_identity(user: User, proof: str, client: str | None) -> bool:
    """Whether ``proof`` (the user's password, or a code from the app) is right; throttled and
    counted like a second-factor code."""
    if totp.looks_like_code(proof):
        return check_code(user, proof, client) == "totp"
    keys = throttle.code_keys_for(user.id, client)
    if throttle.any_locked(keys) or not verify_password(user.password_hash, proof):
        throttle.count_failure(keys)
        db.session.flush()
        return False
    return True


def new_recovery_codes(user: User, proof: str, client: str | None) -> list[str] | None:
    """Replace the user's recovery codes, given their password or a code; None when refused."""
    if not user.mfa_enabled or not confirms_identity(user, proof, client):
        return None
    codes = _replace_recovery_codes(user)
    audit.record(user, "user.mfa_recovery_codes", "user", user.id, new={"recovery_codes": len(codes)},
                 country=user.country_code)
    return codes


def turn_off(user: User, proof: str, client: str | None) -> bool:
    """Turn the user's own two-step verification off, given their password or a code (the
    route checks that their role allows it); False when refused."""
    if not user.mfa_enabled or not confirms_identity(user, proof, client):
        return False
    _clear(user)
    audit.record(user, "user.mfa_disable", "user", user.id, country=user.country_code)
    return True


def reset(actor: User | None, user: User) -> None:
    """An administrator turns another user's two-step verification off (a lost phone): the
    secret and recovery codes are deleted and every session of the user ends. A user whose role
    requires it sets it up again at the next sign-in."""
    if actor is not None and actor.id == user.id:
        raise OperationError(_l("You cannot reset your own two-step verification: ask another "
                                "administrator, or use the command line (mgf users reset-mfa)."))
    if not user.mfa_enabled:
        raise OperationError(_l("%(email)s has no two-step verification to reset.", email=user.email))
    _clear(user)
    ended = end_all_sessions(user)
    audit.record(actor, "user.mfa_reset", "user", user.id, new={"sessions_ended": ended},
                 country=user.country_code)


def _clear(user: User) -> None:
    user.totp_secret, user.totp_enabled_at, user.totp_last_step = None, None, None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.flush()
