"""Profile rows: each country's stored figures per node, sorted by region then by name.

A stored result is the scoring library's JSON (DESIGN §4): scores are read back as
``Decimal`` with two decimals, completeness and confidence with four.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from mgf_assess.comparisons.data.model import Cell, Profile
from mgf_assess.comparisons.data.places import name_key, region_name
from mgf_assess.comparisons.data.sources import Entry
from mgf_assess.core import policy

TWO, FOUR = Decimal("0.01"), Decimal("0.0001")


@lru_cache(maxsize=32768)
def decimal(value, places: Decimal = TWO) -> Decimal | None:
    """A stored JSON number as a Decimal (None stays None); the same few thousand numbers
    recur through every country's result, so they are converted once."""
    return None if value is None else Decimal(str(value)).quantize(places)


def cell(node: dict, band_labels: dict[str, str]) -> Cell:
    band = node.get("band")
    return Cell(decimal(node.get("score")), band, band_labels.get(band, "") if band else "",
                decimal(node.get("completeness"), FOUR), decimal(node.get("confidence"), FOUR))


def cells_of(result: dict, band_labels: dict[str, str]) -> dict[str, Cell]:
    """Node id → figures: ``overall``, every domain and every area of a stored result."""
    found = {"overall": cell(result.get("overall") or {}, band_labels)}
    for domain in result.get("domains", []):
        found[domain["id"]] = cell(domain, band_labels)
        found.update((area["id"], cell(area, band_labels)) for area in domain.get("areas", []))
    return found


def profile(user, entry: Entry, language: str, band_labels: dict[str, str]) -> Profile:
    country, assessment, snapshot = entry.country, entry.assessment, entry.snapshot
    return Profile(
        country.code, country.name(language), country.region_code, region_name(country.region_code, language),
        country.sub_region_code, region_name(country.sub_region_code, language), assessment.cycle,
        entry.definition.version, assessment.id, snapshot.id, snapshot.kind, snapshot.created_at,
        assessment.state, policy.is_public(assessment), policy.can(user, "report.view", assessment),
        cells_of(entry.figures, band_labels))


def sort_profiles(profiles: list[Profile]) -> list[Profile]:
    """By region, then by country name, both in the comparison's language."""
    return sorted(profiles, key=lambda p: (name_key(p.region_name), name_key(p.name), p.country))
