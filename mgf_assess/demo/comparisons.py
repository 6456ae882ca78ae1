"""Demo data for comparisons: two corridors, and publication of validated assessments.

Run as a ``SEED_STEPS`` step after the assessments. It publishes what is validated, whatever
the demo's states are: most validated 2019 assessments and about half of the 2026 ones
(deterministically), through the workflow's ``publish`` transition (checked and audited),
each by its country's demo focal point when there is one, else by the demo admin. It never
publishes again an assessment someone has unpublished. Idempotent.
"""

from __future__ import annotations

import click

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.comparisons import operations as corridors
from mgf_assess.comparisons.models import Corridor
from mgf_assess.core.models import AuditEvent
from mgf_assess.demo.answers import unit
from mgf_assess.demo.countries import FAMILY
from mgf_assess.extensions import db

CORRIDORS = {
    "Horn of Africa to Southern Africa": [("ETH", "origin"), ("KEN", "transit"), ("ZAF", "destination")],
    "West Africa to Southern Europe": [("SEN", "origin"), ("NGA", "origin"), ("MAR", "transit"),
                                       ("ESP", "destination"), ("ITA", "destination")],
}
PUBLISHED_SHARE = {2019: 0.85, 2026: 0.5}  # of the validated assessments of each cycle


def seed_comparisons(users: dict) -> None:
    """Add the corridors that do not exist yet and publish the chosen validated assessments."""
    added = add_corridors(users.get("admin@demo.mgf"))
    published = publish_validated(users)
    click.echo(f"Comparisons: {added} corridors added; {published} validated assessments published.")


def add_corridors(actor) -> int:
    added = 0
    for name, members in CORRIDORS.items():
        if db.session.scalar(db.select(Corridor.id).filter_by(name=name)) is None:
            corridors.save_corridor(actor, None, name, members)
            added += 1
    return added


def publish_validated(users: dict) -> int:
    """Publish the chosen validated, unpublished, never-unpublished demo assessments."""
    query = (db.select(Assessment).filter_by(family=FAMILY, state="validated", published_at=None)
             .order_by(Assessment.cycle, Assessment.country_code))
    withdrawn = set(db.session.scalars(db.select(AuditEvent.object_id).filter_by(action="assessment.unpublish")))
    count = 0
    for assessment in db.session.scalars(query).all():
        share = PUBLISHED_SHARE.get(assessment.cycle, 0.5)
        if str(assessment.id) in withdrawn or unit(assessment.country_code, assessment.cycle, "publish") >= share:
            continue
        operations.run_transition(_publisher(users, assessment), assessment, "publish",
                                  comment="Published with the demo data.")
        count += 1
    return count


def _publisher(users: dict, assessment: Assessment):
    focal = next((u for u in users.values() if u.role == "focal_point" and u.country_code == assessment.country_code),
                 None)
    return focal or users.get("admin@demo.mgf")
