"""Semantic validation: the rules that relate several parts of a well-shaped file.

The rules are listed here as data; each one is a function ``rule(definition)`` yielding
``Problem`` objects, implemented in the modules of ``scoring.definition.rules``. Adding a rule means
writing one function and adding it to ``DEFINITION_RULES``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from scoring.definition.model import Definition, VersionMapping
from scoring.definition.rules import numeric, relevance, scores, structure, texts
from scoring.definition.rules.mapping import check_mapping
from scoring.definition.rules.paths import check_definition_path, check_mapping_path
from scoring.problems.problem import Problem

Rule = Callable[[Definition], Iterable[Problem]]

DEFINITION_RULES: tuple[Rule, ...] = (
    structure.check_languages,
    structure.check_sections,
    structure.check_ids,
    structure.check_notes,
    scores.check_bands,
    scores.check_targets,
    scores.check_options,
    numeric.check_ranges,
    numeric.check_scoring,
    scores.check_recommendations,
    scores.check_na_rules,
    relevance.check_relevance,
    relevance.check_constraints,
    texts.check_texts,
)


def validate_definition(definition: Definition, path: Path | None = None) -> list[Problem]:
    """Every semantic problem of ``definition``; the layout is checked when ``path`` is given."""
    problems = [problem for rule in DEFINITION_RULES for problem in rule(definition)]
    if path is not None:
        problems.extend(check_definition_path(definition, path))
    return problems


def validate_mapping(mapping: VersionMapping, older: Definition, newer: Definition,
                     path: Path | None = None) -> list[Problem]:
    """Every problem of ``mapping`` against the versions it maps; layout checked with ``path``."""
    problems = list(check_mapping(mapping, older, newer))
    if path is not None:
        problems.extend(check_mapping_path(mapping, path))
    return problems
