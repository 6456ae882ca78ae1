"""HTTP security headers on every response."""

from __future__ import annotations

from flask import Flask, Response, current_app

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])


SECURITY_HEADERS = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
)


# Sent only when cookies are Secure, i.e. the site is served over https: browsers then refuse
# plain http to it for a year, so a session cookie can never travel unencrypted.
STRICT_TRANSPORT_SECURITY = ("Strict-Transport-Security", "max-age=31536000; includeSubDomains")


def add_security_headers(response: Response) -> Response:
    """Add each security header the response does not set itself (one pass over its headers:
    Werkzeug answers a lookup of a missing header by raising and catching an exception)."""
    present = {name.lower() for name, _value in response.headers}
    wanted = SECURITY_HEADERS
    if current_app.config.get("SESSION_COOKIE_SECURE"):
        wanted = (*wanted, STRICT_TRANSPORT_SECURITY)
    for name, value in wanted:
        if name.lower() not in present:
            response.headers.add(name, value)
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)
