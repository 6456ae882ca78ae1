"""Aggregation methods, weights, rounding and bands (DESIGN §4), computed by hand."""

from decimal import Decimal

import pytest

from scoring.engine.aggregate import aggregate, band_for, report
from tests.scoring.fixtures.builders import area, definition, domain, linear_question, scale, scored


def two_domains(method="mean", d1_method="mean", d2_method="mean"):
    return definition(
        domain("d1", area("a1", scale("q1", 20), scale("q2", 60), method=d1_method), weight=3),
        domain(
            "d2",
            area("a2", scale("q3", 90), scale("q4", 100), method=d2_method, weight=2),
            area("a3", scale("q5", 50)),
            method="weighted_mean",
        ),
        method=method,
    )


ALL_FIRST = {f"q{i}": "s0" for i in range(1, 6)}


@pytest.mark.parametrize(
    ("method", "expected"),
    [("mean", "60.00"), ("weighted_mean", "50.00"), ("min", "40.00"), ("none", None)],
)
def test_overall_methods(method, expected):
    # d1 = mean(20, 60) = 40 (weight 3); d2 = (2 × 95 + 1 × 50) / 3 = 80 (weight 1).
    result = scored(two_domains(method), ALL_FIRST)
    assert (result.node("d1").score, result.node("d2").score) == (Decimal(40), Decimal(80))
    assert result.overall.score == (None if expected is None else Decimal(expected))


def test_method_none_leaves_overall_null_but_keeps_completeness():
    result = scored(two_domains("none"), ALL_FIRST)
    assert result.overall.band is None
    assert result.overall.tally.completeness == 1


def test_area_min_is_the_weakest_link():
    result = scored(two_domains(d1_method="min"), ALL_FIRST)
    assert result.node("a1").score == Decimal(20)


def test_area_weighted_mean_uses_question_weights():
    defn = definition(
        domain("d", area("a", scale("q1", 100, weight=3), scale("q2", 0), method="weighted_mean"))
    )
    assert scored(defn, {"q1": "s0", "q2": "s0"}).node("a").score == Decimal(75)


def test_weights_are_ignored_by_mean():
    defn = definition(domain("d", area("a", scale("q1", 100, weight=3), scale("q2", 0))))
    assert scored(defn, {"q1": "s0", "q2": "s0"}).node("a").score == Decimal(50)


def boundary(low_score):
    # weighted mean (3 × 80 + 1 × low) / 4
    questions = (scale("q1", 80, weight=3), scale("q2", low_score))
    return definition(domain("d", area("a", *questions, method="weighted_mean")))


def test_weighted_mean_of_79_995_reports_80_in_the_80_band():
    result = scored(boundary(Decimal("79.98")), {"q1": "s0", "q2": "s0"})
    assert result.node("a").validated.exact == Decimal("79.995")
    assert result.node("a").score == Decimal("80.00")
    assert result.node("a").band == "meets"
    assert result.overall.band == "meets"


def test_weighted_mean_of_79_994999_reports_79_99_below_the_80_band():
    result = scored(boundary(Decimal("79.979996")), {"q1": "s0", "q2": "s0"})
    assert result.node("a").score == Decimal("79.99")
    assert result.node("a").band == "partially_meets"


def test_parents_aggregate_unrounded_child_scores():
    # Areas score 0.125, 0.125 and 0: each reports 0.13, but the domain mean is 0.08333… → 0.08.
    defn = definition(
        domain(
            "d",
            area("a1", scale("q1", Decimal("0.125"))),
            area("a2", scale("q2", Decimal("0.125"))),
            area("a3", scale("q3", 0)),
        )
    )
    result = scored(defn, {"q1": "s0", "q2": "s0", "q3": "s0"})
    assert result.node("a1").score == Decimal("0.13")
    assert result.node("d").score == Decimal("0.08")


def test_repeating_decimals_are_kept_exact():
    # 3 × (100/3) + 1 × 59.98 over 4 is exactly 39.995: reported 40.00, in the 40 band.
    questions = (linear_question("q1", best=0, worst=3, weight=3), scale("q2", Decimal("59.98")))
    defn = definition(domain("d", area("a", *questions, method="weighted_mean")))
    result = scored(defn, {"q1": 2, "q2": "s0"})
    assert result.node("a").score == Decimal("40.00")
    assert result.node("a").band == "partially_meets"


def test_null_children_are_excluded_at_every_level():
    defn = definition(
        domain("d1", area("a1", scale("q1", 10, allow_na=True)), area("a2", scale("q2", 30))),
        domain("d2", area("a3", scale("q3", 50, allow_na=True))),
        method="min",
    )
    na = {"status": "na", "justification": "n/a"}
    result = scored(defn, {"q1": na, "q2": "s0", "q3": na})
    assert result.node("d1").score == Decimal(30)
    assert result.node("d2").score is None
    assert result.overall.score == Decimal(30)


@pytest.mark.parametrize(
    ("value", "band"),
    [
        ("0", "requires_further_progress"),
        ("39.99", "requires_further_progress"),
        ("40", "partially_meets"),
        ("79.99", "partially_meets"),
        ("80.00", "meets"),
        ("99.99", "meets"),
        ("100", "fully_meets"),
    ],
)
def test_band_is_the_greatest_min_not_above_the_score(value, band):
    bands = (
        (Decimal(100), "fully_meets"),
        (Decimal(80), "meets"),
        (Decimal(40), "partially_meets"),
        (Decimal(0), "requires_further_progress"),
    )
    assert band_for(bands, Decimal(value)) == band


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.005", "0.01"),
        ("0.015", "0.02"),
        ("2.675", "2.68"),
        ("79.994999", "79.99"),
        ("-0.005", "-0.01"),
    ],
)
def test_report_rounds_half_up(value, expected):
    from fractions import Fraction

    assert report(Fraction(Decimal(value))) == Decimal(expected)


def test_aggregate_of_nothing_is_none():
    assert aggregate("mean", []) is None
    assert aggregate("min", []) is None
