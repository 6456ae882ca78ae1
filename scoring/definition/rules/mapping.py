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
from scoring.problems.problem import Problem, with_hint


def check_mapping(mapping: VersionMapping, older: Definition, newer: Definition) -> Iterator[Problem]:
    """The mapping covers the newer version and points only at things that exist."""
    if mapping.from_version == mapping.to_version:
        yield Problem("mapping_same_version", "to_version", "from_version and to_version are the same",
                      "map from an older version to a newer one")
    yield from _coverage(mapping, newer)
    for question_id, entry in mapping.questions.items():
        target = newer.question_map.get(question_id)
        if target is not None:
            yield from _entry(f"questions.{question_id}", entry, older, target)


def _coverage(mapping: VersionMapping, newer: Definition) -> Iterator[Problem]:
    for question_id in newer.question_map:
        if question_id not in mapping.questions:
            yield Problem("mapping_question_missing", f"questions.{question_id}",
                          f"question '{question_id}' of version {newer.version} is not listed",
                          f"add {question_id}: {{from: ..., comparability: ...}} "
                          "(from: null and comparability: none for a new question)")
    known = list(newer.question_map)
    for question_id in mapping.questions:
        if question_id not in newer.question_map:
            yield Problem("mapping_unknown_question", f"questions.{question_id}",
                          f"version {newer.version} has no question '{question_id}'",
                          with_hint("list only questions of the newer version", question_id, known))


def _entry(location: str, entry: QuestionMapping, older: Definition, target: Question) -> Iterator[Problem]:
    if entry.source is None:
        yield from _no_source(location, entry)
        return
    source = older.question_map.get(entry.source)
    if source is None:
        yield Problem("mapping_unknown_source", f"{location}.from",
                      f"version {older.version} has no question '{entry.source}'",
                      with_hint("name a question of the older version, or write from: null",
                                entry.source, list(older.question_map)))
        return
    yield from _options(location, entry, source, target)


def _no_source(location: str, entry: QuestionMapping) -> Iterator[Problem]:
    if entry.comparability != "none":
        yield Problem("mapping_comparability_mismatch", f"{location}.comparability",
                      f"a question without a source (from: null) cannot be {entry.comparability}",
                      "write comparability: none, or name the source question in from")
    if entry.options:
        yield Problem("mapping_unexpected_options", f"{location}.options",
                      "an options map needs a source question", "remove options, or name the source in from")


def _options(location: str, entry: QuestionMapping, source: Question, target: Question) -> Iterator[Problem]:
    old_codes, new_codes = walk.answer_codes(source), walk.answer_codes(target)
    if old_codes is None or new_codes is None:
        if entry.options:
            yield Problem("mapping_unexpected_options", f"{location}.options",
                          "an options map needs option codes on both sides, and one of the questions "
                          "has none", "remove options")
    elif entry.options:
        yield from _option_map(location, entry.options, old_codes, new_codes)
    else:
        yield from _identity(location, old_codes, new_codes)


def _identity(location: str, old_codes: tuple, new_codes: tuple) -> Iterator[Problem]:
    # Without a map codes carry over unchanged, so each old code must exist in the new question.
    lost = [code for code in old_codes if code not in new_codes]
    if lost:
        yield Problem("mapping_options_incomplete", f"{location}.options",
                      f"old option codes missing from the new question: {', '.join(lost)}",
                      "add an options map {old_code: new_code} covering every old option")


def _option_map(location: str, options: dict[str, str], old_codes: tuple, new_codes: tuple) -> Iterator[Problem]:
    for old, new in options.items():
        if old not in old_codes:
            yield Problem("mapping_unknown_option", f"{location}.options.{old}",
                          f"the old question has no option '{old}'",
                          with_hint(f"use one of its codes: {', '.join(old_codes)}", old, old_codes))
        if new not in new_codes:
            yield Problem("mapping_unknown_option", f"{location}.options.{old}",
                          f"the new question has no option '{new}'",
                          with_hint(f"use one of its codes: {', '.join(new_codes)}", new, new_codes))
    unmapped = [code for code in old_codes if code not in options]
    if unmapped:
        yield Problem("mapping_options_incomplete", f"{location}.options",
                      f"old option codes not mapped: {', '.join(unmapped)}",
                      "map every option of the old question to an option of the new one")
