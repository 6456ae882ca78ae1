"""Rules on the file's structure: unique ids, non-empty sections, declared languages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from scoring.definition.model import Definition
from scoring.definition.rules import walk
from scoring.problems.catalog import Catalog
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
        yield Catalog.DUPLICATE_ID.at(location, id=value, first=first)


def check_sections(definition: Definition) -> Iterator[Problem]:
    """Every level holds at least one child: an empty one could never be scored."""
    if not definition.domains:
        yield Catalog.EMPTY_SECTION__DOMAINS.at("domains")
    for where, domain in walk.domains(definition):
        if not domain.areas:
            yield Catalog.EMPTY_SECTION__AREAS.at(f"{where}.areas", domain=domain.id)
    for where, area in walk.areas(definition):
        if not area.questions:
            yield Catalog.EMPTY_SECTION__QUESTIONS.at(f"{where}.questions", area=area.id)


def check_languages(definition: Definition) -> Iterator[Problem]:
    """``languages`` names the source language once, and no language twice."""
    if SOURCE_LANGUAGE not in definition.languages:
        yield Catalog.MISSING_SOURCE_LANGUAGE.at("languages", language=SOURCE_LANGUAGE)
    listed = ((f"languages[{index}]", code) for index, code in enumerate(definition.languages))
    for location, code, _first in duplicate_values(listed):
        yield Catalog.DUPLICATE_LANGUAGE.at(location, language=code)
