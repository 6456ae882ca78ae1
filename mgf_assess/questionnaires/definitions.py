"""Turning registered versions into scoring definitions, and facts computed from a definition."""

from __future__ import annotations

from mgf_assess.questionnaires.models import QuestionnaireVersion
from scoring.api import Definition, definition_from_text
from scoring.api import language_completeness as text_completeness

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


def language_completeness(definition: Definition) -> dict[str, float]:
    """Share of the definition's texts present in each declared language (1.0 = complete)."""
    return text_completeness(definition)


def question_count(definition: Definition) -> int:
    return sum(question.answerable for question in definition.question_map.values())
