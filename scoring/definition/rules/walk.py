"""Walking a definition with the location of every element, for the semantic rules."""

from __future__ import annotations

from collections.abc import Iterator

from scoring.definition.model import CHOICE_TYPES, Definition, Question

Located = tuple[str, object]


def domains(definition: Definition) -> Iterator[Located]:
    """(location, domain) for every domain."""
    for index, domain in enumerate(definition.domains):
        yield f"domains[{index}]", domain


def areas(definition: Definition) -> Iterator[Located]:
    """(location, area) for every area."""
    for where, domain in domains(definition):
        for index, area in enumerate(domain.areas):
            yield f"{where}.areas[{index}]", area


def questions(definition: Definition) -> Iterator[tuple[str, Question]]:
    """(location, question) for every question, in file order."""
    for where, area in areas(definition):
        for index, question in enumerate(area.questions):
            yield f"{where}.questions[{index}]", question


def recommendations(definition: Definition) -> Iterator[Located]:
    """(location, recommendation) for every recommendation."""
    for where, question in questions(definition):
        for index, recommendation in enumerate(question.recommendations):
            yield f"{where}.recommendations[{index}]", recommendation


def answer_codes(question: Question) -> tuple[str, ...] | None:
    """The codes an answer to ``question`` can hold, or None for non-coded types."""
    if question.type in CHOICE_TYPES:
        return tuple(option.code for option in question.options)
    if question.type == "yes_no":
        return ("yes", "no")
    return None


def texts(definition: Definition) -> Iterator[tuple[str, dict | None, bool]]:
    """(location, text, required) for every translatable text; optional ones may be None."""
    yield "title", definition.title, True
    yield "description", definition.description, False
    for index, band in enumerate(definition.bands):
        yield f"bands[{index}].label", band.label, True
    for where, node in (*domains(definition), *areas(definition)):
        yield f"{where}.title", node.title, True
        yield f"{where}.help", node.help, False
    for where, question in questions(definition):
        yield from _question_texts(where, question)


def _question_texts(where: str, question: Question) -> Iterator[tuple[str, dict | None, bool]]:
    yield f"{where}.label", question.label, True
    yield f"{where}.help", question.help, False
    yield f"{where}.unit", question.unit, False
    yield f"{where}.constraint_message", question.constraint_message, False
    for index, option in enumerate(question.options):
        yield f"{where}.options[{index}].label", option.label, True
    for index, recommendation in enumerate(question.recommendations):
        yield f"{where}.recommendations[{index}].text", recommendation.text, True
