"""Rules on the ``scoring`` key of number and percent questions (thresholds and linear)."""

from __future__ import annotations

from collections.abc import Iterator

from scoring.definition.model import NUMERIC_TYPES, Definition, Question, Scoring
from scoring.definition.rules import walk
from scoring.problems.problem import Problem

# direction → (the bound each threshold uses, the bound it must not use, required order)
_THRESHOLD_RULES = {
    "higher_is_better": ("min", "max", "descending"),
    "lower_is_better": ("max", "min", "ascending"),
}


def check_scoring(definition: Definition) -> Iterator[Problem]:
    """Number and percent questions say how a value becomes a score; other types do not."""
    for where, question in walk.questions(definition):
        location = f"{where}.scoring"
        if question.type in NUMERIC_TYPES:
            yield from _numeric(location, question)
        elif question.scoring is not None:
            yield Problem("unexpected_scoring", location, f"a {question.type} question takes no scoring key",
                          _unexpected_fix(question))


def _unexpected_fix(question: Question) -> str:
    if question.type in ("yes_no", "single_choice", "multi_choice"):
        return "remove scoring: choice and yes_no questions are scored through their options"
    return "remove scoring: text and date questions are never scored"


def _numeric(location: str, question: Question) -> Iterator[Problem]:
    scoring = question.scoring
    if scoring is None:
        yield Problem("missing_scoring", location, f"the {question.type} question '{question.id}' does not "
                      "say how its value becomes a score",
                      "add scoring: {method: thresholds, ...} or scoring: {method: linear, best: ..., worst: ...}")
    elif scoring.method == "thresholds":
        yield from _thresholds(location, scoring)
    else:
        yield from _linear(location, scoring)


def _thresholds(location: str, scoring: Scoring) -> Iterator[Problem]:
    if scoring.best is not None or scoring.worst is not None:
        yield Problem("conflicting_scoring_keys", location, "best and worst belong to the linear method",
                      "remove best and worst, or use method: linear")
    if not scoring.thresholds:
        yield Problem("missing_thresholds", f"{location}.thresholds", "method thresholds lists no thresholds",
                      "add thresholds, e.g. [{min: 75, score: 100}, {min: 0, score: 0}]")
        return
    used, unused, order = _THRESHOLD_RULES[scoring.direction]
    yield from _threshold_bounds(location, scoring, used, unused)
    yield from _threshold_order(location, scoring, used, order)


def _threshold_bounds(location: str, scoring: Scoring, used: str, unused: str) -> Iterator[Problem]:
    for index, threshold in enumerate(scoring.thresholds):
        if getattr(threshold, used) is None or getattr(threshold, unused) is not None:
            yield Problem("invalid_threshold_bound", f"{location}.thresholds[{index}]",
                          f"with direction {scoring.direction} every threshold has {used} and no {unused}",
                          f"write {{{used}: ..., score: ...}} for each threshold")


def _threshold_order(location: str, scoring: Scoring, used: str, order: str) -> Iterator[Problem]:
    bounds = [(index, getattr(threshold, used)) for index, threshold in enumerate(scoring.thresholds)]
    bounds = [(index, bound) for index, bound in bounds if bound is not None]
    for (_, before), (index, bound) in zip(bounds, bounds[1:], strict=False):
        if (bound >= before) if order == "descending" else (bound <= before):
            yield Problem("thresholds_out_of_order", f"{location}.thresholds[{index}].{used}",
                          f"{used} {bound} follows {used} {before}, but with direction {scoring.direction} "
                          f"thresholds are listed by strictly {order} {used}",
                          f"list the thresholds by {order} {used}: the first one met gives the score")


def _linear(location: str, scoring: Scoring) -> Iterator[Problem]:
    if scoring.thresholds:
        yield Problem("conflicting_scoring_keys", f"{location}.thresholds", "thresholds belong to the "
                      "thresholds method", "remove thresholds, or use method: thresholds")
    if scoring.best is None or scoring.worst is None:
        yield Problem("missing_linear_bounds", location, "method linear needs both best and worst",
                      "add best (the value that scores 100) and worst (the value that scores 0)")
    elif scoring.best == scoring.worst:
        yield Problem("equal_linear_bounds", f"{location}.worst", f"best and worst are both {scoring.best}",
                      "give best and worst different values")
    elif "direction" in scoring.model_fields_set and _linear_direction(scoring) != scoring.direction:
        yield Problem("linear_direction_mismatch", f"{location}.direction",
                      f"best {scoring.best} and worst {scoring.worst} mean {_linear_direction(scoring)}",
                      "remove direction (linear takes it from best and worst) or swap best and worst")


def _linear_direction(scoring: Scoring) -> str:
    return "higher_is_better" if scoring.best > scoring.worst else "lower_is_better"
