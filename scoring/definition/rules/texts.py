"""Rules on translatable texts: complete in every declared language, none undeclared.

A published (or retired) file must be complete; a draft may be translated gradually, so
missing translations are warnings there, except in the source language (the first of
``languages``), which the application falls back to and therefore always needs.
"""

from __future__ import annotations

from collections.abc import Iterator

from scoring.definition.model import Definition
from scoring.definition.rules import walk
from scoring.problems.catalog import Catalog
from scoring.problems.problem import Problem


def check_texts(definition: Definition) -> Iterator[Problem]:
    """Each text has a non-blank value in each declared language and no other language."""
    declared = definition.languages
    if not declared:
        return  # missing_source_language says it; every text would repeat it
    for location, text, required in walk.texts(definition):
        if text is None and not required:
            continue
        text = text or {}
        missing = [code for code in declared if not str(text.get(code, "")).strip()]
        if missing:
            yield _missing(definition, location, missing)
        extra = sorted(set(text) - set(declared))
        if extra:
            yield Catalog.UNDECLARED_LANGUAGE.at(location, languages=", ".join(extra))


def _missing(definition: Definition, location: str, missing: list[str]) -> Problem:
    blocking = definition.status != "draft" or definition.source_language in missing
    entry = Catalog.MISSING_TRANSLATION if blocking else Catalog.MISSING_TRANSLATION__DRAFT
    return entry.at(location, languages=", ".join(missing))


def language_completeness(definition: Definition) -> dict[str, float]:
    """Share of the definition's texts present in each declared language (1.0 = complete)."""
    present = [text or {} for _, text, required in walk.texts(definition) if text or required]
    total = len(present) or 1
    return {language: round(sum(1 for text in present if str(text.get(language, "")).strip()) / total, 4)
            for language in definition.languages}
