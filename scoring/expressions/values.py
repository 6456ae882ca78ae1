"""Values inside expressions and the operators that act on them.

Answer values are normalised to these kinds before any operator sees them:

* ``''`` – unanswered, not applicable, unknown, not relevant, an id that is absent, and the
  result of arithmetic that has no number (XPath's NaN);
* ``str`` – option codes, ``'yes'``/``'no'``, ISO dates, free text;
* ``Decimal`` – finite numbers (``int``, ``float`` and ``Decimal`` answers);
* ``tuple[str, ...]`` – the selected codes of a multi_choice question;
* ``bool`` – results of comparisons and functions (a boolean *answer* reads as
  ``'yes'``/``'no'``, since YAML turns an unquoted yes into ``True``).

Comparisons are numeric when both sides are numbers or numeric strings, and otherwise
compare strings (ISO dates therefore order correctly). ``''`` against a number is
neither equal, smaller nor greater: ``=``, ``<``, ``<=``, ``>``, ``>=`` are false and
``!=`` is true, so an unanswered number never satisfies a numeric condition.
Arithmetic on something that is not a number gives ``''``, and so do a division by zero and
a result too large to be finite. No function here raises, whatever the answers contain.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping
from decimal import Context, Decimal

_NUMERIC = re.compile(r"[ \t]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[ \t]*", re.ASCII)
_OPERATORS = {
    "=": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
# Arithmetic never traps: an overflow or a division by zero gives a non-finite result, read as ''.
ARITHMETIC = Context(prec=34, Emax=999_999, Emin=-999_999, traps=[])
_ARITHMETIC = {
    "+": ARITHMETIC.add,
    "-": ARITHMETIC.subtract,
    "*": ARITHMETIC.multiply,
    "div": ARITHMETIC.divide,
    "mod": ARITHMETIC.remainder,
}


def lookup(values: Mapping[str, object], question_id: str) -> object:
    """The normalised value of ``question_id``; '' when absent or unreadable."""
    try:
        raw = values.get(question_id, "")
    except Exception:  # a foreign mapping must not break evaluation
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
    try:
        number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    except (ValueError, ArithmeticError):  # an int too long to convert
        return ""
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
    if isinstance(value, str) and len(value) <= 1000 and _NUMERIC.fullmatch(value):
        return Decimal(value.strip(" \t"))
    return None


def finite(value: Decimal) -> object:
    """``value`` when finite, else '' (an overflow or a division by zero)."""
    return value if value.is_finite() else ""


def arithmetic(symbol: str, left: object, right: object) -> object:
    """``left SYMBOL right`` for + - * div mod; '' unless both sides are numbers."""
    left_number, right_number = number(left), number(right)
    if left_number is None or right_number is None:
        return ""
    if symbol in ("div", "mod") and right_number.is_zero():
        return ""
    return finite(_ARITHMETIC[symbol](left_number, right_number))


def negate(value: object) -> object:
    """``-value``; '' when it is not a number."""
    found = number(value)
    return "" if found is None else ARITHMETIC.minus(found)


def compare(symbol: str, left: object, right: object) -> bool:
    """Apply comparison ``symbol`` with the rules of the module docstring."""
    test = _OPERATORS[symbol]
    left_number, right_number = number(left), number(right)
    if left_number is not None and right_number is not None:
        return test(left_number, right_number)
    if _blank_against_number(left, right_number) or _blank_against_number(right, left_number):
        return symbol == "!="
    return test(as_text(left), as_text(right))


def _blank_against_number(value: object, other: Decimal | None) -> bool:
    return value == "" and other is not None


def as_text(value: object) -> str:
    """The text of a value: a multiple selection as space-separated codes (as XLSForm stores
    it), booleans as true/false, numbers without exponent or trailing zeros."""
    if isinstance(value, tuple):
        return " ".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return number_text(value)
    return str(value)


def number_text(value: Decimal) -> str:
    """``10`` for 10.0, ``2.5`` for 2.50; a huge exponent keeps its scientific form."""
    if abs(value.adjusted()) > 40:
        return str(value)
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def blank(value: object) -> bool:
    """True for the empty string and an empty selection."""
    return value == "" or value == ()


def codes(value: object) -> tuple[str, ...]:
    """The selected codes: a selection as it is, a single value split on spaces, '' as none."""
    if isinstance(value, tuple):
        return value
    return tuple(as_text(value).split())


def selected(value: object, code: object) -> bool:
    """True when ``code`` is among the selected codes (equality for a single value)."""
    wanted = as_text(code)
    if isinstance(value, tuple):
        return wanted in value
    return value != "" and as_text(value) == wanted


def count_selected(value: object) -> Decimal:
    """The number of selected codes: 0 for '', 1 for a single value."""
    if isinstance(value, tuple):
        return Decimal(len(value))
    return Decimal(0 if value == "" else 1)
