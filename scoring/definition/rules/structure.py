"""Rules on the file's structure: unique ids, non-empty sections, declared languages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from scoring.definition.model import Definition
from scoring.definition.rules import walk
from scoring.problems.problem import Problem

SOURCE_LANGUAGE = "en"


def duplicate_values(items: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str, str]]:
    """(location, value, first location) for every value already seen earlier in ``items``."""
    first: dict[str, str] = {}
    for location, value in items:
        if value in first:
            yield location, value, first[value]
        else:
            first[value] = location


def check_ids(definition: Definition) -> Iterator[Problem]:
    """Ids of domains, areas, questions and recommendations are unique across the file."""
    nodes = (*walk.domains(definition), *walk.areas(definition),
             *walk.questions(definition), *walk.recommendations(definition))
    ids = ((f"{where}.id", node.id) for where, node in nodes)
    for location, value, first in duplicate_values(ids):
        yield Problem("duplicate_id", location, f"the id '{value}' is already used at {first}",
                      "give every domain, area, question and recommendation its own id")


def check_sections(definition: Definition) -> Iterator[Problem]:
    """Every level holds at least one child: an empty one could never be scored."""
    if not definition.domains:
        yield _empty("domains", "the questionnaire has no domains", "add at least one domain")
    for where, domain in walk.domains(definition):
        if not domain.areas:
            yield _empty(f"{where}.areas", f"domain '{domain.id}' has no areas", "add an area or remove the domain")
    for where, area in walk.areas(definition):
        if not area.questions:
            yield _empty(f"{where}.questions", f"area '{area.id}' has no questions",
                         "add a question or remove the area")


def _empty(location: str, message: str, fix: str) -> Problem:
    return Problem("empty_section", location, message, fix)


def check_languages(definition: Definition) -> Iterator[Problem]:
    """``languages`` names the source language once, and no language twice."""
    if SOURCE_LANGUAGE not in definition.languages:
        yield Problem("missing_source_language", "languages",
                      f"'{SOURCE_LANGUAGE}' (the source language) is not among the languages",
                      f"add {SOURCE_LANGUAGE} to languages, e.g. languages: [en, fr]")
    listed = ((f"languages[{index}]", code) for index, code in enumerate(definition.languages))
    for location, code, _first in duplicate_values(listed):
        yield Problem("duplicate_language", location, f"the language '{code}' is listed twice",
                      "list each language once")
