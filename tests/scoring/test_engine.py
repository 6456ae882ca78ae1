"""Question scores by type, computed by hand from DESIGN §4."""

from decimal import Decimal

import pytest

from scoring.engine.questions import question_score
from tests.scoring.fixtures.builders import choice, one_area, options, question, scored


def only_question(defn, values, overrides=None):
    return next(scored(defn, values, overrides).questions())


@pytest.mark.parametrize(("value", "expected"), [("yes", 100), ("no", 0), (True, 100), (False, 0)])
def test_yes_no_scores_100_or_0(value, expected):
    result = only_question(one_area(question("q")), {"q": value})
    assert result.score == Decimal(expected)
    assert result.status == "answered"


def test_yes_no_uses_option_scores_when_declared():
    defn = one_area(question("q", options=options(("yes", 80), ("no", 20))))
    assert only_question(defn, {"q": "yes"}).score == Decimal(80)
    assert only_question(defn, {"q": "no"}).score == Decimal(20)


def test_yes_no_with_a_zero_scored_yes_keeps_zero():
    defn = one_area(question("q", options=options(("yes", 0), ("no", 100))))
    assert only_question(defn, {"q": "yes"}).score == Decimal(0)


def test_single_choice_scores_the_chosen_option():
    defn = one_area(choice("q", ("none", 0), ("regular_only", 50), ("all", 100)))
    assert only_question(defn, {"q": "regular_only"}).score == Decimal(50)


def test_single_choice_option_without_score_excludes_the_question():
    defn = one_area(choice("q", ("low", 0), ("other", None)), choice("r", ("x", 60)))
    result = scored(defn, {"q": "other", "r": "x"})
    assert result.node("q").score is None
    assert result.node("a").score == Decimal(60)


def multi(*pairs):
    return question("q", "multi_choice", options=options(*pairs))


@pytest.mark.parametrize(
    ("selected", "expected"),
    [([], "0"), (["a"], "40"), (["a", "b"], "80"), (["a", "b", "c"], "100"), (["c", "d"], "40.5")],
)
def test_multi_choice_sums_selected_scores_capped_at_100(selected, expected):
    defn = one_area(multi(("a", 40), ("b", 40), ("c", 40), ("d", Decimal("0.5"))))
    assert only_question(defn, {"q": selected}).score == Decimal(expected)


def test_multi_choice_unscored_option_adds_nothing():
    defn = one_area(multi(("a", 30), ("b", None)))
    assert only_question(defn, {"q": ["a", "b"]}).score == Decimal(30)


def thresholds(direction, steps, qtype="percent"):
    scoring = {"method": "thresholds", "direction": direction, "thresholds": steps}
    return one_area(question("q", qtype, scoring=scoring))


HIGHER = [{"min": 75, "score": 100}, {"min": 25, "score": 50}, {"min": 10, "score": 20}]
LOWER = [{"max": 2, "score": 100}, {"max": 7, "score": 60}]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(100, 100), (75, 100), ("74.99", 50), (25, 50), ("24.999", 20), (10, 20), ("9.99", 0), (0, 0)],
)
def test_thresholds_higher_is_better_takes_first_min_met(value, expected):
    result = only_question(thresholds("higher_is_better", HIGHER), {"q": value})
    assert result.score == Decimal(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(-5, 100), (0, 100), (2, 100), ("2.001", 60), (7, 60), ("7.0001", 0), (1000, 0)],
)
def test_thresholds_lower_is_better_takes_first_max_met(value, expected):
    result = only_question(thresholds("lower_is_better", LOWER, "number"), {"q": value})
    assert result.score == Decimal(expected)


def test_thresholds_are_tried_in_listed_order_not_sorted():
    steps = [{"min": 10, "score": 30}, {"min": 50, "score": 100}]
    assert only_question(thresholds("higher_is_better", steps), {"q": 90}).score == Decimal(30)


def linear(best, worst):
    return one_area(
        question("q", "number", scoring={"method": "linear", "best": best, "worst": worst})
    )


@pytest.mark.parametrize(
    ("best", "worst", "value", "expected"),
    [
        (0, 10, 2.5, "75.00"),
        (0, 10, 0, "100.00"),
        (0, 10, -3, "100.00"),
        (0, 10, 10, "0.00"),
        (0, 10, 25, "0.00"),
        (100, 0, 33, "33.00"),
        (100, 0, 150, "100.00"),
        (3, 0, 1, "33.33"),
        (3, 0, 2, "66.67"),
        (0, 8, 7.99, "0.13"),
    ],
)
def test_linear_is_clamped_between_0_and_100(best, worst, value, expected):
    assert only_question(linear(best, worst), {"q": value}).score == Decimal(expected)


def test_linear_score_is_exact_before_rounding():
    defn = linear(3, 0)
    exact = question_score(defn.question_map["q"], Decimal(1))
    assert exact * 3 == 100


@pytest.mark.parametrize(("qtype", "value"), [("text", "A law"), ("date", "2024-02-29")])
def test_text_and_date_are_not_scored(qtype, value):
    defn = one_area(question("q", qtype), choice("r", ("x", 40)))
    result = scored(defn, {"q": value, "r": "x"})
    assert result.node("q").score is None
    assert result.node("q").status == "answered"
    assert result.node("a").score == Decimal(40)


def test_profile_choice_question_is_not_scored():
    profile = question(
        "role", "single_choice", options=options(("origin", None), ("transit", None))
    )
    result = scored(one_area(profile, choice("r", ("x", 70))), {"role": "origin", "r": "x"})
    assert result.node("role").score is None and not result.node("role").scored
    assert result.node("a").score == Decimal(70)


def test_number_without_scoring_block_is_not_scored():
    defn = one_area(question("q", "number"), choice("r", ("x", 70)))
    assert scored(defn, {"q": 5, "r": "x"}).node("q").score is None


def test_plan_is_cached_per_definition_and_released_with_it():
    import gc

    from scoring.engine import plan as plan_module

    defn = one_area(choice("q", ("x", 40)))
    assert plan_module.plan_for(defn) is plan_module.plan_for(defn)
    key = id(defn)
    del defn
    gc.collect()
    assert key not in plan_module._PLANS
