"""Shares of states per band, globally and per UN M49 region and sub-region (SDG 10.7.2 style).

Aggregates count states, never average scores: per node, the number of states in each band,
those meeting the target (the target band or a higher one), and beside them the median and
the interquartile range of the scores (linear interpolation between ranks, as pandas and
numpy compute quantiles by default). A region's figures pool the states of its sub-regions.

Small groups: a user who may not see every result gets no aggregate resting on fewer than
``MIN_GROUP`` states, nor one in which 1 or 2 states are hidden from them (the others could be
subtracted); it is marked ``suppressed`` with no figure at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from mgf_assess.comparisons.data.model import Aggregate, Cell, Group, Node
from mgf_assess.comparisons.data.places import name_key, region_name

MIN_GROUP = 3
SHARE, SCORE = Decimal("0.0001"), Decimal("0.01")


@dataclass(frozen=True)
class Member:
    """A state as the aggregates see it: where it is, whether the user sees it, its cells."""

    code: str
    region: str
    subregion: str
    visible: bool
    cells: dict[str, Cell]


def ratio(part: int, whole: int) -> Decimal | None:
    """``part / whole`` rounded half-up to four decimals; None when ``whole`` is 0."""
    return (Decimal(part) / Decimal(whole)).quantize(SHARE, ROUND_HALF_UP) if whole else None


def quantile(ordered: list[Decimal], fraction: Decimal) -> Decimal | None:
    """The ``fraction`` quantile of sorted values, interpolated linearly between ranks."""
    if not ordered:
        return None
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    value = ordered[low] + (position - low) * (ordered[high] - ordered[low])
    return value.quantize(SCORE, ROUND_HALF_UP)


def aggregate(members: list[Member], node: Node, bands: list[str], withhold: bool) -> Aggregate:
    """The figures of ``members`` at ``node`` (suppressed for a user who must not see them)."""
    scored = [m for m in members if m.cells.get(node.id) and m.cells[node.id].band is not None]
    hidden = sum(not m.visible for m in scored)
    if withhold and (len(scored) < MIN_GROUP or 0 < hidden < MIN_GROUP):
        return Aggregate(len(scored), (), 0, None, None, None, None, suppressed=True)
    found = [m.cells[node.id].band for m in scored]
    target = bands.index(node.target_band) if node.target_band in bands else len(bands)
    meeting = sum(1 for band in found if band in bands and bands.index(band) >= target)
    scores = sorted(m.cells[node.id].score for m in scored if m.cells[node.id].score is not None)
    return Aggregate(len(scored), tuple((code, found.count(code)) for code in bands), meeting,
                     ratio(meeting, len(scored)), quantile(scores, Decimal("0.5")),
                     quantile(scores, Decimal("0.25")), quantile(scores, Decimal("0.75")))


def groups(members: list[Member], nodes: tuple[Node, ...], bands: list[str], withhold: bool,
           language: str, global_name: str) -> tuple[Group, ...]:
    """All states first, then each region (by name) followed by its sub-regions (by name)."""
    def group(code, name, level, parent, inside):
        return Group(code, name, level, parent, {n.id: aggregate(inside, n, bands, withhold) for n in nodes})

    found = [group("global", global_name, "global", None, members)]
    by_subregion: dict[str, list[Member]] = {}
    parents: dict[str, str] = {}
    for member in members:
        by_subregion.setdefault(member.subregion, []).append(member)
        parents[member.subregion] = member.region
    for region in sorted(set(parents.values()), key=lambda code: name_key(region_name(code, language))):
        subregions = sorted((s for s, r in parents.items() if r == region),
                            key=lambda code: name_key(region_name(code, language)))
        pooled = [m for s in subregions for m in by_subregion[s]]  # the roll-up from sub-regions
        found.append(group(region, region_name(region, language), "region", None, pooled))
        found += [group(s, region_name(s, language), "subregion", region, by_subregion[s]) for s in subregions]
    return tuple(found)
