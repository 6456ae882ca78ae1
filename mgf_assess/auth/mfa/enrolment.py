"""The set-up form carries the new secret it shows, signed and bound to the user: nothing is
stored before the first code from the app proves it was set up, and a reload shows a new one."""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from mgf_assess.auth.mfa import totp

SALT = "mgf-assess two-step set-up"
# A set-up form older than this is refused (the person is asked to scan a new code).
MAX_AGE_SECONDS = 3600


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def seal(user_id: int, secret: str) -> str:
    """The signed form field holding the secret being set up for the user."""
    return _serializer().dumps({"user": user_id, "secret": secret})


def unseal(user_id: int, sealed: str | None) -> str | None:
    """The secret of a set-up form of this user, if its signature holds and it is recent."""
    try:
        content = _serializer().loads(sealed or "", max_age=MAX_AGE_SECONDS)
    except BadSignature:  # also SignatureExpired
        return None
    secret = content.get("secret") if isinstance(content, dict) and content.get("user") == user_id else None
    return secret if totp.is_secret(secret) else None
