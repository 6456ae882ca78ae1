"""Semantic validation: the rules that relate several parts of a well-shaped file.

The rules are listed here as data; each one is a function ``rule(definition)`` yielding
``Problem`` objects, implemented in the ``scoring.rules_*`` modules. Adding a rule means
writing one function and adding it to ``DEFINITION_RULES``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from scoring import rules_numeric, rules_relevance, rules_scoring, rules_structure, rules_texts
from scoring.errors import Problem
from scoring.model import Definition, VersionMapping
from scoring.rules_mapping import check_mapping
from scoring.rules_paths import check_definition_path, check_mapping_path

Rule = Callable[[Definition], Iterable[Problem]]

DEFINITION_RULES: tuple[Rule, ...] = (
    rules_structure.check_languages,
    rules_structure.check_sections,
    rules_structure.check_ids,
    rules_scoring.check_bands,
    rules_scoring.check_targets,
    rules_scoring.check_options,
    rules_numeric.check_scoring,
    rules_scoring.check_recommendations,
    rules_relevance.check_relevance,
    rules_texts.check_texts,
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
