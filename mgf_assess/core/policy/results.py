"""Rules about results: gap reports, comparisons, public profiles, corridors."""

from __future__ import annotations

from mgf_assess.assessments import workflow
from mgf_assess.core.policy.assessments import _view_assessment
from mgf_assess.core.policy.registry import (
    ALL_COUNTRIES_ROLES,
    COUNTRY_ROLES,
    RULES,
    can_see_country,
    rule,
    signed_in,
)

# ---- reports -----------------------------------------------------------------------------

@rule("report.view")
def _view_report(user, assessment) -> bool:
    """The gap report (page and every download) is readable by whoever may view the
    assessment; a preliminary report says so in a banner."""
    return _view_assessment(user, assessment)


# ---- results: comparisons, public profiles, corridors ------------------------------------
# A validated result is the result of record. Analysts and admins see every one; everyone
# else sees the results of their own countries (a country user's, an evaluator's assigned
# ones) and every published one. Anyone, signed in or not, reads a published one as a public
# country profile. A result the user may not see is simply absent from a comparison.

def is_public(assessment) -> bool:
    """Whether the assessment's result is a public country profile: validated and published."""
    return workflow.is_validated(assessment.state) and workflow.is_published(assessment)


@rule("result.view")
def _view_result(user, assessment) -> bool:
    """Whether the user may see the assessment's validated result on its own (a profile row,
    a peer, a rank), rather than only inside an aggregate of several states."""
    if not workflow.is_validated(assessment.state):
        return False
    if user.role in ALL_COUNTRIES_ROLES or is_public(assessment):
        return True
    return can_see_country(user, assessment.country_code)


@rule("result.view_latest")
def _view_latest_result(user, assessment) -> bool:
    """The latest score snapshot in any state (a PRELIMINARY comparison): admins, and
    evaluators for their countries."""
    return user.role == "admin" or (user.role == "evaluator" and assessment.country_code in user.country_codes)


RULES.update({
    "comparisons.view": lambda user, _obj: True,  # each sees what result.view allows
    "comparisons.latest": lambda user, _obj: user.role in ("admin", "evaluator"),
    "corridors.manage": lambda user, _obj: user.role in ALL_COUNTRIES_ROLES,
})


def sees_every_result(user) -> bool:
    """Whether the user may see every validated result individually (no aggregate is then
    withheld from them: they could compute it themselves)."""
    return signed_in(user) and user.role in ALL_COUNTRIES_ROLES


def peer_countries(user) -> set[str] | None:
    """The countries whose peers the user may look for (None: any country they may see):
    country users look for their own country's peers."""
    return {user.country_code} if user.role in COUNTRY_ROLES and user.country_code else None

