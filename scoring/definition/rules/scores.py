"""Rules on how scores are made: bands, targets, options and recommendations.

Numeric scoring (thresholds, linear) is in ``scoring.definition.rules.numeric``.
"""

from __future__ import annotations

from collections.abc import Iterator

from scoring.definition.model import CHOICE_TYPES, Band, Definition, Question
from scoring.definition.rules import walk
from scoring.definition.rules.structure import duplicate_values
from scoring.problems.problem import Problem, with_hint

YES_NO_CODES = frozenset({"yes", "no"})


def check_bands(definition: Definition) -> Iterator[Problem]:
    """Bands exist, start at 0, ascend strictly and have distinct codes."""
    bands = definition.bands
    if not bands:
        yield Problem("missing_bands", "bands", "the questionnaire declares no bands",
                      "add bands, the first with min: 0, e.g. - {code: meets, min: 0, label: {en: Meets}}")
        return
    if bands[0].min != 0:
        yield Problem("first_band_not_zero", "bands[0].min", f"the first band starts at {bands[0].min}, not 0",
                      "set min: 0 on the first band so that every score falls in a band")
    yield from _band_order(bands)
    codes = ((f"bands[{index}].code", band.code) for index, band in enumerate(bands))
    for location, code, first in duplicate_values(codes):
        yield Problem("duplicate_band_code", location, f"the band code '{code}' is already used at {first}",
                      "give every band its own code")


def _band_order(bands: tuple[Band, ...]) -> Iterator[Problem]:
    for index, (before, band) in enumerate(zip(bands, bands[1:], strict=False), start=1):
        if band.min <= before.min:
            yield Problem("bands_not_ascending", f"bands[{index}].min",
                          f"band '{band.code}' starts at {band.min}, not above the previous band's {before.min}",
                          "list bands from lowest to highest, each min greater than the previous one")


def check_targets(definition: Definition) -> Iterator[Problem]:
    """``target_band`` (top level and per domain) names a declared band."""
    codes = [band.code for band in definition.bands]
    targets = [("target_band", definition.target_band)]
    targets += [(f"{where}.target_band", domain.target_band) for where, domain in walk.domains(definition)]
    for location, target in targets:
        if target is not None and target not in codes:
            yield Problem("unknown_target_band", location, f"no band has the code '{target}'",
                          with_hint(f"use one of the band codes: {', '.join(codes) or '(none declared)'}",
                                    target, codes))


def check_options(definition: Definition) -> Iterator[Problem]:
    """Options belong to choice questions (and, as score overrides, to yes_no)."""
    for where, question in walk.questions(definition):
        yield from _option_presence(where, question)
        yield from _option_codes(where, question)
        yield from _option_scores(where, question)


def _option_presence(where: str, question: Question) -> Iterator[Problem]:
    if question.type in CHOICE_TYPES and not question.options:
        yield Problem("missing_options", f"{where}.options", f"the {question.type} question "
                      f"'{question.id}' has no options", "list the options the official can choose from")
    elif question.type not in (*CHOICE_TYPES, "yes_no") and question.options:
        yield Problem("unexpected_options", f"{where}.options", f"a {question.type} question takes no options",
                      "remove the options, or change the type to single_choice or multi_choice")


def _option_codes(where: str, question: Question) -> Iterator[Problem]:
    codes = [(f"{where}.options[{index}].code", option.code) for index, option in enumerate(question.options)]
    for location, code, first in duplicate_values(codes):
        yield Problem("duplicate_option_code", location, f"the option code '{code}' is already used at {first}",
                      "give every option of a question its own code")
    if question.type == "yes_no" and question.options and {c for _, c in codes} != YES_NO_CODES:
        yield Problem("invalid_yes_no_options", f"{where}.options",
                      "the options of a yes_no question must have exactly the codes yes and no",
                      "keep two options with code: yes and code: no, or remove the options")


def _option_scores(where: str, question: Question) -> Iterator[Problem]:
    unscored = [index for index, option in enumerate(question.options) if option.score is None]
    if 0 < len(unscored) < len(question.options):
        codes = ", ".join(question.options[index].code for index in unscored)
        yield Problem("mixed_option_scores", f"{where}.options[{unscored[0]}].score",
                      f"some options have a score and some do not ({codes})",
                      "give every option a score, or none (an unscored question is a profile question)")


def check_recommendations(definition: Definition) -> Iterator[Problem]:
    """Recommendations hang on scored questions and can fire."""
    for where, question in walk.questions(definition):
        for index, recommendation in enumerate(question.recommendations):
            location = f"{where}.recommendations[{index}]"
            if not question.scored:
                yield Problem("recommendation_on_unscored", location,
                              f"question '{question.id}' has no score, so recommendation "
                              f"'{recommendation.id}' can never fire",
                              "move the recommendation to a scored question, or give the options scores")
            elif recommendation.below == 0:
                yield Problem("recommendation_never_fires", f"{location}.below",
                              "below: 0 never fires, since no score is below 0",
                              "raise below (100 fires for any score short of full marks)", "warning")
