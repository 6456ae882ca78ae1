"""Rules on how scores are made: bands, targets, options and recommendations.

Numeric scoring (thresholds, linear) is in ``scoring.definition.rules.numeric``.
"""

from __future__ import annotations

from collections.abc import Iterator

from scoring.definition.model import CHOICE_TYPES, Band, Definition, Question
from scoring.definition.rules import walk
from scoring.definition.rules.structure import duplicate_values
from scoring.problems.catalog import Catalog
from scoring.problems.problem import Problem, hint

YES_NO_CODES = frozenset({"yes", "no"})


def check_bands(definition: Definition) -> Iterator[Problem]:
    """Bands exist, start at 0, ascend strictly and have distinct codes."""
    bands = definition.bands
    if not bands:
        yield Catalog.MISSING_BANDS.at("bands")
        return
    if bands[0].min != 0:
        yield Catalog.FIRST_BAND_NOT_ZERO.at("bands[0].min", min=bands[0].min)
    yield from _band_order(bands)
    codes = ((f"bands[{index}].code", band.code) for index, band in enumerate(bands))
    for location, code, first in duplicate_values(codes):
        yield Catalog.DUPLICATE_BAND_CODE.at(location, code=code, first=first)


def _band_order(bands: tuple[Band, ...]) -> Iterator[Problem]:
    for index, (before, band) in enumerate(zip(bands, bands[1:], strict=False), start=1):
        if band.min <= before.min:
            yield Catalog.BANDS_NOT_ASCENDING.at(f"bands[{index}].min", band=band.code, min=band.min,
                                                 previous=before.min)


def check_targets(definition: Definition) -> Iterator[Problem]:
    """``target_band`` (top level and per domain) names a declared band."""
    codes = [band.code for band in definition.bands]
    targets = [("target_band", definition.target_band)]
    targets += [(f"{where}.target_band", domain.target_band) for where, domain in walk.domains(definition)]
    for location, target in targets:
        if target is not None and target not in codes:
            yield Catalog.UNKNOWN_TARGET_BAND.at(location, target=target, codes=", ".join(codes) or "(none declared)",
                                                 hint=hint(target, codes))


def check_options(definition: Definition) -> Iterator[Problem]:
    """Options belong to choice questions (and, as score overrides, to yes_no)."""
    for where, question in walk.questions(definition):
        yield from _option_presence(where, question)
        yield from _option_codes(where, question)
        yield from _option_scores(where, question)


def _option_presence(where: str, question: Question) -> Iterator[Problem]:
    if question.type in CHOICE_TYPES and not question.options:
        yield Catalog.MISSING_OPTIONS.at(f"{where}.options", type=question.type, question_id=question.id)
    elif question.type not in (*CHOICE_TYPES, "yes_no") and question.options:
        yield Catalog.UNEXPECTED_OPTIONS.at(f"{where}.options", type=question.type)


def _option_codes(where: str, question: Question) -> Iterator[Problem]:
    codes = [(f"{where}.options[{index}].code", option.code) for index, option in enumerate(question.options)]
    for location, code, first in duplicate_values(codes):
        yield Catalog.DUPLICATE_OPTION_CODE.at(location, code=code, first=first)
    if question.type == "yes_no" and question.options and {c for _, c in codes} != YES_NO_CODES:
        yield Catalog.INVALID_YES_NO_OPTIONS.at(f"{where}.options")


def _option_scores(where: str, question: Question) -> Iterator[Problem]:
    unscored = [index for index, option in enumerate(question.options) if option.score is None]
    if 0 < len(unscored) < len(question.options):
        codes = ", ".join(question.options[index].code for index in unscored)
        yield Catalog.MIXED_OPTION_SCORES.at(f"{where}.options[{unscored[0]}].score", codes=codes)


def check_recommendations(definition: Definition) -> Iterator[Problem]:
    """Recommendations hang on scored questions and can fire."""
    for where, question in walk.questions(definition):
        for index, recommendation in enumerate(question.recommendations):
            location = f"{where}.recommendations[{index}]"
            if not question.scored:
                yield Catalog.RECOMMENDATION_ON_UNSCORED.at(location, question_id=question.id,
                                                            recommendation=recommendation.id)
            elif recommendation.below == 0:
                yield Catalog.RECOMMENDATION_NEVER_FIRES.at(f"{location}.below")


def check_na_rules(definition: Definition) -> Iterator[Problem]:
    """``na: zero`` changes something only where a scored question allows not applicable."""
    zero_domains = []
    for where, domain in walk.domains(definition):
        if definition.domain_na(domain) != "zero":
            continue
        zero_domains.append(domain)
        if domain.na == "zero" and not _allows_na(domain):
            yield Catalog.NA_RULE_UNUSED.at(f"{where}.na", scope=f"domain '{domain.id}'")
    if definition.na == "zero" and not any(_allows_na(d) for d in zero_domains if d.na is None):
        yield Catalog.NA_RULE_UNUSED.at("na", scope="the domains that follow it")


def _allows_na(domain) -> bool:
    return any(q.allow_na and q.scored for area in domain.areas for q in area.questions)
