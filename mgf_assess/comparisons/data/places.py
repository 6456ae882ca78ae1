"""Places in words: UN M49 region names in a language (CLDR), and a sort key for names."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from babel import Locale


@lru_cache(maxsize=512)
def region_name(code: str, language: str) -> str:
    """The M49 region's name in ``language`` (CLDR), or its code."""
    return Locale(language).territories.get(code, code)


def name_key(text: str) -> str:
    """A sort key that ignores case and accents (É sorts with E), in any script."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in folded if not unicodedata.combining(char))
