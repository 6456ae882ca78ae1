"""The functions expressions may call, each with its number of arguments.

Every function takes the values of its arguments (already evaluated and normalised, see
``scoring.expressions.values``) and the evaluation's ``today`` (ISO text, '' when the caller
gave no date). None raises: what XPath would turn into NaN reads as ''.

``regex()`` uses the ``regex`` package, whose matching can be stopped after a time limit (the
standard ``re`` cannot), and refuses patterns longer than ``MAX_PATTERN``; a pattern that does
not compile, or a match that runs out of time, is simply false.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache

from scoring.expressions import values as ev

MAX_PATTERN = 500  # characters of a regular expression
REGEX_SECONDS = 0.05  # time one regex() match may take
MAX_ROUND_DIGITS = 30


@dataclass(frozen=True)
class Function:
    """A function: its implementation and how many arguments it takes (``most`` None: any)."""

    run: Callable[[tuple, str], object]
    least: int
    most: int | None


def _if(args: tuple, today: str) -> object:
    return args[1] if ev.truth(args[0]) else args[2]


def _coalesce(args: tuple, today: str) -> object:
    return next((value for value in args if not ev.blank(value)), "")


def _number(args: tuple, today: str) -> object:
    found = ev.number(args[0])
    return "" if found is None else found


def _int(args: tuple, today: str) -> object:
    found = ev.number(args[0])
    return "" if found is None else found.to_integral_value(rounding=ROUND_DOWN)


def _round(args: tuple, today: str) -> object:
    found = ev.number(args[0])
    digits = ev.number(args[1]) if len(args) > 1 else Decimal(0)
    if found is None or digits is None or abs(digits) > MAX_ROUND_DIGITS:
        return ""
    try:
        return ev.finite(found.quantize(Decimal(1).scaleb(-int(digits)), rounding=ROUND_HALF_UP,
                                        context=ev.ARITHMETIC))
    except ArithmeticError:
        return ""


def _sum(args: tuple, today: str) -> object:
    total = Decimal(0)
    for value in args:
        for part in value if isinstance(value, tuple) else (value,):
            found = ev.number(part)
            total = ev.ARITHMETIC.add(total, found) if found is not None else total
    return ev.finite(total)


def _selected_at(args: tuple, today: str) -> object:
    index = ev.number(args[1])
    codes = ev.codes(args[0])
    if index is None or index != index.to_integral_value() or not 0 <= index < len(codes):
        return ""
    return codes[int(index)]


def _regex(args: tuple, today: str) -> bool:
    pattern = compiled(ev.as_text(args[1]))
    if pattern is None:
        return False
    try:
        return pattern.search(ev.as_text(args[0]), timeout=REGEX_SECONDS) is not None
    except (TimeoutError, RecursionError, MemoryError):
        return False


@lru_cache(maxsize=256)
def compiled(pattern: str):
    """The compiled pattern, or None when it is too long or does not compile."""
    import regex

    if len(pattern) > MAX_PATTERN:
        return None
    try:
        return regex.compile(pattern)
    except (regex.error, ValueError, TypeError, OverflowError, RecursionError):
        return None


def pattern_problem(pattern: str) -> str | None:
    """Why a literal pattern cannot be used (too long, does not compile), or None."""
    if len(pattern) > MAX_PATTERN:
        return f"the regular expression is longer than {MAX_PATTERN} characters"
    return None if compiled(pattern) is not None else "the regular expression does not compile"


def _text_function(test: Callable[[str, str], bool]) -> Function:
    return Function(lambda args, today: test(ev.as_text(args[0]), ev.as_text(args[1])), 2, 2)


FUNCTIONS: dict[str, Function] = {
    "if": Function(_if, 3, 3),
    "not": Function(lambda args, today: not ev.truth(args[0]), 1, 1),
    "true": Function(lambda args, today: True, 0, 0),
    "false": Function(lambda args, today: False, 0, 0),
    "string-length": Function(lambda args, today: Decimal(len(ev.as_text(args[0]))), 1, 1),
    "coalesce": Function(_coalesce, 2, None),
    "concat": Function(lambda args, today: "".join(ev.as_text(value) for value in args), 1, None),
    "contains": _text_function(lambda text, part: part in text),
    "starts-with": _text_function(lambda text, start: text.startswith(start)),
    "string": Function(lambda args, today: ev.as_text(args[0]), 1, 1),
    "number": Function(_number, 1, 1),
    "int": Function(_int, 1, 1),
    "round": Function(_round, 1, 2),
    "sum": Function(_sum, 1, None),
    "count": Function(lambda args, today: Decimal(sum(not ev.blank(value) for value in args)), 1, None),
    "count-selected": Function(lambda args, today: ev.count_selected(args[0]), 1, 1),
    "selected": Function(lambda args, today: ev.selected(args[0], args[1]), 2, 2),
    "selected-at": Function(_selected_at, 2, 2),
    "regex": Function(_regex, 2, 2),
    "today": Function(lambda args, today: today, 0, 0),
}
# Functions whose first argument must name an answer (${id} or .), as in XLSForm.
ANSWER_FUNCTIONS = frozenset({"selected", "count-selected", "selected-at"})
