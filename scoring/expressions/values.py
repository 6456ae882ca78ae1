"""Values inside relevance expressions and the operators that act on them.

Answer values are normalised to these kinds before any operator sees them:

* ``''`` – unanswered, not applicable, unknown, not relevant, or an id that is absent;
* ``str`` – option codes, ``'yes'``/``'no'``, ISO dates, free text;
* ``Decimal`` – finite numbers (``int``, ``float`` and ``Decimal`` answers);
* ``tuple[str, ...]`` – the selected codes of a multi_choice question;
* ``bool`` – results of comparisons and functions (a boolean *answer* reads as
  ``'yes'``/``'no'``, since YAML turns an unquoted yes into ``True``).

Comparisons are numeric when both sides are numbers or numeric strings, and otherwise
compare strings (ISO dates therefore order correctly). ``''`` against a number is
neither equal, smaller nor greater: ``=``, ``<``, ``<=``, ``>``, ``>=`` are false and
``!=`` is true, so an unanswered number never satisfies a numeric condition.
No function here raises, whatever the answers contain.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping
from decimal import Decimal

_NUMERIC = re.compile(r"[ \t]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[ \t]*", re.ASCII)
_OPERATORS = {
    "=": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def lookup(values: Mapping[str, object], question_id: str) -> object:
    """The normalised value of ``question_id``; '' when absent or unreadable."""
    try:
        raw = values.get(question_id, "")
    except Exception:  # a foreign mapping must not break relevance evaluation
        return ""
    return normalise(raw)


def normalise(raw: object) -> object:
    """Map any answer value onto one of the kinds listed in the module docstring."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        # YAML reads an unquoted yes/no as a boolean; expressions compare 'yes'/'no'.
        return "yes" if raw else "no"
    if isinstance(raw, str):
        return raw
    if isinstance(raw, int | float | Decimal):
        return _finite_decimal(raw)
    if isinstance(raw, list | tuple | set | frozenset):
        return tuple(sorted(_text(item) for item in raw))
    return _text(raw)


def _finite_decimal(raw: int | float | Decimal) -> object:
    # Floats go through repr so 0.1 reads as 0.1, not its binary expansion; ints stay exact.
    number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    return number if number.is_finite() else ""


def _text(raw: object) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return str(raw)
    except Exception:  # an object whose __str__ fails reads as unanswered
        return ""


def truth(value: object) -> bool:
    """XPath-style truth: non-empty strings and tuples, non-zero numbers."""
    if isinstance(value, Decimal):
        return not value.is_zero()
    return bool(value)


def number(value: object) -> Decimal | None:
    """The numeric reading of ``value``, or None when it is not a number."""
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str) and _NUMERIC.fullmatch(value):
        return Decimal(value.strip(" \t"))
    return None


def compare(symbol: str, left: object, right: object) -> bool:
    """Apply comparison ``symbol`` with the rules of the module docstring."""
    test = _OPERATORS[symbol]
    left_number, right_number = number(left), number(right)
    if left_number is not None and right_number is not None:
        return test(left_number, right_number)
    if _blank_against_number(left, right_number) or _blank_against_number(right, left_number):
        return symbol == "!="
    return test(_as_text(left), _as_text(right))


def _blank_against_number(value: object, other: Decimal | None) -> bool:
    return value == "" and other is not None


def _as_text(value: object) -> str:
    # XLSForm stores a multiple selection as space-separated codes.
    if isinstance(value, tuple):
        return " ".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def selected(value: object, code: str) -> bool:
    """True when ``code`` is among the selected codes (equality for a single value)."""
    if isinstance(value, tuple):
        return code in value
    return value != "" and _as_text(value) == code


def count_selected(value: object) -> Decimal:
    """The number of selected codes: 0 for '', 1 for a single value."""
    if isinstance(value, tuple):
        return Decimal(len(value))
    return Decimal(0 if value == "" else 1)
