"""One timed HTTP request of a simulated user, recorded in the ledger whatever happens."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import requests

from soak.ledger import FAILED, OK, Call, Ledger

TIMEOUT = (5, 60)  # seconds to connect, seconds to wait for the response
CSRF_FIELD = re.compile(r'<input[^>]*name="csrf_token"[^>]*>')
VALUE = re.compile(r'value="([^"]*)"')


def csrf_token(html: str) -> str:
    """The value of the page's first hidden ``csrf_token`` field ("" when there is none)."""
    field = CSRF_FIELD.search(html)
    found = VALUE.search(field.group(0)) if field else None
    return found.group(1) if found else ""


class Client:
    """Requests to one server, timed and recorded: each call is ok, handled or failed."""

    def __init__(self, base: str, ledger: Ledger):
        self.base, self.ledger = base, ledger

    def call(self, kind: str, session: requests.Session, method: str, path: str, outcomes: dict[int, str],
             valid: Callable[[requests.Response], bool] | None = None, **options):
        """Send the request; record it with the outcome ``outcomes`` gives its status (failed
        for any other status, an invalid body or no response). Returns (outcome, response)."""
        started = time.monotonic()
        try:
            response = session.request(method, self.base + path, timeout=TIMEOUT, allow_redirects=False, **options)
        except requests.RequestException as error:
            self.ledger.add(Call(kind, started, time.monotonic(), None, FAILED, type(error).__name__))
            return FAILED, None
        ended = time.monotonic()
        outcome = outcomes.get(response.status_code, FAILED)
        if outcome == OK and valid is not None and not valid(response):
            outcome = FAILED
        detail = "" if outcome != FAILED else f"{method} {path}: {response.text[:200]}"
        self.ledger.add(Call(kind, started, ended, response.status_code, outcome, detail))
        return outcome, response
