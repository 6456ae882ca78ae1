"""Reads of the comparisons feature: corridors, the region tree, published profiles."""

from __future__ import annotations

from mgf_assess.comparisons.data.places import name_key, region_name
from mgf_assess.comparisons.models import Corridor
from mgf_assess.core.models import Country
from mgf_assess.extensions import db
from mgf_assess.results import queries as results


def corridors() -> list[Corridor]:
    return list(db.session.scalars(db.select(Corridor).order_by(Corridor.name)))


def corridor_or_none(corridor_id: int) -> Corridor | None:
    return db.session.get(Corridor, corridor_id) if 0 < corridor_id <= 2**31 - 1 else None


def region_tree(language: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(region code, name, [(sub-region code, name) ...]) by name, for the region pickers."""
    pairs = set(db.session.execute(db.select(Country.region_code, Country.sub_region_code)).all())
    tree: dict[str, list[str]] = {}
    for region, subregion in pairs:
        tree.setdefault(region, []).append(subregion)
    named = lambda code: (code, region_name(code, language))  # noqa: E731
    return [(*named(region), sorted((named(s) for s in subs), key=lambda pair: name_key(pair[1])))
            for region, subs in sorted(tree.items(), key=lambda item: name_key(region_name(item[0], language)))]


def country_names(language: str) -> list[tuple[str, str]]:
    """(code, name) of every country, by name in ``language``."""
    found = [(c.code, c.name(language)) for c in db.session.scalars(db.select(Country))]
    return sorted(found, key=lambda pair: name_key(pair[1]))


def published_profiles() -> list:
    """Every published result (the newest cycle first): the public list."""
    return results.published_results()


def latest_published(country: str):
    """The country's latest published result (assessment, snapshot), or None."""
    found = results.published_results(country)
    return found[0] if found else None
