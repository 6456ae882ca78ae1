"""Reads on reference data and the audit log."""

from __future__ import annotations

from mgf_assess.core.models import AuditEvent, Country
from mgf_assess.extensions import db


def countries() -> list[Country]:
    return list(db.session.scalars(db.select(Country).order_by(Country.name_en)))


def country_choices(language: str) -> list[tuple[str, str]]:
    """(code, localized name) pairs sorted by the localized name, for select fields."""
    pairs = [(c.code, f"{c.name(language)} ({c.code})") for c in countries()]
    return sorted(pairs, key=lambda pair: pair[1].casefold())


def audit_events(page: int = 1, per_page: int = 50, action: str | None = None):
    query = db.select(AuditEvent).order_by(AuditEvent.id.desc())
    if action:
        query = query.filter(AuditEvent.action.startswith(action))
    return db.paginate(query, page=page, per_page=per_page, error_out=False)
