"""Helpers of the two-step verification tests: enrol a user with a known secret, make codes,
sign in with a code."""

from conftest import login

from mgf_assess.auth.mfa import operations, totp
from mgf_assess.auth.models import User
from mgf_assess.database import utcnow
from mgf_assess.extensions import db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def user_of(app, email) -> User:
    with app.app_context():
        return db.session.scalar(db.select(User).filter_by(email=email))


def enrol(app, email, secret=SECRET) -> list[str]:
    """Turn two-step verification on for the account; return its recovery codes."""
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        codes = operations.enable_with_known_secret(None, user, secret)
        db.session.commit()
        return codes


def code(secret=SECRET, steps=0) -> str:
    """The code of the current time step (or of one ``steps`` away)."""
    return totp.code_at(secret, totp.step_at(utcnow()) + steps)


def sign_in_with_code(client, email, second=None, **kwargs):
    """Password, then the code (the current one unless ``second`` is given); the last response."""
    first = login(client, email)
    assert first.status_code == 302 and "/login/code" in first.headers["Location"], first.headers
    return client.post("/login/code", data={"code": second or code()}, **kwargs)
