"""Rules on number and percent questions: their range (``min``, ``max``) and their ``scoring``
(thresholds and linear)."""

from __future__ import annotations

from collections.abc import Iterator

from scoring.definition.model import (
    NUMBER_LIMIT,
    NUMERIC_TYPES,
    PERCENT_RANGE,
    Definition,
    Question,
    Scoring,
)
from scoring.definition.rules import walk
from scoring.problems.catalog import Catalog
from scoring.problems.problem import Problem

# direction → (the bound each threshold uses, the bound it must not use, required order)
_THRESHOLD_RULES = {
    "higher_is_better": ("min", "max", "descending"),
    "lower_is_better": ("max", "min", "ascending"),
}


def check_ranges(definition: Definition) -> Iterator[Problem]:
    """``min`` and ``max`` belong to number and percent questions, in order, within the type's
    own range (±10¹⁵ for a number, 0–100 for a percent)."""
    for where, question in walk.questions(definition):
        if question.min is None and question.max is None:
            continue
        if question.type not in NUMERIC_TYPES:
            yield Catalog.RANGE_NOT_NUMERIC.at(f"{where}.{'min' if question.min is not None else 'max'}",
                                               type=question.type)
            continue
        yield from _range_bounds(where, question)


def _range_bounds(where: str, question: Question) -> Iterator[Problem]:
    low, high = PERCENT_RANGE if question.type == "percent" else (-NUMBER_LIMIT, NUMBER_LIMIT)
    for key in ("min", "max"):
        value = getattr(question, key)
        if value is not None and not low <= value <= high:
            yield Catalog.RANGE_OUTSIDE_TYPE.at(f"{where}.{key}", key=key, value=value, type=question.type,
                                                low=low, high=high)
    if question.min is not None and question.max is not None and question.min > question.max:
        yield Catalog.RANGE_REVERSED.at(f"{where}.min", low=question.min, high=question.max)


def check_scoring(definition: Definition) -> Iterator[Problem]:
    """A number or percent question's scoring is complete and consistent (without one it is not
    scored); other types take none."""
    for where, question in walk.questions(definition):
        location = f"{where}.scoring"
        if question.type in NUMERIC_TYPES:
            yield from _numeric(location, question)
        elif question.scoring is not None:
            yield _unexpected(question).at(location, type=question.type)


def _unexpected(question: Question) -> Catalog:
    if question.type in ("yes_no", "single_choice", "multi_choice"):
        return Catalog.UNEXPECTED_SCORING__OPTIONS
    return Catalog.UNEXPECTED_SCORING__UNSCORED


def _numeric(location: str, question: Question) -> Iterator[Problem]:
    scoring = question.scoring
    if scoring is None:
        return  # an unscored number: asked, usable in expressions, never scored
    if scoring.method == "thresholds":
        yield from _thresholds(location, scoring)
    else:
        yield from _linear(location, scoring)


def _thresholds(location: str, scoring: Scoring) -> Iterator[Problem]:
    if scoring.best is not None or scoring.worst is not None:
        yield Catalog.CONFLICTING_SCORING_KEYS.at(location)
    if not scoring.thresholds:
        yield Catalog.MISSING_THRESHOLDS.at(f"{location}.thresholds")
        return
    used, unused, order = _THRESHOLD_RULES[scoring.direction]
    yield from _threshold_bounds(location, scoring, used, unused)
    yield from _threshold_order(location, scoring, used, order)


def _threshold_bounds(location: str, scoring: Scoring, used: str, unused: str) -> Iterator[Problem]:
    for index, threshold in enumerate(scoring.thresholds):
        if getattr(threshold, used) is None or getattr(threshold, unused) is not None:
            yield Catalog.INVALID_THRESHOLD_BOUND.at(f"{location}.thresholds[{index}]", direction=scoring.direction,
                                                     used=used, unused=unused)


def _threshold_order(location: str, scoring: Scoring, used: str, order: str) -> Iterator[Problem]:
    bounds = [(index, getattr(threshold, used)) for index, threshold in enumerate(scoring.thresholds)]
    bounds = [(index, bound) for index, bound in bounds if bound is not None]
    for (_, before), (index, bound) in zip(bounds, bounds[1:], strict=False):
        if (bound >= before) if order == "descending" else (bound <= before):
            yield Catalog.THRESHOLDS_OUT_OF_ORDER.at(f"{location}.thresholds[{index}].{used}", used=used, bound=bound,
                                                     before=before, direction=scoring.direction, order=order)


def _linear(location: str, scoring: Scoring) -> Iterator[Problem]:
    if scoring.thresholds:
        yield Catalog.CONFLICTING_SCORING_KEYS__THRESHOLDS.at(f"{location}.thresholds")
    if scoring.best is None or scoring.worst is None:
        yield Catalog.MISSING_LINEAR_BOUNDS.at(location)
    elif scoring.best == scoring.worst:
        yield Catalog.EQUAL_LINEAR_BOUNDS.at(f"{location}.worst", best=scoring.best)
    elif "direction" in scoring.model_fields_set and _linear_direction(scoring) != scoring.direction:
        yield Catalog.LINEAR_DIRECTION_MISMATCH.at(f"{location}.direction", best=scoring.best, worst=scoring.worst,
                                                   direction=_linear_direction(scoring))


def _linear_direction(scoring: Scoring) -> str:
    return "higher_is_better" if scoring.best > scoring.worst else "lower_is_better"
