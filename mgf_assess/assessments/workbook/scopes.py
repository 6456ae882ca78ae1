"""Which questions a workbook holds, and which of its rows the user may change.

A scope is ``all`` (the whole assessment), ``assigned`` (the sections assigned to the user: all
of them for the country's focal point) or the id of one domain or area.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from mgf_assess.assessments import workflow
from mgf_assess.assessments.access import AnswerTarget, assigned_scopes
from mgf_assess.core import policy
from mgf_assess.i18n import localized
from scoring.api import Area, Definition, Domain, Question

SCOPE_WORDS = {"all": _l("The whole assessment"), "assigned": _l("The sections assigned to you")}


@dataclass(frozen=True)
class Line:
    """One question of the workbook, with its section number ("1.2") and whether the user may
    change its answer."""

    number: str
    domain: Domain
    area: Area
    question: Question
    editable: bool

    @property
    def section(self) -> str:
        return f"{self.number} {localized(self.area.title)}"


def default_scope(user, assessment) -> str:
    """``assigned`` for contributors, ``all`` for the focal point and the command line."""
    return "assigned" if getattr(user, "role", None) == "contributor" else "all"


def may_change(user, assessment) -> Callable[[Domain, Area], bool]:
    """Whether the user may change the answers of an area (the command line: while editable)."""
    if user is None:
        return lambda domain, area: workflow.is_editable(assessment.state)
    return _per_area(lambda domain, area: policy.can(user, "answer.edit", AnswerTarget(assessment, domain.id, area.id)))


def may_author(user, assessment) -> Callable[[Domain, Area], bool]:
    """Whether the user writes the answers of an area, whatever the state (uploads check the
    state once, for the whole file)."""
    if user is None:
        return lambda domain, area: True
    return _per_area(lambda domain, area: policy.can(user, "answer.author",
                                                     AnswerTarget(assessment, domain.id, area.id)))


def _per_area(check: Callable[[Domain, Area], bool]) -> Callable[[Domain, Area], bool]:
    """``check`` asked once per area (the policy reads a contributor's assignments each time)."""
    known: dict[str, bool] = {}

    def cached(domain: Domain, area: Area) -> bool:
        if area.id not in known:
            known[area.id] = check(domain, area)
        return known[area.id]

    return cached


def sections(definition: Definition):
    """(number "1.2", domain, area) of every area, in questionnaire order."""
    for d_index, domain in enumerate(definition.domains, start=1):
        for a_index, area in enumerate(domain.areas, start=1):
            yield f"{d_index}.{a_index}", domain, area


def lines(definition: Definition, scope: str, user, assessment) -> list[Line] | None:
    """The questions of ``scope`` in questionnaire order; None when there is no such scope."""
    if scope not in ("all", "assigned") and not _is_node(definition, scope):
        return None
    editable = may_change(user, assessment)
    mine = _assigned(user, assessment)
    return [Line(number, domain, area, question, editable(domain, area))
            for number, domain, area in sections(definition) if _in_scope(scope, domain, area, mine)
            for question in area.questions]


def _is_node(definition: Definition, node_id: str) -> bool:
    return any(node_id in (domain.id, area.id) for domain in definition.domains for area in domain.areas)


def _assigned(user, assessment) -> set[str] | None:
    """The ids assigned to a contributor; None for everyone else (everything is theirs)."""
    return assigned_scopes(assessment, user) if getattr(user, "role", None) == "contributor" else None


def _in_scope(scope: str, domain: Domain, area: Area, mine: set[str] | None) -> bool:
    if scope == "all":
        return True
    if scope == "assigned":
        return mine is None or bool({domain.id, area.id} & mine)
    return scope in (domain.id, area.id)


def scope_text(definition: Definition, scope: str) -> str:
    """The scope in words: "The whole assessment", or the domain or area's title."""
    if scope in SCOPE_WORDS:
        return str(SCOPE_WORDS[scope])
    for domain in definition.domains:
        if domain.id == scope:
            return localized(domain.title)
        area = next((area for area in domain.areas if area.id == scope), None)
        if area is not None:
            return localized(area.title)
    return scope
