"""Rules on a version mapping, checked against the two versions it connects.

For each question of the newer version the mapping says where its answer comes from
(``from``: a question id of the older version, or null) and how comparable the two are.
An ``options`` map translates old option codes to new ones; without it, codes carry over
unchanged, so they must all exist in the new question.
"""

from __future__ import annotations

from collections.abc import Iterator

from scoring.definition.model import Definition, Question, QuestionMapping, VersionMapping
from scoring.definition.rules import walk
from scoring.problems.catalog import Catalog
from scoring.problems.problem import Problem, hint


def check_mapping(mapping: VersionMapping, older: Definition, newer: Definition) -> Iterator[Problem]:
    """The mapping covers the newer version and points only at things that exist."""
    if mapping.from_version == mapping.to_version:
        yield Catalog.MAPPING_SAME_VERSION.at("to_version")
    yield from _coverage(mapping, newer)
    for question_id, entry in mapping.questions.items():
        target = newer.question_map.get(question_id)
        if target is not None:
            yield from _entry(f"questions.{question_id}", entry, older, target)


def _coverage(mapping: VersionMapping, newer: Definition) -> Iterator[Problem]:
    for question_id, question in newer.question_map.items():
        if question_id not in mapping.questions and question.answerable:  # a note has nothing to map
            yield Catalog.MAPPING_QUESTION_MISSING.at(f"questions.{question_id}", question_id=question_id,
                                                      version=newer.version)
    known = list(newer.question_map)
    for question_id in mapping.questions:
        if question_id not in newer.question_map:
            yield Catalog.MAPPING_UNKNOWN_QUESTION.at(f"questions.{question_id}", version=newer.version,
                                                      question_id=question_id, hint=hint(question_id, known))


def _entry(location: str, entry: QuestionMapping, older: Definition, target: Question) -> Iterator[Problem]:
    if entry.source is None:
        yield from _no_source(location, entry)
        return
    source = older.question_map.get(entry.source)
    if source is None:
        yield Catalog.MAPPING_UNKNOWN_SOURCE.at(f"{location}.from", version=older.version, source=entry.source,
                                                hint=hint(entry.source, list(older.question_map)))
        return
    yield from _options(location, entry, source, target)


def _no_source(location: str, entry: QuestionMapping) -> Iterator[Problem]:
    if entry.comparability != "none":
        yield Catalog.MAPPING_COMPARABILITY_MISMATCH.at(f"{location}.comparability",
                                                        comparability=entry.comparability)
    if entry.options:
        yield Catalog.MAPPING_UNEXPECTED_OPTIONS.at(f"{location}.options")


def _options(location: str, entry: QuestionMapping, source: Question, target: Question) -> Iterator[Problem]:
    old_codes, new_codes = walk.answer_codes(source), walk.answer_codes(target)
    if old_codes is None or new_codes is None:
        if entry.options:
            yield Catalog.MAPPING_UNEXPECTED_OPTIONS__NO_CODES.at(f"{location}.options")
    elif entry.options:
        yield from _option_map(location, entry.options, old_codes, new_codes)
    else:
        yield from _identity(location, old_codes, new_codes)


def _identity(location: str, old_codes: tuple, new_codes: tuple) -> Iterator[Problem]:
    # Without a map codes carry over unchanged, so each old code must exist in the new question.
    lost = [code for code in old_codes if code not in new_codes]
    if lost:
        yield Catalog.MAPPING_OPTIONS_INCOMPLETE.at(f"{location}.options", codes=", ".join(lost))


def _option_map(location: str, options: dict[str, str], old_codes: tuple, new_codes: tuple) -> Iterator[Problem]:
    for old, new in options.items():
        if old not in old_codes:
            yield Catalog.MAPPING_UNKNOWN_OPTION.at(f"{location}.options.{old}", side="old", option=old,
                                                    codes=", ".join(old_codes), hint=hint(old, old_codes))
        if new not in new_codes:
            yield Catalog.MAPPING_UNKNOWN_OPTION.at(f"{location}.options.{old}", side="new", option=new,
                                                    codes=", ".join(new_codes), hint=hint(new, new_codes))
    unmapped = [code for code in old_codes if code not in options]
    if unmapped:
        yield Catalog.MAPPING_OPTIONS_INCOMPLETE__UNMAPPED.at(f"{location}.options", codes=", ".join(unmapped))
