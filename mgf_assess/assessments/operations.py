"""Writes on assessments: open, confirm answers, assign, submit (saving answers: ``saving``).

Every function mutates and flushes, never commits, and audits its change in the same
transaction. Changes of state lock the assessment row first (``locking``), so that a save and
a submission can never interleave.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from mgf_assess.assessments.errors import (
    DuplicateAssessment,
    MissingItems,
    NotEditable,
)
from mgf_assess.assessments.locking import lock
from mgf_assess.assessments.models import Answer, Assessment, Assignment
from mgf_assess.assessments.saving import (  # noqa: F401  (the save functions: part of this module's interface)
    answer_snapshot,
    save_answer,
    save_answer_noting_evidence,
)
from mgf_assess.assessments.scoring_bridge import (
    definition_for,
    score_assessment,
    snapshot_inputs,
)
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.core.models import Country
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.questionnaires.models import QuestionnaireVersion
from mgf_assess.results.models import ScoreSnapshot


def _published_version(family: str, version: str) -> QuestionnaireVersion | None:
    found = db.session.scalar(db.select(QuestionnaireVersion).filter_by(family=family, version=version))
    return found if found is not None and found.status == "published" else None


def _creation_problems(country: str, family: str, version: str, cycle: int) -> dict:
    """Every reason why the assessment cannot be opened, so that all are reported at once."""
    problems = {}
    if db.session.get(Country, country) is None:
        problems["country"] = _l("Unknown country code %(code)s.", code=country)
    if _published_version(family, version) is None:
        problems["version"] = _l("%(family)s %(version)s is not a published questionnaire "
                                 "version: choose a published one.", family=family, version=version)
    if not 2000 <= int(cycle) <= 2100:
        problems["cycle"] = _l("The cycle is a year between 2000 and 2100.")
    return problems


def create_assessment(actor, *, country: str, family: str, version: str, cycle: int) -> Assessment:
    """Open an assessment; one per country × questionnaire family × cycle.

    Raises OperationError listing every invalid input, DuplicateAssessment when it exists already.
    """
    problems = _creation_problems(country, family, version, cycle)
    if problems:
        raise OperationError(problems)
    if existing_assessment(country, family, cycle) is not None:
        raise DuplicateAssessment({"cycle": _l("%(country)s already has a %(family)s assessment for %(cycle)s.",
                                               country=country, family=family, cycle=cycle)})
    questionnaire = _published_version(family, version)
    assessment = Assessment(country_code=country, family=family, questionnaire_version_id=questionnaire.id,
                            cycle=int(cycle), state="draft", created_by_id=getattr(actor, "id", None))
    db.session.add(assessment)
    try:
        db.session.flush()
    except IntegrityError:  # created concurrently by someone else
        db.session.rollback()
        raise DuplicateAssessment({"cycle": _l("This assessment was just created by someone else.")}) from None
    audit.record(actor, "assessment.create", "assessment", assessment.id, country=country,
                 new={"family": family, "version": version, "cycle": int(cycle)})
    return assessment


def existing_assessment(country: str, family: str, cycle: int) -> Assessment | None:
    return db.session.scalar(db.select(Assessment).filter_by(country_code=country, family=family, cycle=int(cycle)))


def confirm_answer(actor, assessment: Assessment, answer: Answer) -> None:
    """Confirm an answer carried over from an earlier cycle, as it stands."""
    if not assessment.country_editable:
        raise NotEditable(_l("This assessment is %(state)s: answers cannot change now.", state=assessment.state))
    if answer.carried_over:
        answer.carried_over, answer.carry_note = False, None
        answer.revision += 1
        answer.updated_by_id, answer.updated_at = getattr(actor, "id", None), utcnow()
        db.session.flush()
        audit.record(actor, "answer.confirm", "answer", f"{assessment.id}:{answer.question_id}",
                     new=answer_snapshot(answer), country=assessment.country_code)


def set_assignments(actor, assessment: Assessment, user, scopes: list[str]) -> None:
    """Replace the domains/areas a contributor of the same country may edit."""
    definition = definition_for(assessment)
    kinds = {d.id: "domain" for d in definition.domains} | {a.id: "area" for d in definition.domains for a in d.areas}
    if user.role != "contributor" or user.country_code != assessment.country_code:
        raise OperationError({"user": _l("Only contributors of the assessment's country can be assigned.")})
    unknown = sorted(set(scopes) - set(kinds))
    if unknown:
        raise OperationError({"scopes": _l("Unknown domains or areas: %(ids)s.", ids=", ".join(unknown))})
    query = db.select(Assignment).filter_by(assessment_id=assessment.id, user_id=user.id)
    existing = list(db.session.scalars(query))
    old = sorted(a.scope_id for a in existing)
    for assignment in existing:
        db.session.delete(assignment)
    for scope in sorted(set(scopes)):
        db.session.add(Assignment(assessment_id=assessment.id, user_id=user.id, scope_type=kinds[scope], scope_id=scope))
    db.session.flush()
    audit.record(actor, "assignment.set", "assessment", assessment.id, old={"user": user.id, "scopes": old},
                 new={"user": user.id, "scopes": sorted(set(scopes))}, country=assessment.country_code)


def missing_items(result: dict, definition) -> list[dict]:
    """Relevant required questions that are neither answered nor justified as not applicable."""
    missing = []
    for domain in result["domains"]:
        for area in domain["areas"]:
            for question in area["questions"]:
                q = definition.question_map[question["id"]]
                if q.required and question["status"] == "missing":
                    missing.append({"question": q.id, "domain": domain["id"], "area": area["id"]})
    return missing


def submit(actor, assessment: Assessment, comment: str | None = None) -> ScoreSnapshot:
    """Submit for review: refuse with every missing item, else snapshot the score and freeze edits."""
    assessment = lock(assessment)
    if assessment.state not in ("draft", "returned"):
        raise NotEditable(_l("This assessment is %(state)s and cannot be submitted.", state=assessment.state))
    result = score_assessment(assessment)
    missing = missing_items(result, definition_for(assessment))
    if missing:
        raise MissingItems(missing)
    snapshot = ScoreSnapshot(assessment_id=assessment.id, kind="submitted", result=result,
                             created_by_id=getattr(actor, "id", None), **snapshot_inputs(assessment))
    old, assessment.state, assessment.submitted_at = assessment.state, "submitted", utcnow()
    db.session.add(snapshot)
    db.session.flush()
    audit.record(actor, "assessment.submit", "assessment", assessment.id, old={"state": old},
                 new={"state": "submitted", "snapshot": snapshot.id}, reason=comment,
                 country=assessment.country_code)
    return snapshot
