"""Time-based one-time codes (RFC 6238, as authenticator apps make them) and their QR code."""

from __future__ import annotations

import hmac
import re
from datetime import datetime

import pyotp
import segno

DIGITS = 6
INTERVAL_SECONDS = 30
# Codes of this many time steps before or after the current one are accepted too (a phone's
# clock a little off, a code typed as it changes).
VALID_WINDOW = 1
ISSUER = "mgf-assess"
_CODE = re.compile(rf"\d{{{DIGITS}}}")


def new_secret() -> str:
    """A random secret of 160 bits, in base32 (32 characters), as RFC 4226 recommends."""
    return pyotp.random_base32(32)


def is_secret(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z2-7]{32}", text or ""))


def looks_like_code(text: str) -> bool:
    return bool(_CODE.fullmatch(normalise(text)))


def normalise(text: str) -> str:
    """A typed code without the spaces and dashes people add ("123 456")."""
    return re.sub(r"[\s-]", "", text or "")


def step_at(now: datetime) -> int:
    return int(now.timestamp()) // INTERVAL_SECONDS


def code_at(secret: str, step: int) -> str:
    return pyotp.TOTP(secret, digits=DIGITS, interval=INTERVAL_SECONDS).generate_otp(step)


def matching_step(secret: str, code: str, now: datetime) -> int | None:
    """The time step whose code ``code`` is, within the accepted window around ``now``, or None."""
    code, current = normalise(code), step_at(now)
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if hmac.compare_digest(code_at(secret, step), code):
            return step
    return None


def provisioning_uri(secret: str, email: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=INTERVAL_SECONDS).provisioning_uri(
        name=email, issuer_name=ISSUER)


def qr_data_uri(uri: str) -> str:
    """The QR code of ``uri`` as an SVG data: address for an <img> (the Content-Security-Policy
    allows data: images, and an image needs no inline style)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def grouped(secret: str) -> str:
    """The secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[index:index + 4] for index in range(0, len(secret), 4))
