"""Turning registered versions into scoring definitions, and facts computed from a definition."""

from __future__ import annotations

from mgf_assess.questionnaires.models import QuestionnaireVersion
from scoring.api import Definition, definition_from_text

# Keyed by the content hash: a version's text never changes once published, and a changed
# draft gets a new hash, so a cached definition is never stale. The (large) text itself is
# only read from the database on a cache miss.
_CACHE: dict[str, Definition] = {}
_CACHE_SIZE = 32


def definition_of(version: QuestionnaireVersion) -> Definition:
    """The validated, immutable definition of a registered version (parsed once, then cached)."""
    cached = _CACHE.get(version.content_hash)
    if cached is None:
        cached = definition_from_text(version.source, version.path)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[version.content_hash] = cached
    return cached


def _texts(node):
    """Every multilingual text mapping inside a definition's plain data."""
    if isinstance(node, dict):
        if node and all(isinstance(key, str) and len(key) == 2 for key in node) and \
                all(isinstance(value, str) for value in node.values()) and "en" in node:
            yield node
            return
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _texts(value)


def language_completeness(definition: Definition) -> dict[str, float]:
    """Share of the definition's texts present in each declared language (1.0 = complete)."""
    texts = list(_texts(definition.model_dump(mode="json", exclude_none=True)))
    total = len(texts) or 1
    return {language: round(sum(1 for text in texts if (text.get(language) or "").strip()) / total, 4)
            for language in definition.languages}


def question_count(definition: Definition) -> int:
    return len(definition.question_map)
