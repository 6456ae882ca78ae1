"""Plausible numbers for number and percent questions, read from their scoring rules.

A thresholds scale says which values are realistic: the value is drawn inside the band of the
threshold whose score is closest to the target, so a remittance cost lands around 2-10 %,
visa processing around 8-60 days, and the scores spread over every step of the scale. The
open end of a scale (``max: 1000000``) is capped at twice the previous bound. Pure.
"""

from __future__ import annotations

from decimal import Decimal

from scoring.api import Question, matched_threshold


def numeric_value(question: Question, target: float, u: float) -> int | float:
    """A value for ``question`` scoring close to ``target`` (0-100); ``u`` in [0, 1) varies it."""
    scoring = question.scoring
    if scoring is None:  # unscored: a spread over a neutral range
        high = 100.0 if question.type == "percent" else 50.0
        return _rounded(question, high * (0.8 * target / 100 + 0.2 * u))
    if scoring.method == "linear":
        return _linear_value(question, target, u)
    return _threshold_value(question, target, u)


def _linear_value(question: Question, target: float, u: float) -> int | float:
    best, worst = float(question.scoring.best), float(question.scoring.worst)
    value = worst + (best - worst) * (target / 100 + 0.1 * (u - 0.5))
    return _rounded(question, min(max(value, min(best, worst)), max(best, worst)))


def _threshold_value(question: Question, target: float, u: float) -> int | float:
    thresholds = question.scoring.thresholds
    index = min(range(len(thresholds)), key=lambda i: (abs(float(thresholds[i].score) - target), i))
    low, high, inside = _band(question, index)
    value = _rounded(question, low + (high - low) * u)
    if matched_threshold(question, Decimal(str(value))) != index:
        value = _rounded(question, inside)  # rounding crossed a bound: take the bound itself
    return value


def _band(question: Question, index: int) -> tuple[float, float, float]:
    """(low, high, a value surely inside) of the values that meet threshold ``index`` first."""
    thresholds, ceiling = question.scoring.thresholds, 100.0 if question.type == "percent" else None
    if question.scoring.direction == "higher_is_better":
        low = float(thresholds[index].min or 0)
        high = float(thresholds[index - 1].min) if index else max(2 * low, low + 5)
        return low, min(high, ceiling or high), low
    high = float(thresholds[index].max or 0)
    low = float(thresholds[index - 1].max) if index else high / 2
    if index:  # an open-ended last step: stay within a realistic range
        high = min(high, 2 * low if low > 0 else 10.0)
    high = min(high, ceiling or high)
    return low, high, high


def _bounds(question: Question) -> list[Decimal]:
    scoring = question.scoring
    if scoring is None:
        return []
    values = [scoring.best, scoring.worst]
    values += [bound for t in scoring.thresholds for bound in (t.min, t.max)]
    return [value for value in values if value is not None]


def _counted(question: Question) -> bool:
    """Whether the unit is counted in whole numbers (days, years, agreements), not a rate."""
    unit = (question.unit or {}).get("en", "").lower()
    if question.type == "percent" or any(word in unit for word in ("%", "point", "per ")):
        return False
    return all(bound == bound.to_integral_value() for bound in _bounds(question))


def _rounded(question: Question, value: float) -> int | float:
    if _counted(question):
        return int(round(value))
    rounded = round(value, 1)
    if question.type == "percent":
        rounded = min(max(rounded, 0.0), 100.0)
    return rounded
