"""Objects the access policy reasons about for answers: which assessment, domain and area."""

from __future__ import annotations

from dataclasses import dataclass

from mgf_assess.assessments.models import Assessment, Assignment
from mgf_assess.extensions import db


def assigned_scopes(assessment: Assessment, user) -> set[str]:
    """Ids of the domains and areas of ``assessment`` assigned to ``user``."""
    query = db.select(Assignment.scope_id).filter_by(assessment_id=assessment.id, user_id=user.id)
    return set(db.session.scalars(query))


@dataclass
class AnswerTarget:
    """One question of one assessment, as the policy's ``answer.edit`` rule sees it."""

    assessment: Assessment
    domain_id: str
    area_id: str

    @property
    def country_code(self) -> str:
        return self.assessment.country_code

    def assigned_scopes(self, user) -> set[str]:
        return assigned_scopes(self.assessment, user)


def answer_target(assessment: Assessment, definition, qid: str) -> AnswerTarget | None:
    """The target of a question id, or None when the questionnaire has no such question."""
    for domain, area, question in definition.iter_questions():
        if question.id == qid:
            return AnswerTarget(assessment, domain.id, area.id)
    return None
