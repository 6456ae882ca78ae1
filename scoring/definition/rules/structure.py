"""Rules on the file's structure: unique ids, non-empty sections, declared languages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from scoring.definition.model import Definition
from scoring.definition.rules import walk
from scoring.problems.catalog import Catalog
from scoring.problems.problem import Problem


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


# What a note may hold besides its id, type, label, help, relevant and tags, and the only value allowed.
NOTE_VALUES = {"required": False, "evidence": "none"}
NOT_FOR_NOTES = ("unit", "weight", "allow_na", "allow_unknown", "constraint", "constraint_message", "options",
                 "scoring", "min", "max", "recommendations")


def check_notes(definition: Definition) -> Iterator[Problem]:
    """A note is only shown: it takes nothing that belongs to an answer or a score."""
    for where, question in walk.questions(definition):
        if question.type != "note":
            continue
        written = question.model_fields_set
        for key in (*NOTE_VALUES, *NOT_FOR_NOTES):
            if key in written and (key not in NOTE_VALUES or getattr(question, key) != NOTE_VALUES[key]):
                yield Catalog.INVALID_NOTE.at(f"{where}.{key}", key=key)


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
    """``languages`` names at least one language (the first is the source language), none twice."""
    if not definition.languages:
        yield Catalog.MISSING_SOURCE_LANGUAGE.at("languages")
    listed = ((f"languages[{index}]", code) for index, code in enumerate(definition.languages))
    for location, code, _first in duplicate_values(listed):
        yield Catalog.DUPLICATE_LANGUAGE.at(location, language=code)
