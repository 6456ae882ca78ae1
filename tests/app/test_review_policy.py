"""The access matrix of queries and comments: every action × role × own or other country ×
state. Users and assessments are plain objects: the rules read their role, countries, state
and (for contributors) the sections assigned to them."""

from dataclasses import dataclass

import pytest

from mgf_assess.assessments.access import AnswerTarget
from mgf_assess.assessments.workflow import STATES
from mgf_assess.auth.models import User
from mgf_assess.core import policy
from mgf_assess.core.models import Country
from mgf_assess.review.access import ThreadTarget

ROLES = ["admin", "focal_point", "contributor_assigned", "contributor_unassigned", "evaluator_assigned",
         "evaluator_unassigned", "analyst"]
REVIEW = {"in_review"}
CONVERSATION = {"in_review", "returned"}
EVERY = set(STATES)
EVALUATORS = {"admin", "evaluator_assigned"}
COUNTRY = {"focal_point", "contributor_assigned", "contributor_unassigned"}
# action -> (roles allowed on their own country's assessment, in these states). On another
# country's assessment only admins keep their rights (they have no country).
EXPECTED = {
    "comment.view": (EVALUATORS | COUNTRY, EVERY),
    "comment.view_internal": (EVALUATORS, EVERY),
    "comment.create": (EVALUATORS, REVIEW),
    "comment.reply": (EVALUATORS | {"focal_point", "contributor_assigned"}, CONVERSATION),
    "comment.reply.internal": (EVALUATORS, CONVERSATION),
    "query.resolve": (EVALUATORS, CONVERSATION),
}


@dataclass
class _Assessment:
    country_code: str
    state: str
    published_at: None = None


class _Question(AnswerTarget):
    """A question of the area ``services`` (domain ``rights``); the assigned contributor has
    that area (instead of a database row of assignments)."""

    def assigned_scopes(self, user) -> set[str]:
        return {"services"} if user.name == "assigned" else set()


def _user(role: str) -> User:
    kind, _sep, detail = role.partition("_")
    kind = "focal_point" if role == "focal_point" else kind
    user = User(role=kind, active=True, name=detail, country_code="KEN" if kind in ("focal_point", "contributor") else None)
    if kind == "evaluator":
        user.evaluated_countries = [Country(code="KEN" if detail == "assigned" else "BRA")]
    return user


def _object(action: str, assessment: _Assessment):
    question = _Question(assessment, "rights", "services")
    return ThreadTarget(question, internal=action.endswith(".internal"))


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("country", ["own", "other"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(EXPECTED))
def test_review_matrix(action, role, country, state):
    assessment = _Assessment("KEN" if country == "own" else "MEX", state)
    roles, states = EXPECTED[action]
    expected = role in roles and state in states and (country == "own" or role == "admin")
    rule = action.removesuffix(".internal")
    assert policy.can(_user(role), rule, _object(action, assessment)) is expected
    if rule != "comment.reply":  # the rules on the assessment read the same on the assessment itself
        assert policy.can(_user(role), rule, assessment) is expected


@pytest.mark.parametrize("action", ["comment.create", "comment.reply", "query.resolve"])
@pytest.mark.parametrize("role", ROLES)
def test_who_rules_ignore_the_state(action, role):
    """``<action>.who`` answers for every state what ``<action>`` answers in its states: it
    decides between 403 (never) and 409 (not now)."""
    own = [_object(action, _Assessment("KEN", state)) for state in STATES]
    allowed = {policy.can(_user(role), f"{action}.who", target) for target in own}
    assert allowed == {role in EXPECTED[action][0]}
