"""The grown expression language: arithmetic, functions, '.', today(), regex() bounds, and the
properties that hold for any input (parses or raises ExpressionError; evaluation never raises)."""

import datetime
import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.expressions.functions import FUNCTIONS, MAX_PATTERN
from scoring.expressions.parser import Expression, ExpressionError, parse


def value(text, current=None, today=None, **values):
    """What the expression evaluates to (its root's value), for checking functions."""
    from scoring.expressions.tree import Env

    return parse(text).root.value(Env(values, current, today.isoformat() if today else ""))


@pytest.mark.parametrize(("text", "expected"), [
    ("1 + 2 * 3", Decimal(7)), ("(1 + 2) * 3", Decimal(9)), ("7 div 2", Decimal("3.5")), ("7 mod 3", Decimal(1)),
    ("-7 mod 3", Decimal(-1)), ("10 - 2 - 3", Decimal(5)), ("- (2 + 3)", Decimal(-5)), ("1 div 0", ""),
    ("${x} + 1", ""), ("'a' * 2", ""), ("9" * 40 + " * " + "9" * 40, Decimal("9" * 40) * Decimal("9" * 40)),
])
def test_arithmetic(text, expected):
    found = value(text)
    assert found == expected if expected == "" else abs(found - expected) <= abs(expected) * Decimal("1e-30")


def test_arithmetic_on_answers_and_precedence_with_comparisons():
    assert parse("${a} + ${b} > 10").evaluate({"a": 4, "b": 7}) is True
    assert parse("${a} * 2 = ${b}").evaluate({"a": Decimal("2.5"), "b": 5}) is True
    assert parse("${a} + 1 > 0").evaluate({}) is False  # '' + 1 is no number


@pytest.mark.parametrize(("text", "expected"), [
    ("if(1 = 1, 'a', 'b')", "a"), ("if(${x}, 'a', 'b')", "b"), ("not(1 = 2)", True),
    ("true()", True), ("false()", False),
    ("string-length('abc')", Decimal(3)), ("string-length(${x})", Decimal(0)),
    ("coalesce(${x}, 'b')", "b"), ("coalesce('a', 'b')", "a"), ("concat('a', 1, 'b')", "a1b"),
    ("contains('migration', 'grat')", True), ("starts-with('migration', 'mig')", True),
    ("starts-with('migration', 'grat')", False), ("string(10.50)", "10.5"), ("string(${x})", ""),
    ("number('12')", Decimal(12)), ("number('x')", ""), ("int(3.9)", Decimal(3)), ("int(-3.9)", Decimal(-3)),
    ("round(2.5)", Decimal(3)), ("round(3.14159, 2)", Decimal("3.14")), ("round('x')", ""),
    ("sum(1, 2, ${x})", Decimal(3)), ("count(1, ${x}, 'a')", Decimal(2)),
    ("regex('ABC', '^[A-Z]{3}$')", True), ("regex('AB1', '^[A-Z]{3}$')", False), ("today()", ""),
])
def test_functions(text, expected):
    assert value(text) == expected


def test_functions_on_selections():
    assert value("count-selected(${m})", m=["a", "b"]) == 2
    assert value("selected-at(${m}, 1)", m=["a", "b"]) == "b"
    assert value("selected-at(${m}, 5)", m=["a", "b"]) == ""
    assert value("selected(${m}, 'a')", m=["a", "b"]) is True
    assert value("sum(${m})", m=["1", "2"]) == 3


def test_current_answer_and_today():
    day = datetime.date(2026, 3, 31)
    assert parse(". <= today()").evaluate({}, current="2026-03-01", today=day) is True
    assert parse(". <= today()").evaluate({}, current="2026-04-01", today=day) is False
    assert parse(". <= today()").evaluate({}, current="2026-03-01", today="2026-03-31") is True
    assert value("today()", today=day) == "2026-03-31"
    assert parse("selected(., 'a')").evaluate({}, current=("a", "b")) is True
    assert parse(". >= 0 and . <= 10").evaluate({}, current=Decimal(4)) is True


def test_blank_comparisons_as_xlsform_writes_them():
    assert parse("${x} != ''").evaluate({"x": "a"}) is True
    assert parse("${x} != ''").evaluate({}) is False


def test_references_use_xlsform_names_and_uses_current_is_known():
    expression = parse("${Q1_HH_size} > 2 and ${age-group} = 'a' and ${v.2} = 1 and selected(., 'x')")
    assert expression.references == {"Q1_HH_size", "age-group", "v.2"}
    assert expression.uses_current and expression.selections == {(".", "x")}


@pytest.mark.parametrize("text", ["foo(1)", "pulldata('a', 'b')", "jr:choice-name(${a}, 'a')", "round(1, 2, 3)",
                                  "if(1, 2)", "today(1)", "regex('a', '[')", f"regex('a', '{'a' * (MAX_PATTERN + 1)}')",
                                  "1 +", "* 2", "div 2", "(1", "concat()"])
def test_what_does_not_parse_raises_our_error(text):
    with pytest.raises(ExpressionError):
        parse(text)


def test_a_runaway_regex_is_stopped():
    start = time.perf_counter()
    assert parse("regex(${t}, '^(a+)+$')").evaluate({"t": "a" * 5000 + "!"}) is False
    assert time.perf_counter() - start < 2


def test_a_pattern_from_an_answer_that_does_not_compile_is_false():
    assert parse("regex('a', ${p})").evaluate({"p": "["}) is False


# ---------------------------------------------------------------- properties

WORDS = [*(f"{name}(" for name in FUNCTIONS), "${a}", "${b}", ".", "'x'", "'2026-01-01'", "1", "2.5", "0", "-",
         "+", "*", "div", "mod", "=", "!=", "<", "<=", ">", ">=", "and", "or", "(", ")", ",", "'^a+$'", " "]
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8),
    st.decimals(allow_nan=True, allow_infinity=True), st.lists(st.text(max_size=3), max_size=3),
    st.dates().map(lambda day: day.isoformat()),
)


def parsed(text):
    try:
        return parse(text)
    except ExpressionError:
        return None


@settings(max_examples=700, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.dictionaries(st.sampled_from("ab"), VALUES), VALUES,
       st.one_of(st.none(), st.dates()))
def test_any_sequence_of_words_parses_or_raises_and_evaluates_without_raising(words, values, current, today):
    expression = parsed(" ".join(words))
    if expression is not None:
        assert isinstance(expression, Expression)
        assert expression.evaluate(values, current=current, today=today) in (True, False)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(FUNCTIONS)), st.lists(VALUES, max_size=4))
def test_every_function_takes_any_values_without_raising(name, arguments):
    from scoring.expressions import values as ev

    function = FUNCTIONS[name]
    normal = tuple(ev.normalise(argument) for argument in arguments)
    if len(normal) >= function.least and (function.most is None or len(normal) <= function.most):
        function.run(normal, "2026-01-01")
