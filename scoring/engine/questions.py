"""Score of one answered question (DESIGN §4, "Question score").

Scores are exact rationals (``fractions.Fraction``) built from the definition's ``Decimal``
numbers, so nothing is ever rounded before a score is reported. Rules where §4 is silent:

* thresholds: when the value meets no threshold's bound, the score is 0;
* linear with ``best == worst`` (a degenerate scale): 100 when the value equals it, else 0;
* a ``single_choice`` option without a score gives the question no score (it is excluded
  like a not-applicable answer); in a ``multi_choice`` such an option adds 0;
* a ``number``/``percent`` question without a ``scoring`` block is not scored.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from scoring.definition.model import NUMERIC_TYPES, Question

HUNDRED = Fraction(100)
ZERO = Fraction(0)
Scorer = Callable[[object], Fraction | None]


def is_scored(question: Question) -> bool:
    """True when answers to ``question`` produce a score (see ``Question.scored``)."""
    if not question.scored:
        return False
    return question.type not in NUMERIC_TYPES or question.scoring is not None


def question_score(question: Question, value: object) -> Fraction | None:
    """Exact score in [0, 100] of an answered ``value``, or None when it carries no score."""
    return compile_scorer(question)(value)


def compile_scorer(question: Question) -> Scorer:
    """A function value → exact score for ``question``, with its tables computed once."""
    if not is_scored(question):
        return _no_score
    if question.type in NUMERIC_TYPES:
        return _numeric_scorer(question)
    return _CHOICE_COMPILERS[question.type](question)


def option_scores(question: Question) -> dict[str, Fraction | None]:
    """Option code → exact score; yes_no questions default to yes 100 and no 0."""
    table = {option.code: _fraction(option.score) for option in question.options}
    if question.type == "yes_no":
        for code, default in (("yes", HUNDRED), ("no", ZERO)):
            if table.get(code) is None:
                table[code] = default
    return table


def matched_threshold(question: Question, value: Decimal) -> int | None:
    """Index of the first threshold whose bound ``value`` meets, or None when none does."""
    higher = question.scoring.direction == "higher_is_better"
    for index, threshold in enumerate(question.scoring.thresholds):
        bound = threshold.min if higher else threshold.max
        if bound is not None and (value >= bound if higher else value <= bound):
            return index
    return None


def linear_score(best: Decimal, worst: Decimal, value: Decimal) -> Fraction:
    """``clamp(100 * (value - worst) / (best - worst), 0, 100)``, computed exactly."""
    if best == worst:
        return HUNDRED if value == best else ZERO
    raw = HUNDRED * (Fraction(value) - Fraction(worst)) / (Fraction(best) - Fraction(worst))
    return min(max(raw, ZERO), HUNDRED)


def _no_score(value: object) -> None:
    return None


def _fraction(score: Decimal | None) -> Fraction | None:
    return None if score is None else Fraction(score)


def _table_scorer(question: Question) -> Scorer:
    table = option_scores(question)
    return table.get


def _multi_scorer(question: Question) -> Scorer:
    table = {code: ZERO if s is None else s for code, s in option_scores(question).items()}

    def score(value: object) -> Fraction:
        return min(sum((table[code] for code in value), ZERO), HUNDRED)

    return score


def _numeric_scorer(question: Question) -> Scorer:
    scoring = question.scoring
    if scoring.method == "linear":
        if scoring.best is None or scoring.worst is None:
            return _no_score
        return lambda value: linear_score(scoring.best, scoring.worst, value)
    scores = [Fraction(threshold.score) for threshold in scoring.thresholds]

    def score(value: object) -> Fraction:
        index = matched_threshold(question, value)
        return ZERO if index is None else scores[index]

    return score


_CHOICE_COMPILERS = {
    "yes_no": _table_scorer,
    "single_choice": _table_scorer,
    "multi_choice": _multi_scorer,
}
