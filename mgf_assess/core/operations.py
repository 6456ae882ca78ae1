"""Writes on reference data."""

from __future__ import annotations

from mgf_assess.core.countries import country_records
from mgf_assess.core.models import Country
from mgf_assess.extensions import db


def load_countries() -> int:
    """Insert or refresh every country from the reference packages; return how many changed."""
    existing = {country.code: country for country in db.session.scalars(db.select(Country))}
    changed = 0
    for record in country_records():
        country = existing.get(record["code"]) or Country(code=record["code"])
        if any(getattr(country, key, None) != value for key, value in record.items()):
            for key, value in record.items():
                setattr(country, key, value)
            db.session.add(country)
            changed += 1
    db.session.flush()
    return changed
