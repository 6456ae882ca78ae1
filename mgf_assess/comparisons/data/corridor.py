"""A corridor as a view: its countries with their roles, and the weakest link per domain.

The weakest link of a domain is the lowest band along the corridor and the countries holding
it (lowest score first). Only countries the user may see take part: a hidden result would
otherwise show through its band.
"""

from __future__ import annotations

from dataclasses import replace

from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import CorridorView, Node, Profile, WeakLink
from mgf_assess.comparisons.models import Corridor


def corridor_view(corridor: Corridor, profiles: list[Profile], nodes: tuple[Node, ...], bands: list[str],
                  language: str) -> CorridorView:
    members = tuple((m.country_code, m.country.name(language), m.role,
                     labels.text(labels.LABELS["role"], m.role)) for m in corridor.members)
    inside = [p for p in profiles if p.country in {m.country_code for m in corridor.members}]
    return CorridorView(corridor.name, members, tuple(weakest(inside, node, bands) for node in nodes))


def weakest(profiles: list[Profile], node: Node, bands: list[str]) -> WeakLink:
    """The lowest band at ``node`` and its holders (None when no country has a band there)."""
    banded = [p for p in profiles if p.cells.get(node.id) and p.cells[node.id].band in bands]
    if not banded:
        return WeakLink(node.id, node.title, None, "", None, ())
    lowest = min(bands.index(p.cells[node.id].band) for p in banded)
    holders = sorted((p for p in banded if bands.index(p.cells[node.id].band) == lowest),
                     key=lambda p: (p.cells[node.id].score, p.name))
    first = holders[0].cells[node.id]
    return WeakLink(node.id, node.title, first.band, first.band_label, first.score,
                    tuple((p.country, p.name) for p in holders))


def with_roles(profiles: list[Profile], corridor: Corridor | None) -> list[Profile]:
    """The profiles with each corridor member's role filled in."""
    if corridor is None:
        return profiles
    roles = {m.country_code: m.role for m in corridor.members}
    return [replace(p, role=roles[p.country], role_label=labels.text(labels.LABELS["role"], roles[p.country]))
            if p.country in roles else p for p in profiles]
