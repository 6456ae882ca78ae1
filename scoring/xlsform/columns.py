"""The XLSForm layout both directions share: sheet names, our column prefix, language names.

The standard sheets ``survey``, ``choices`` and ``settings`` let ODK Collect, Enketo and
KoboToolbox open a workbook. What XLSForm has no column for (weights, scoring rules, option
scores, recommendations, bands…) travels in ``gov::<key>`` columns of the survey and settings
sheets, which pyxform ignores; option scores go in the question's ``gov::option_scores``, as
pyxform fails on a ``gov::`` column of the choices sheet. KoboToolbox takes any ``name::x``
column for a translation, so it may list our keys as extra "languages"; the form still works
and our data survives. Reading also accepts the older ``gov_<key>`` columns (and a choices
``gov_score``). ``questionnaires/XLSFORM.md`` lists every column.
"""

from __future__ import annotations

import re

SURVEY, CHOICES, SETTINGS = "survey", "choices", "settings"
NAMESPACE = "gov"
PREFIX = NAMESPACE + "::"  # gov::weight, gov::unit::English (en)…
LEGACY_PREFIX = "gov_"  # gov_weight…, in workbooks exported before; read as gov::weight
PERCENT_CONSTRAINT = ". >= 0 and . <= 100"

# Language names shown by ODK and KoboToolbox, each in its own language; any other code is
# written as "xx (xx)".
LANGUAGE_NAMES = {
    "en": "English", "fr": "Français", "es": "Español", "ar": "العربية", "ru": "Русский",
    "zh": "中文", "pt": "Português", "de": "Deutsch", "it": "Italiano", "tr": "Türkçe",
}
_CODE_IN_NAME = re.compile(r"^(?P<name>.*?)\s*\((?P<code>[^()]+)\)\s*$")


def language_code(header: str) -> str | None:
    """The code in ``English (en)``; a bare known name or code also works; else None."""
    header = header.strip()
    match = _CODE_IN_NAME.match(header)
    if match:
        return match.group("code").strip()
    by_name = {name.lower(): code for code, name in LANGUAGE_NAMES.items()}
    if header.lower() in by_name:
        return by_name[header.lower()]
    return header if re.fullmatch(r"[a-z0-9_]+", header) else None


def language_header(code: str) -> str:
    """The language part of a column name: ``English (en)``, as XLSForm tools expect."""
    return f"{LANGUAGE_NAMES.get(code, code)} ({code})"
