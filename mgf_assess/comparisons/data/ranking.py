"""A ranking, only when asked for: by score at one node, highest first, ties sharing a rank.

MGI does not rank countries; the page and every export say so beside the ranking. Only
countries the user may see are ranked, and only those with a score at the node.
"""

from __future__ import annotations

from mgf_assess.comparisons.data.model import Node, Profile, Ranking, RankRow
from mgf_assess.comparisons.data.places import name_key


def ranking(profiles: list[Profile], node: Node) -> Ranking:
    """Standard competition ranking (1, 2, 2, 4): equal scores share the better rank and are
    listed by name."""
    scored = sorted((p for p in profiles if p.cells.get(node.id) and p.cells[node.id].score is not None),
                    key=lambda p: (-p.cells[node.id].score, name_key(p.name), p.country))
    rows, previous, rank = [], None, 0
    for position, item in enumerate(scored, start=1):
        cell = item.cells[node.id]
        if cell.score != previous:
            rank, previous = position, cell.score
        rows.append(RankRow(rank, item.country, item.name, cell.score, cell.band_label))
    return Ranking(node.id, node.title, tuple(rows))


def ranked_order(profiles: list[Profile], found: Ranking) -> list[Profile]:
    """The profiles in ranking order, the unranked ones (no score) after them in their order."""
    order = {row.country: index for index, row in enumerate(found.rows)}
    return sorted(profiles, key=lambda p: order.get(p.country, len(order)))
