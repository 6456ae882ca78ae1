"""What the list and overview pages show, gathered from the score result and the policy."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import flash, redirect, url_for
from flask_login import current_user

from mgf_assess.assessments import carry, queries, workflow
from mgf_assess.assessments.access import AnswerTarget
from mgf_assess.assessments.locking import LOCKED
from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.scoring_bridge import definition_for, score_assessment
from mgf_assess.auth.models import User
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.extensions import db
from mgf_assess.i18n import localized
from scoring.api import Area, Definition, Domain

# How the overview heads the scores in each state: until the review starts they are the
# country's own (preliminary); from then on they are the validated ones (with the evaluator's
# overrides), shown beside the self-assessed ones.
SCORE_STAGES = {"in_review": "under_review", "reviewed": "reviewed", "validated": "validated"}


def score_stage(assessment: Assessment) -> str:
    """``preliminary``, ``under_review``, ``reviewed`` or ``validated``: how the overview heads
    the scores."""
    return SCORE_STAGES.get(assessment.state, "preliminary")


def flash_if_locked(assessment: Assessment) -> bool:
    """Flash why nothing can change when the assessment is locked (validated); True if it is."""
    if not workflow.is_locked(assessment.state):
        return False
    flash(str(LOCKED), "error")
    return True


def locked_refusal(assessment: Assessment, who: str, obj: object):
    """For a write posted to a locked (validated) assessment by someone the policy's rule
    ``who`` allows on ``obj`` (an author, a reviewer): flash why, and a redirect to its
    overview. None otherwise: then the policy's own check answers (403 to everyone else), which
    would not say that an administrator's reopening is what is missing."""
    if not workflow.is_locked(assessment.state) or not policy.can(current_user, who, obj):
        return None
    flash_if_locked(assessment)
    return redirect(url_for("assessments.show", assessment_id=assessment.id))


@dataclass
class AreaView:
    area: Area
    number: str
    result: dict
    editable: bool


@dataclass
class DomainView:
    domain: Domain
    number: str
    result: dict
    areas: list[AreaView] = field(default_factory=list)


def band_labels(definition: Definition) -> dict[str, str]:
    return {band.code: localized(band.label) for band in definition.bands}


def _area_editable(user, assessment: Assessment, domain: Domain, area: Area) -> bool:
    return policy.can(user, "answer.edit", AnswerTarget(assessment, domain.id, area.id))


def domain_views(user, assessment: Assessment, result: dict) -> list[DomainView]:
    """Every domain and area with its part of the score result and whether the user may edit it."""
    definition = definition_for(assessment)
    results = {d["id"]: d for d in result["domains"]}
    views = []
    for d_index, domain in enumerate(definition.domains, start=1):
        d_result = results[domain.id]
        a_results = {a["id"]: a for a in d_result["areas"]}
        view = DomainView(domain, str(d_index), d_result)
        view.areas = [AreaView(area, f"{d_index}.{a_index}", a_results[area.id],
                               _area_editable(user, assessment, domain, area))
                      for a_index, area in enumerate(domain.areas, start=1)]
        views.append(view)
    return views


def completeness_of(assessments: list[Assessment]) -> dict[int, float | None]:
    """Overall completeness of each assessment (for the list page)."""
    return {a.id: score_assessment(a)["overall"]["completeness"] for a in assessments}


def carry_offer(assessment: Assessment) -> tuple[carry.CarryPlan | None, str | None]:
    """The carry-forward plan to offer, or why there is none to offer (None, message)."""
    if assessment.carried_from_id is not None or not assessment.country_editable:
        return None, None
    try:
        return carry.plan(assessment), None
    except OperationError as error:
        return None, " ".join(error.problems.values())


def contributors_of(assessment: Assessment) -> list[tuple[User, set[str]]]:
    """Active contributors of the assessment's country, with the scopes assigned to each."""
    query = db.select(User).filter_by(role="contributor", country_code=assessment.country_code, active=True)
    assigned: dict[int, set[str]] = {}
    for assignment in queries.assignments_of(assessment):
        assigned.setdefault(assignment.user_id, set()).add(assignment.scope_id)
    return [(user, assigned.get(user.id, set())) for user in db.session.scalars(query.order_by(User.name))]


def scope_choices(definition: Definition) -> list[tuple[str, str]]:
    """Domains, each followed by its areas, as (id, label) for the assignment checkboxes."""
    pairs = []
    for d_index, domain in enumerate(definition.domains, start=1):
        pairs.append((domain.id, f"{d_index}. {localized(domain.title)}"))
        pairs.extend((area.id, f"{d_index}.{a_index} {localized(area.title)}")
                     for a_index, area in enumerate(domain.areas, start=1))
    return pairs
