"""Turning one raw answer value into the typed value of its question.

Accepted input per question type (anything else is a ``wrong_type`` problem):

* ``yes_no`` – ``"yes"``/``"no"`` or a boolean (YAML reads an unquoted yes as ``True``);
* ``single_choice`` – an option code (a boolean reads as ``yes``/``no`` when those codes exist);
* ``multi_choice`` – a list of distinct option codes, stored in the definition's option order;
* ``number`` – a finite number, or a string holding one, within the question's ``min`` and
  ``max`` and never beyond ±10¹⁵;
* ``percent`` – the same, between 0 and 100 (narrowed by ``min``/``max``);
* ``text`` – a non-blank string of at most ``MAX_TEXT`` characters;
* ``date`` – an ISO date ``YYYY-MM-DD`` (or a date object, as YAML produces);
* ``note`` – nothing: a note is only shown.

Numbers become ``Decimal``; floats go through ``repr`` so ``0.1`` stays ``0.1``.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from scoring.definition.model import Question
from scoring.problems.catalog import Catalog
from scoring.problems.problem import Problem

MAX_TEXT = 10_000  # characters of a text answer or a justification
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


class CoercionError(ValueError):
    """A raw value that does not fit its question: the catalog entry and its values."""

    def __init__(self, entry: Catalog, **values: object) -> None:
        super().__init__(entry.message(**values))
        self.entry = entry
        self.values = values

    def at(self, location: str, question: str) -> Problem:
        """The problem of this value at ``location`` in an answers document."""
        return self.entry.at(location, question=question, **self.values)


def coerce_value(question: Question, raw: object) -> object:
    """The typed value of ``raw`` for ``question``; raise CoercionError when it does not fit."""
    return _COERCERS[question.type](question, raw)


def to_decimal(raw: object) -> Decimal | None:
    """A finite Decimal from a number or numeric string, or None when ``raw`` is not one."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, float):
        raw = repr(raw)
    if isinstance(raw, str):
        raw = raw.strip()
    if not isinstance(raw, int | str | Decimal):
        return None
    try:
        number = Decimal(raw)
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _yes_no(question: Question, raw: object) -> str:
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if raw in ("yes", "no"):
        return raw
    raise CoercionError(Catalog.WRONG_TYPE__YES_NO, shown=_show(raw))


def _code(question: Question, raw: object) -> str:
    if isinstance(raw, bool):
        # YAML 1.1 reads an unquoted yes/no option code as a boolean.
        raw = "yes" if raw else "no"
    if not isinstance(raw, str):
        raise CoercionError(Catalog.WRONG_TYPE__OPTION, shown=_show(raw))
    if raw not in question.option_map:
        raise CoercionError(Catalog.UNKNOWN_OPTION, code=raw, options=", ".join(question.option_map))
    return raw


def _single(question: Question, raw: object) -> str:
    return _code(question, raw)


def _multi(question: Question, raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list | tuple):
        raise CoercionError(Catalog.WRONG_TYPE__OPTIONS, shown=_show(raw))
    codes = [_code(question, item) for item in raw]
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise CoercionError(Catalog.DUPLICATE_OPTION, codes=", ".join(repeated))
    chosen = set(codes)
    return tuple(code for code in question.option_map if code in chosen)


def _number(question: Question, raw: object) -> Decimal:
    number = to_decimal(raw)
    if number is None:
        raise CoercionError(Catalog.WRONG_TYPE__NUMBER, shown=_show(raw))
    low, high = question.value_range
    if not low <= number <= high:
        raise CoercionError(_range_entry(question), number=_show_number(number), low=low, high=high)
    return number


def _range_entry(question: Question) -> Catalog:
    return Catalog.OUT_OF_RANGE if question.type == "percent" else Catalog.OUT_OF_RANGE__NUMBER


def _show_number(number: Decimal) -> str:
    text = str(number)
    return text if len(text) <= 24 else f"{number:.3E}"


def _text(question: Question, raw: object) -> str:
    if not isinstance(raw, str):
        raise CoercionError(Catalog.WRONG_TYPE__TEXT, shown=_show(raw))
    if not raw.strip():
        raise CoercionError(Catalog.VALUE_REQUIRED__TEXT)
    if len(raw) > MAX_TEXT:
        raise CoercionError(Catalog.TOO_LONG, limit=f"{MAX_TEXT:,}", length=f"{len(raw):,}")
    return raw


def _date(question: Question, raw: object) -> str:
    if isinstance(raw, datetime.date) and not isinstance(raw, datetime.datetime):
        return raw.isoformat()
    if not isinstance(raw, str) or not _DATE.fullmatch(raw):
        raise CoercionError(Catalog.WRONG_TYPE__DATE, shown=_show(raw))
    try:
        datetime.date.fromisoformat(raw)
    except ValueError:
        raise CoercionError(Catalog.INVALID_DATE, date=raw) from None
    return raw


def _note(question: Question, raw: object) -> None:
    raise CoercionError(Catalog.NOT_ANSWERABLE)


def _show(raw: object) -> str:
    text = repr(raw)
    kind = type(raw).__name__
    return f"{kind} {text}" if len(text) <= 60 else f"{kind} {text[:57]}..."


_COERCERS = {
    "yes_no": _yes_no,
    "single_choice": _single,
    "multi_choice": _multi,
    "number": _number,
    "percent": _number,  # the same, within its own range
    "text": _text,
    "date": _date,
    "note": _note,
}
