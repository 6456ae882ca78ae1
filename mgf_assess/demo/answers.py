"""Deterministic, plausible demo answers for any questionnaire definition.

Every choice comes from a stable hash of the country, the question id and a purpose (never
from ``random`` or the clock), so two seeds always give the same answers. Each country has a
profile: a maturity level per domain, which moves a little between cycles, so domain scores
differ meaningfully between countries while one country's answers stay coherent over time.
Pure: no Flask, no database.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from mgf_assess.demo.numbers import numeric_value
from scoring.api import Answer, Definition, Question, check_answer, hidden_questions, plan_for

NA_SHARE = 0.15  # of the questions that allow "not applicable"
UNKNOWN_SHARE = 0.05  # of the questions that allow "don't know", more where maturity is low


def unit(*parts: object) -> float:
    """A stable pseudo-random number in [0, 1) for these parts (same parts, same number)."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


@dataclass(frozen=True)
class Profile:
    """One country in one cycle: its name, migration roles and maturity."""

    code: str
    name: str
    cycle: int
    roles: tuple[str, ...]

    def level(self, domain_id: str) -> float:
        """Maturity in [0.05, 0.95]: a country base, a domain offset and a trend over cycles."""
        base = 0.35 + 0.45 * unit(self.code, "base")
        offset = 0.4 * (unit(self.code, domain_id, "domain") - 0.5)
        trend = (self.cycle - 2019) / 7 * (0.18 * unit(self.code, "trend") - 0.04)
        return clamp(base + offset + trend, 0.05, 0.95)

    def target(self, domain_id: str, qid: str) -> float:
        """The score (0-100) this country's answer to a question aims at.

        The question's own offset ignores the cycle, so an answer changes between cycles
        only when the country's level moves past it.
        """
        return clamp(100 * (self.level(domain_id) + 0.5 * (unit(self.code, qid, "q") - 0.5)), 0, 100)


def answers_for(definition: Definition, profile: Profile, fill: float = 1.0,
                area_fill: dict[str, float] | None = None) -> dict[str, Answer]:
    """Checked answers by question id, in file order; questions hidden by relevance are left out.

    ``fill`` (and ``area_fill`` per area id) is the share of questions answered; questions that
    relevance expressions read are always answered, as officials answer the profile first.
    """
    referenced = plan_for(definition).referenced
    answers = {}
    for domain, area, question in definition.iter_questions():
        share = (area_fill or {}).get(area.id, fill)
        if question.id in referenced or unit(profile.code, profile.cycle, question.id, "fill") < share:
            answers[question.id] = _checked(definition, question, _payload(question, domain.id, profile))
    hidden = hidden_questions(plan_for(definition), answers)
    return {qid: answer for qid, answer in answers.items() if qid not in hidden}


def _checked(definition: Definition, question: Question, payload: dict) -> Answer:
    answer, problems = check_answer(definition, question.id, payload)
    if problems:  # a bug in this module, not bad data: say exactly what
        raise ValueError(f"demo answer for {question.id} is invalid: {problems}")
    return answer


def _payload(question: Question, domain_id: str, profile: Profile) -> dict:
    level = profile.level(domain_id)
    if question.allow_na and unit(profile.code, question.id, "na") < NA_SHARE:
        return {"status": "na", "justification": na_justification(profile.name)}
    unknown_share = UNKNOWN_SHARE + 0.08 * (1 - level)
    if question.allow_unknown and unit(profile.code, profile.cycle, question.id, "unknown") < unknown_share:
        return {"status": "unknown"}
    return {"value": value_for(question, profile.target(domain_id, question.id), profile)}


def na_justification(country_name: str) -> str:
    return (f"Not applicable in {country_name}: the procedure this question measures does not "
            f"exist in national law or practice.")


def value_for(question: Question, target: float, profile: Profile) -> object:
    """A valid value of the question's type, scoring close to ``target`` where it is scored."""
    u = unit(profile.code, question.id, "value")
    if question.type == "yes_no":
        return "yes" if target >= 50 else "no"
    if question.type == "single_choice":
        return _single(question, target, profile)
    if question.type == "multi_choice":
        return _multi(question, target, profile)
    if question.type in ("number", "percent"):
        return numeric_value(question, target, u)
    if question.type == "date":
        return _date(profile)
    return (f"{profile.name}: information from the ministry responsible for migration, "
            f"{profile.cycle - 1}.")


def _single(question: Question, target: float, profile: Profile) -> str:
    scored = [option for option in question.options if option.score is not None]
    if not scored:  # an unscored choice describes the country: pick one steadily
        return _profile_codes(question, profile)[0]
    return min(scored, key=lambda option: abs(float(option.score) - target)).code


def _multi(question: Question, target: float, profile: Profile) -> list[str]:
    if not any(option.score is not None for option in question.options):
        return _profile_codes(question, profile)
    # Keyed without the cycle, so a selection (a ratified treaty, say) tends to persist.
    chosen = [o.code for o in question.options if unit(profile.code, question.id, o.code) < target / 100]
    return chosen or [min(question.options, key=lambda o: unit(profile.code, question.id, o.code)).code]


def _profile_codes(question: Question, profile: Profile) -> list[str]:
    """The country's roles where the options name them, else a steady choice of options."""
    codes = [option.code for option in question.options]
    roles = [code for code in codes if code in profile.roles]
    if roles:
        return roles
    chosen = [code for code in codes if unit(profile.code, question.id, code) < 0.5]
    return chosen or [min(codes, key=lambda code: unit(profile.code, question.id, code))]


def _date(profile: Profile) -> str:
    year = profile.cycle - 1 - int(4 * unit(profile.code, profile.cycle, "year"))
    month = 1 + int(12 * unit(profile.code, profile.cycle, "month"))
    day = 1 + int(28 * unit(profile.code, profile.cycle, "day"))
    return f"{year}-{month:02d}-{day:02d}"

