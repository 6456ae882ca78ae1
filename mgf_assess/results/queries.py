"""Reads on stored results: an assessment's snapshots, its latest one of a kind, the result
of the country's previous cycle, and every country's result of a cycle (for comparisons)."""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy.orm import contains_eager, defer, selectinload

from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.queries import previous_assessment
from mgf_assess.assessments.scoring_bridge import score_assessment
from mgf_assess.core.models import Country
from mgf_assess.extensions import db
from mgf_assess.results.models import ScoreSnapshot, summary_of


def snapshots(assessment: Assessment) -> list[ScoreSnapshot]:
    """Every snapshot of the assessment, oldest first."""
    query = db.select(ScoreSnapshot).filter_by(assessment_id=assessment.id).order_by(ScoreSnapshot.id)
    return list(db.session.scalars(query))


def latest_snapshot(assessment: Assessment, kinds: tuple[str, ...] | None = None) -> ScoreSnapshot | None:
    """The newest snapshot of the assessment (of one of ``kinds`` when given), or None."""
    query = db.select(ScoreSnapshot).filter_by(assessment_id=assessment.id)
    if kinds is not None:
        query = query.where(ScoreSnapshot.kind.in_(kinds))
    return db.session.scalars(query.order_by(ScoreSnapshot.id.desc()).limit(1)).first()


def latest_result(assessment: Assessment) -> dict:
    """The assessment's latest stored result, or the score of its current answers when it has
    no snapshot yet."""
    latest = latest_snapshot(assessment)
    return latest.result if latest is not None else score_assessment(assessment)


def previous_result(assessment: Assessment) -> tuple[Assessment, dict] | None:
    """The country's previous cycle of the same questionnaire family and its latest result."""
    previous = previous_assessment(assessment)
    return None if previous is None else (previous, latest_result(previous))


def cycle_snapshots(family: str, cycle: int, kind: str | None = None) -> list[tuple[Assessment, ScoreSnapshot]]:
    """Every assessment of ``family`` in ``cycle`` with its latest snapshot, by country code.

    With ``kind`` (e.g. ``validated``), the latest snapshot of that kind, and for ``validated``
    only while the assessment is validated (a reopened one is not a result of record). Only
    the snapshots' summaries are loaded (``stored_figures`` reads them); their full results
    and answers documents are large and are read on demand.
    """
    latest = db.select(ScoreSnapshot.assessment_id, func.max(ScoreSnapshot.id).label("id"))
    if kind is not None:
        latest = latest.where(ScoreSnapshot.kind == kind)
    latest = latest.group_by(ScoreSnapshot.assessment_id).subquery()
    query = (db.select(Assessment, ScoreSnapshot)
             .join(latest, latest.c.assessment_id == Assessment.id)
             .join(ScoreSnapshot, ScoreSnapshot.id == latest.c.id)
             .join(Assessment.country).options(contains_eager(Assessment.country))
             # the few versions once, rather than their columns on every row
             .options(selectinload(Assessment.questionnaire))
             .where(Assessment.family == family, Assessment.cycle == int(cycle))
             .order_by(Assessment.country_code))
    if kind == "validated":
        query = query.where(Assessment.state == "validated")
    query = query.options(defer(ScoreSnapshot.result), defer(ScoreSnapshot.answers))
    return [(assessment, snapshot) for assessment, snapshot in db.session.execute(query)]


def stored_figures(snapshot: ScoreSnapshot) -> dict:
    """The snapshot's summary (overall, domain and area figures); from its full result for a
    snapshot taken before summaries were kept."""
    return snapshot.summary if snapshot.summary is not None else summary_of(snapshot.result)


def result_cycles() -> dict[str, list[int]]:
    """Questionnaire family → the cycles that have at least one score snapshot, newest first."""
    query = (db.select(Assessment.family, Assessment.cycle).distinct()
             .join(ScoreSnapshot, ScoreSnapshot.assessment_id == Assessment.id)
             .order_by(Assessment.family, Assessment.cycle.desc()))
    found: dict[str, list[int]] = {}
    for family, cycle in db.session.execute(query):
        found.setdefault(family, []).append(cycle)
    return found


def published_results(country: str | None = None) -> list[tuple[Assessment, ScoreSnapshot]]:
    """Validated, published assessments (of one country when given) with their validated
    snapshot, newest cycle first: the public country profiles."""
    latest = (db.select(ScoreSnapshot.assessment_id, func.max(ScoreSnapshot.id).label("id"))
              .where(ScoreSnapshot.kind == "validated").group_by(ScoreSnapshot.assessment_id).subquery())
    query = (db.select(Assessment, ScoreSnapshot)
             .join(latest, latest.c.assessment_id == Assessment.id)
             .join(ScoreSnapshot, ScoreSnapshot.id == latest.c.id)
             .join(Assessment.country)
             .options(contains_eager(Assessment.country), defer(ScoreSnapshot.answers), defer(ScoreSnapshot.result))
             .where(Assessment.state == "validated", Assessment.published_at.is_not(None))
             .order_by(Assessment.cycle.desc(), Country.name_en, Assessment.family))
    if country is not None:
        query = query.where(Assessment.country_code == country)
    return [(assessment, snapshot) for assessment, snapshot in db.session.execute(query)]


def snapshot_answers(ids) -> dict[int, dict]:
    """Snapshot id → its answers document, for the given ids (one query)."""
    ids = list(ids)
    if not ids:
        return {}
    query = db.select(ScoreSnapshot.id, ScoreSnapshot.answers).where(ScoreSnapshot.id.in_(ids))
    return dict(db.session.execute(query).all())
