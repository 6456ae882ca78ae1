"""Writes on assessments: open, assign, and move through the workflow (answers: ``saving``).

Every function mutates and flushes, never commits, and audits its change in the same
transaction. Changes of state lock the assessment row first (``locking``), so that a save and
a transition can never interleave.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from mgf_assess.assessments import steps, workflow
from mgf_assess.assessments.errors import DuplicateAssessment, NotEditable
from mgf_assess.assessments.locking import lock, lock_editable
from mgf_assess.assessments.models import Assessment, Assignment
from mgf_assess.assessments.saving import confirm_answer, save_answer  # noqa: F401  (part of this interface)
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.core.limits import TEXT_MAX, too_long
from mgf_assess.core.models import Country
from mgf_assess.extensions import db
from mgf_assess.notifications.operations import notify_transition
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


ASSIGNMENTS_FROZEN = _l("This assessment is %(state)s: assignments cannot change now.")


@dataclass(frozen=True)
class AssignmentChange:
    """What saving a contributor's assignments changed: scope ids added and removed."""

    added: list[str]
    removed: list[str]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


def _scope_kinds(definition) -> dict[str, str]:
    """Every assignable scope id of the questionnaire: its domains and areas."""
    return {d.id: "domain" for d in definition.domains} | {a.id: "area" for d in definition.domains for a in d.areas}


def _check_assignment(assessment: Assessment, user, scopes: list[str], kinds: dict[str, str]) -> None:
    if user.role != "contributor" or user.country_code != assessment.country_code:
        raise OperationError({"user": _l("Only contributors of the assessment's country can be assigned.")})
    unknown = sorted(set(scopes) - set(kinds))
    if unknown:
        raise OperationError({"scopes": _l("Unknown domains or areas: %(ids)s.", ids=", ".join(unknown))})


def set_assignments(actor, assessment: Assessment, user, scopes: list[str]) -> AssignmentChange:
    """Make the domains/areas assigned to a contributor of the same country exactly ``scopes``:
    add the missing ones, delete the others, keep the rest. Audited as the difference; when
    nothing changes, nothing is written (the returned change is empty). Refused (NotEditable)
    unless the country may still edit the assessment."""
    kinds = _scope_kinds(definition_for(assessment))
    _check_assignment(assessment, user, scopes, kinds)
    assessment = lock_editable(assessment, ASSIGNMENTS_FROZEN)
    query = db.select(Assignment).filter_by(assessment_id=assessment.id, user_id=user.id)
    existing = {assignment.scope_id: assignment for assignment in db.session.scalars(query)}
    change = AssignmentChange(added=sorted(set(scopes) - set(existing)), removed=sorted(set(existing) - set(scopes)))
    for scope in change.removed:
        db.session.delete(existing[scope])
    for scope in change.added:  # never one already stored: no clash with the UNIQUE constraint
        db.session.add(Assignment(assessment_id=assessment.id, user_id=user.id, scope_type=kinds[scope], scope_id=scope))
    if change:
        db.session.flush()
        audit.record(actor, "assignment.change", "assessment", assessment.id, country=assessment.country_code,
                     new={"user": user.id, "added": change.added, "removed": change.removed})
    return change


@dataclass(frozen=True)
class TransitionDone:
    """What a transition did: the states before and after, and the snapshot it took, if any."""

    name: str
    previous_state: str
    state: str
    snapshot: ScoreSnapshot | None


def run_transition(actor, assessment: Assessment, name: str, comment: str | None = None) -> TransitionDone:
    """Make the workflow transition ``name``: under the assessment's lock, check that it starts
    from the current state (NotEditable) and has its comment if one is required
    (OperationError), run its step, change the state and audit it with the comment.

    Who may make it is the access policy's question (``transition.<name>``), asked by the caller.
    """
    item = workflow.TRANSITIONS[name]
    assessment = lock(assessment)
    if not item.applies_to(assessment):
        raise NotEditable(workflow.refusal_text(item, assessment.state))
    comment = _checked_comment(item, comment)
    snapshot = getattr(steps, item.step)(actor, assessment) if item.step else None
    previous, assessment.state = assessment.state, item.target
    db.session.flush()
    new = {"state": item.target} | ({"snapshot": snapshot.id} if snapshot else {}) | _publication(item, assessment)
    audit.record(actor, f"assessment.{name}", "assessment", assessment.id, old={"state": previous}, new=new,
                 reason=comment, country=assessment.country_code)
    notify_transition(actor, assessment, name, comment)
    return TransitionDone(name, previous, item.target, snapshot)


def _publication(item: workflow.Transition, assessment: Assessment) -> dict:
    """The publication flag as a transition that concerns it leaves it, for the audit log."""
    if item.published is None:
        return {}
    return {"published_at": assessment.published_at.isoformat() if assessment.published_at else None}


def _checked_comment(item: workflow.Transition, comment: str | None) -> str | None:
    """The comment without surrounding spaces (None when empty); OperationError when it is
    required and missing, or longer than the limit."""
    comment = (comment or "").strip() or None
    if item.comment_required and comment is None:
        raise OperationError({"comment": _l("Say why: a comment is required for this step.")})
    if too_long(comment, TEXT_MAX):
        raise OperationError({"comment": _l("The comment is too long: at most %(n)s characters.", n=f"{TEXT_MAX:,}")})
    return comment


def submit(actor, assessment: Assessment, comment: str | None = None) -> ScoreSnapshot:
    """Submit for review (the ``submit`` transition); returns the ``submitted`` snapshot."""
    return run_transition(actor, assessment, "submit", comment).snapshot
