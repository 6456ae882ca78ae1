"""The one-line summary ``mgf demo`` prints about the demo assessments in the database."""

from __future__ import annotations

from sqlalchemy import func

from mgf_assess.assessments.models import Assessment, Evidence
from mgf_assess.core.models import Country
from mgf_assess.demo.countries import COUNTRY_CODES, CYCLES, FAMILY
from mgf_assess.extensions import db


def _demo_assessments():
    return db.select(Assessment.id).filter(Assessment.family == FAMILY,
                                           Assessment.country_code.in_(COUNTRY_CODES))


def state_counts() -> dict[int, dict[str, int]]:
    """Cycle → state → number of demo assessments; carried-forward drafts are counted apart."""
    carried = Assessment.carried_from_id.is_not(None)
    query = (db.select(Assessment.cycle, Assessment.state, carried, func.count(Assessment.id))
             .filter(Assessment.id.in_(_demo_assessments()))
             .group_by(Assessment.cycle, Assessment.state, carried))
    counts: dict[int, dict[str, int]] = {}
    for cycle, state, was_carried, number in db.session.execute(query):
        label = f"{state} (carried forward)" if was_carried and state == "draft" else state
        counts.setdefault(cycle, {})[label] = counts.get(cycle, {}).get(label, 0) + number
    return counts


def _country_facts() -> tuple[int, int]:
    query = (db.select(func.count(func.distinct(Country.code)), func.count(func.distinct(Country.region_code)))
             .join(Assessment, Assessment.country_code == Country.code)
             .filter(Assessment.id.in_(_demo_assessments())))
    return tuple(db.session.execute(query).one())


def _evidence_facts() -> tuple[int, int]:
    query = (db.select(func.count(Evidence.id), func.count(Evidence.stored_name))
             .filter(Evidence.assessment_id.in_(_demo_assessments())))
    return tuple(db.session.execute(query).one())


def summary_line(added: int) -> str:
    """E.g. "Demo assessments: 74 added; 37 countries in 5 regions; 2019 (mgf 2015.1): …"."""
    countries, regions = _country_facts()
    items, files = _evidence_facts()
    versions = dict(CYCLES)
    cycles = "; ".join(
        f"{cycle} ({FAMILY} {versions.get(cycle, '?')}): "
        + ", ".join(f"{number} {state}" for state, number in sorted(states.items()))
        for cycle, states in sorted(state_counts().items()))
    return (f"Demo assessments: {added} added; {countries} countries in {regions} regions; {cycles}; "
            f"{items} evidence items ({files} files). The answers are fictitious.")
