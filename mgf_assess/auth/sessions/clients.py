"""Naming the browser and system a session signed in from, for the list of sessions."""

from __future__ import annotations

from typing import NamedTuple

# (marker in the User-Agent header, name), the first match wins: Edge and Opera also say
# "Chrome/", Chrome also says "Safari/", Android also says "Linux".
BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chromium/", "Chromium"),
            ("Chrome/", "Chrome"), ("Safari/", "Safari"))
SYSTEMS = (("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"),
           ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"))


class Client(NamedTuple):
    browser: str | None
    system: str | None


def describe(user_agent: str | None) -> Client:
    """The browser and system named in a User-Agent header (None where unrecognised)."""
    text = user_agent or ""
    return Client(_first(BROWSERS, text), _first(SYSTEMS, text))


def _first(markers: tuple[tuple[str, str], ...], text: str) -> str | None:
    return next((name for marker, name in markers if marker in text), None)
