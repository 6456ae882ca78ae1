"""Numbers, shares and dates in a report's language (Babel/CLDR), usable without a request.

A report has its own language, which may differ from the interface language (an official
reading the interface in French may download the Arabic report), so these helpers take the
language explicitly instead of asking Flask-Babel for the current locale. The web page, the
spreadsheet, the standalone HTML document and the PDF all format through them, so the same
number reads the same everywhere.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

SCORE_PATTERN = "#,##0.00"  # scores are reported to two decimals (scoring contract, DESIGN §4)
EMPTY = "—"
# The same few thousand numbers recur all through a comparison of many countries, and Babel
# parses the locale and the pattern on every call: texts are kept per number (as written,
# since "1.5" and "1.50" read differently) and language.
CACHE_SIZE = 65536


def _decimal(value) -> Decimal | None:
    """``value`` as a Decimal, or None when it is missing or not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def score_text(value, language: str) -> str:
    """A 0–100 score with two decimals in the language's digits and separators."""
    number = _decimal(value)
    return EMPTY if number is None else _formatted(str(number), language, "score")


def number_text(value, language: str) -> str:
    """Any other number (an answer, a weight), with as many decimals as it has."""
    number = _decimal(value)
    if number is None:
        return EMPTY if value is None else str(value)
    return _formatted(str(number), language, "number")


def share_text(value, language: str) -> str:
    """A 0–1 share (completeness, confidence) as a percentage in the language's pattern.

    Quantization is off so a share kept to four decimals (0.6667) reads 66.67 %, not 67 %.
    """
    number = _decimal(value)
    return EMPTY if number is None else _formatted(str(number), language, "share")


@lru_cache(maxsize=CACHE_SIZE)
def _formatted(number: str, language: str, kind: str) -> str:
    value = Decimal(number)
    if kind == "score":
        return format_decimal(value, format=SCORE_PATTERN, locale=language)
    if kind == "share":
        return format_percent(value, locale=language, decimal_quantization=False)
    return format_decimal(value, locale=language, decimal_quantization=False)


def date_text(value, language: str, width: str = "long") -> str:
    """A date (or a datetime, or ISO text) as a date in the language; datetimes are UTC."""
    day = _as_date(value)
    return EMPTY if day is None else format_date(day, width, locale=language)


def datetime_text(value: datetime.datetime | None, language: str) -> str:
    """A UTC moment with date and time, e.g. for "built on"."""
    if value is None:
        return EMPTY
    return format_datetime(value, "medium", tzinfo=datetime.UTC, locale=language)


def _as_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def formatters(language: str) -> dict:
    """Template helpers bound to one language: ``score``, ``number``, ``share``, ``date``, ``moment``."""
    return {
        "score": lambda value: score_text(value, language),
        "number": lambda value: number_text(value, language),
        "share": lambda value: share_text(value, language),
        "date": lambda value, width="long": date_text(value, language, width),
        "moment": lambda value: datetime_text(value, language),
    }
