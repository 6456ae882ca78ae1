"""Language columns: ``label::English (en)``, ``label::fr``, ``label::French``, ``label::english``,
``label::Hausa`` all name an ISO 639 code, found through Babel's (CLDR's) language names.

Written columns are ``<Name> (<code>)``, the name in its own language, which ODK and
KoboToolbox show in their language menus. Babel is imported only when a name needs it.
"""

from __future__ import annotations

import re
from functools import cache

# Names written for the most common languages, each in its own language (kept stable, so
# that exported workbooks do not change with Babel's data).
LANGUAGE_NAMES = {
    "en": "English", "fr": "Français", "es": "Español", "ar": "العربية", "ru": "Русский",
    "zh": "中文", "pt": "Português", "de": "Deutsch", "it": "Italiano", "tr": "Türkçe",
}
_CODE_IN_NAME = re.compile(r"^(?P<name>.*?)\s*\((?P<code>[^()]+)\)\s*$")
_CODE = re.compile(r"^[a-z]{2,3}(?:_[a-z0-9]{2,8})*$")


def language_code(header: str) -> str | None:
    """The ISO 639 code a column's language part names, or None when nothing matches."""
    header = " ".join(header.split())
    match = _CODE_IN_NAME.match(header)
    if match:
        return normal_code(match.group("code")) or language_code(match.group("name"))
    key = header.lower()
    code = normal_code(header)
    if code is not None and code in english_names():
        return code
    return english_names_reversed().get(key) or own_names().get(key) or code


def normal_code(text: str) -> str | None:
    """``en-GB`` → ``en_gb``; None when the text does not look like a language code."""
    code = text.strip().lower().replace("-", "_")
    return code if _CODE.fullmatch(code) else None


def language_header(code: str) -> str:
    """The language part of a column name: ``English (en)``, ``Hausa (ha)``…"""
    return f"{own_name(code)} ({code})"


def own_name(code: str) -> str:
    """A language's name in that language (the code itself when Babel has none)."""
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).get_display_name(code) or code
    except (UnknownLocaleError, ValueError, TypeError):
        return english_names().get(code, code)


@cache
def english_names() -> dict[str, str]:
    """Code → English name of every language Babel knows."""
    from babel import Locale

    return {code.lower(): name for code, name in Locale("en").languages.items()}


@cache
def english_names_reversed() -> dict[str, str]:
    """English name (lower case) → code."""
    return {name.lower(): code for code, name in sorted(english_names().items(), reverse=True)}


@cache
def own_names() -> dict[str, str]:
    """Each language's name in its own language (lower case) → code: ``français`` → ``fr``.

    Built once, on the first column named that way (it reads every locale Babel has).
    """
    from babel import Locale
    from babel.localedata import locale_identifiers

    found = {name.lower(): code for code, name in LANGUAGE_NAMES.items()}
    for identifier in sorted(locale_identifiers()):
        if "_" in identifier:
            continue
        try:
            name = Locale.parse(identifier).get_display_name(identifier)
        except (ValueError, TypeError):
            continue
        if name:
            found.setdefault(name.lower(), identifier.lower())
    return found
