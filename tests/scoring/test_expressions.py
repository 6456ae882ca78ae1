"""Relevance expressions: parsing, evaluation semantics, and robustness on hostile input."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.expressions.parser import MAX_DEPTH, Expression, ExpressionError, parse


def holds(text, **values):
    return parse(text).evaluate(values)


# ---------------------------------------------------------------- parsing


def test_references_and_selections_are_collected():
    expression = parse("${a} = 'x' and (selected(${b}, 'c') or count-selected(${d}) > 1)")
    assert expression.references == frozenset({"a", "b", "d"})
    assert expression.selections == frozenset({("b", "c")})
    assert expression.text == str(expression)


def test_parse_is_cached():
    assert parse("${a} = 1") is parse("${a} = 1")


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("", 0),
        ("${a} =", 6),
        ("${A B} = 1", 0),
        ("'open", 0),
        ("yes = 1", 0),
        ("1 < 2 < 3", 6),
        ("not 1", 4),
        ("selected(1, 'a')", 9),
        ("selected(${a}, b)", 15),
        ("selected(${a} 'b')", 14),
        ("count-selected('a')", 15),
        ("${a} = 1)", 8),
        ("(${a} = 1", 9),
        ("${a} # 1", 5),
        ("and ${a}", 0),
        ("${a} = 1 and", 12),
        ("${a", 0),
        ("rounded(${a})", 0),
        ("round()", 0),
        ("${a} + ", 7),
        ("regex(${a}, '[')", 0),
        ("now()", 0),
    ],
)
def test_syntax_errors_carry_a_position(text, position):
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    assert caught.value.position == position
    assert caught.value.message


def test_non_string_is_an_expression_error():
    with pytest.raises(ExpressionError):
        parse(["${a}"])


def test_deep_nesting_is_refused_cleanly():
    parse("(" * (MAX_DEPTH - 1) + "1" + ")" * (MAX_DEPTH - 1))
    with pytest.raises(ExpressionError, match="nested"):
        parse("(" * 500 + "1" + ")" * 500)
    with pytest.raises(ExpressionError):
        parse("not(" * 5000)


def test_very_long_text_is_refused():
    with pytest.raises(ExpressionError, match="longer"):
        parse("${a} = 1 or " * 1000 + "${a} = 2")


# ---------------------------------------------------------------- evaluation


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("${a} = 'x'", {"a": "x"}, True),
        ("${a} = \"x\"", {"a": "y"}, False),
        ("${a} != 'x'", {"a": "y"}, True),
        ("${a} = ''", {}, True),
        ("${a} = ''", {"a": None}, True),
        ("${a} != ''", {"a": "no"}, True),
        ("${a} = 'yes'", {"a": True}, True),
        ("${n} > 5", {"n": Decimal("5.5")}, True),
        ("${n} > 5", {"n": 5}, False),
        ("${n} >= 5", {"n": 5.0}, True),
        ("${n} < -1", {"n": -2}, True),
        ("${n} = 10", {"n": "10.0"}, True),
        ("${n} = '10'", {"n": Decimal(10)}, True),
        ("${n} > 9", {"n": "10"}, True),
        ("${d} >= '2020-01-01'", {"d": "2021-03-04"}, True),
        ("${d} < '2020-01-01'", {"d": "2021-03-04"}, False),
    ],
)
def test_comparisons(text, values, expected):
    assert parse(text).evaluate(values) is expected


@pytest.mark.parametrize("operator", ["=", "<", "<=", ">", ">="])
def test_blank_against_number_is_false(operator):
    assert holds(f"${{n}} {operator} 0") is False
    assert holds(f"0 {operator} ${{n}}", n="") is False


def test_blank_against_number_is_different():
    assert holds("${n} != 0") is True


def test_boolean_operators_and_precedence():
    assert holds("${a} = 1 or ${b} = 1 and ${c} = 1", a=1) is True
    assert holds("(${a} = 1 or ${b} = 1) and ${c} = 1", a=1) is False
    assert holds("not(${a} = 1)", a=2) is True
    assert holds("not(${a} = 1) and not(${b} = 1)", a=2, b=1) is False


def test_selected_on_multiple_and_single_values():
    assert holds("selected(${m}, 'b')", m=("a", "b")) is True
    assert holds("selected(${m}, 'c')", m=["a", "b"]) is False
    assert holds("selected(${s}, 'b')", s="b") is True
    assert holds("selected(${s}, 'b')", s="a") is False
    assert holds("selected(${s}, '')") is False


def test_count_selected():
    assert holds("count-selected(${m}) = 2", m=("a", "b")) is True
    assert holds("count-selected(${m}) = 0") is True
    assert holds("count-selected(${m}) = 1", m="a") is True


def test_bare_reference_is_true_when_answered():
    assert holds("${a}", a="x") is True
    assert holds("${a}") is False
    assert holds("${n}", n=0) is False


def test_multiple_selection_compares_as_space_separated_codes():
    assert holds("${m} = 'a b'", m=["b", "a"]) is True


ODD_VALUES = [float("nan"), float("inf"), Decimal("NaN"), Decimal("sNaN"), 10**5000, object(),
              {"x": 1}, b"bytes", ["a", 1, None], set(), "1e999", "\x00"]


@pytest.mark.parametrize("value", ODD_VALUES, ids=range(len(ODD_VALUES)))
def test_odd_values_never_raise(value):
    for text in ("${a} = 1", "${a} < 'x'", "selected(${a}, 'a')", "count-selected(${a}) > 0"):
        assert parse(text).evaluate({"a": value}) in (True, False)


def test_a_failing_mapping_reads_as_blank():
    class Broken(dict):
        def get(self, key, default=None):
            raise RuntimeError("broken")

    assert holds("${a} = ''") is True
    assert parse("${a} = ''").evaluate(Broken()) is True


# ---------------------------------------------------------------- properties

TOKENS = ["${a}", "${b}", "${", "}", "(", ")", ",", "'", '"', "'x'", "1", "-", "2.5", ".", "=",
          "!=", "<", "<=", ">", ">=", "and", "or", "not", "not(", "selected(", "count-selected(",
          " ", "\n", "\x00", "é", "\u202e", "٣", "$"]
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.lists(st.text(max_size=3), max_size=3),
)


def check(text):
    try:
        expression = parse(text)
    except ExpressionError:
        return None
    assert isinstance(expression, Expression)
    return expression


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_text_parses_or_raises_expression_error(text):
    check(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.sampled_from(["", " "]),
       st.dictionaries(st.sampled_from("ab"), VALUES))
def test_token_soup_parses_or_raises_and_evaluates(tokens, separator, values):
    expression = check(separator.join(tokens))
    if expression is not None:
        assert expression.evaluate(values) in (True, False)
