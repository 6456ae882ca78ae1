"""Rules about assessments: viewing, opening, answering, the workbook, scores, and the
workflow's transitions (derived from ``assessments.workflow``)."""

from __future__ import annotations

from mgf_assess.assessments import workflow
from mgf_assess.core.policy.registry import (
    ALL_COUNTRIES_ROLES,
    RULES,
    Rule,
    can,
    can_see_country,
    rule,
)

# ---- assessments -------------------------------------------------------------------------
# Objects: an Assessment (has country_code, state) or an AnswerTarget (assessment + the
# question's domain and area), see mgf_assess.assessments.access. Which states allow what
# comes from the workflow table (mgf_assess.assessments.workflow).

@rule("assessment.view")
def _view_assessment(user, assessment) -> bool:
    if user.role == "analyst":
        return workflow.is_validated(assessment.state)  # analysts read validated results only
    return can_see_country(user, assessment.country_code)


def country_filter(user) -> set[str] | None:
    """The countries whose assessments a list may show the user (None: every country), before
    ``assessment.view`` decides on each one."""
    return None if user.role in ALL_COUNTRIES_ROLES else set(user.country_codes)


@rule("assessment.create")
def _create_assessment(user, country) -> bool:
    code = getattr(country, "code", None)
    return user.role == "admin" or (user.role == "focal_point" and user.country_code == code)


@rule("assessment.manage")
def _country_manager(user, assessment) -> bool:
    """The country's focal point (or an admin): assigns contributors, carries answers forward,
    sees the preliminary score, and makes the country's transitions."""
    return user.role == "admin" or (user.role == "focal_point" and user.country_code == assessment.country_code)


@rule("answer.author")
def _answer_author(user, target) -> bool:
    """Whether the user writes this question's answer in the states that allow answering: the
    API answers 403 to others and 409 to authors when only the state stands in the way."""
    assessment = target.assessment
    if _country_manager(user, assessment):
        return True
    return (user.role == "contributor" and user.country_code == assessment.country_code
            and bool({target.domain_id, target.area_id} & target.assigned_scopes(user)))


@rule("answer.edit")
def _edit_answer(user, target) -> bool:
    return workflow.is_editable(target.assessment.state) and _answer_author(user, target)


@rule("answers.workbook")
def _answers_workbook(user, assessment) -> bool:
    """The offline answers workbook (download it, upload it back): the country's managers and
    contributors. Which rows of an upload a contributor may change is ``answer.author``'s
    question, row by row."""
    if _country_manager(user, assessment):
        return True
    return user.role == "contributor" and user.country_code == assessment.country_code


@rule("answers.import")
def _answers_import(user, assessment) -> bool:
    """Uploading a workbook: ``answers.workbook`` in a state that allows answering."""
    return workflow.is_editable(assessment.state) and _answers_workbook(user, assessment)


@rule("assessment.scores")
def _view_scores(user, assessment) -> bool:
    """The preliminary score is the country managers'; evaluators and analysts see scores once
    the country has submitted (analysts only validated assessments, as for everything else)."""
    if _country_manager(user, assessment):
        return True
    if user.role in ("evaluator", "analyst"):
        return not workflow.is_editable(assessment.state) and _view_assessment(user, assessment)
    return False



# ---- transitions, from the workflow table ------------------------------------------------
# ``transition.<name>.who``: may the user make it at all (whatever the state);
# ``transition.<name>``: may the user make it now (the assessment is in one of its states).

def transition_rules(item: workflow.Transition) -> dict[str, Rule]:
    def who(user, assessment) -> bool:
        return RULES[item.who](user, assessment)

    def now(user, assessment) -> bool:
        return item.applies_to(assessment) and who(user, assessment)

    return {f"transition.{item.name}.who": who, f"transition.{item.name}": now}


for _transition in workflow.TRANSITIONS.values():
    RULES.update(transition_rules(_transition))


def transitions_for(user, assessment) -> list[workflow.Transition]:
    """The transitions the user may make on the assessment now, in table order."""
    return [item for item in workflow.TRANSITIONS.values() if can(user, f"transition.{item.name}", assessment)]


