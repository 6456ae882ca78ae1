"""Cookie sessions for browsers, none for API calls authenticated with a bearer token.

A token-authenticated call is complete in itself: it never reads or writes the signed session
cookie (no cookie parsing and signing on every call, no ``Set-Cookie``, no ``Vary: Cookie``).
Its session is empty and refuses writes with a message saying why.
"""

from __future__ import annotations

from flask import Flask, Request
from flask.sessions import NullSession, SecureCookieSessionInterface

API_PREFIX = "/api/"


def bearer_token(request: Request) -> str | None:
    """The token of an API call that sends ``Authorization: Bearer <token>``, else None."""
    header = request.headers.get("Authorization", "")
    if not request.path.startswith(API_PREFIX) or not header.startswith("Bearer "):
        return None
    return header.removeprefix("Bearer ").strip()


class TokenCallSession(NullSession):
    """The empty session of a token-authenticated API call."""

    def _fail(self, *args, **kwargs):
        raise RuntimeError("API calls authenticated with a bearer token have no session: "
                           "keep per-call state in flask.g, not in flask.session.")

    __setitem__ = __delitem__ = clear = pop = popitem = update = setdefault = _fail  # type: ignore[assignment]


class SessionInterface(SecureCookieSessionInterface):
    """The signed-cookie session, except for token-authenticated API calls."""

    def open_session(self, app: Flask, request: Request):
        if bearer_token(request) is not None:
            return TokenCallSession()
        return super().open_session(app, request)
