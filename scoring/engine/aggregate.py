"""Aggregation methods, half-up rounding and bands (DESIGN §4, "Aggregation", "Rounding").

Values are exact fractions; only ``report`` rounds, half-up (ties away from zero) to a
fixed number of decimals, and a band is always looked up from the reported value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

METHODS = ("mean", "weighted_mean", "min", "none")
Child = tuple[Fraction, Fraction]  # (score, weight) of an included child


def aggregate(method: str, children: Sequence[Child]) -> Fraction | None:
    """Score of a node from its included children; None when there is none (or method none)."""
    if not children or method == "none":
        return None
    if method == "min":
        return min(score for score, _ in children)
    if method == "weighted_mean":
        return weighted_mean(children)
    total, denominator = exact_sum((s.numerator, s.denominator) for s, _ in children)
    return Fraction(total, denominator * len(children))


def weighted_mean(children: Sequence[Child]) -> Fraction:
    """Σ wᵢsᵢ / Σ wᵢ."""
    total, total_denominator = exact_sum(
        (s.numerator * w.numerator, s.denominator * w.denominator) for s, w in children
    )
    weights, weights_denominator = exact_sum((w.numerator, w.denominator) for _, w in children)
    return Fraction(total * weights_denominator, total_denominator * weights)


def exact_sum(terms: Iterable[tuple[int, int]]) -> tuple[int, int]:
    """Σ numerator/denominator over ``terms``, as an unreduced (numerator, denominator) pair.

    Plain integer arithmetic: ``Fraction`` operators normalise after every step, which
    dominated scoring time; reducing once at the end gives the same exact value.
    """
    numerator, denominator = 0, 1
    for top, bottom in terms:
        if bottom == denominator:
            numerator += top
        else:
            numerator, denominator = numerator * bottom + top * denominator, denominator * bottom
    return numerator, denominator


def report(value: Fraction | Decimal | None, places: int = 2) -> Decimal | None:
    """``value`` rounded half-up (ties away from zero) to ``places`` decimals; None stays None."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        value = Fraction(value)
    numerator, denominator = value.numerator, value.denominator
    scaled = abs(numerator) * 10**places
    rounded = (2 * scaled + denominator) // (2 * denominator)
    return Decimal(-rounded if numerator < 0 else rounded).scaleb(-places)


def band_for(bands: Sequence[tuple[Decimal, str]], reported: Decimal | None) -> str | None:
    """Code of the band with the greatest min ≤ ``reported`` (``bands``: min descending)."""
    if reported is None:
        return None
    for minimum, code in bands:
        if minimum <= reported:
            return code
    return None


def ratio(part: int, whole: int) -> Fraction | None:
    """``part / whole`` exactly, or None when ``whole`` is 0."""
    return Fraction(part, whole) if whole else None
