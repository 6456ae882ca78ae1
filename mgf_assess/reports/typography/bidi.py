"""Bidirectional text for wrapped paragraphs: levels per paragraph, order per line.

The Unicode bidi algorithm resolves embedding levels over a whole paragraph (so a bracket
pair split by a line break still pairs) and reorders each *line* separately (rule L2), then
mirrors the characters on right-to-left levels (rule L4: "(" is drawn as ")"). python-bidi's
compiled ``get_display`` does all of it for one line at once and leaves mirroring to the
renderer; its debug output, however, carries the resolved level of every byte. So the
levels come from python-bidi (full algorithm, bracket pairs included), and L2 and L4 are
applied here, line by line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bidi import get_display
from bidi.mirror import MIRRORED

LEVEL = re.compile(r"Level\(\s*(\d+),\s*\)")
LEVELS_START, LEVELS_END = "\n    levels: [\n", "\n    ],\n"


@lru_cache(maxsize=4096)
def levels(text: str, rtl: bool) -> tuple[int, ...]:
    """The resolved embedding level of each character of one paragraph (no line breaks)."""
    debug = get_display(text, base_dir="R" if rtl else "L", debug=True)
    start = debug.find(LEVELS_START)
    end = debug.find(LEVELS_END, start)
    per_byte = [int(level) for level in LEVEL.findall(debug[start:end])] if start >= 0 else []
    return _per_char(text, per_byte, 1 if rtl else 0)


def _per_char(text: str, per_byte: list[int], base: int) -> tuple[int, ...]:
    """Byte levels (UTF-8 offsets) to character levels; the base level if they do not fit."""
    result, offset = [], 0
    for char in text:
        result.append(per_byte[offset] if offset < len(per_byte) else base)
        offset += len(char.encode("utf-8"))
    if offset != len(per_byte):  # an unexpected debug format: fall back to the base level
        return tuple([base] * len(text))
    return tuple(result)


def display_line(chars: str, line_levels: tuple[int, ...]) -> str:
    """One line in display order: mirrored on odd levels (L4), runs reversed (L2)."""
    if not chars:
        return chars
    mirrored = [MIRRORED.get(c, c) if level % 2 else c for c, level in zip(chars, line_levels, strict=True)]
    return "".join(_reorder(mirrored, list(line_levels)))


def _reorder(chars: list[str], line_levels: list[int]) -> list[str]:
    odd = [level for level in line_levels if level % 2]
    if not odd:
        return chars
    for level in range(max(line_levels), min(odd) - 1, -1):
        index = 0
        while index < len(chars):
            if line_levels[index] < level:
                index += 1
                continue
            end = index
            while end < len(chars) and line_levels[end] >= level:
                end += 1
            chars[index:end] = chars[index:end][::-1]
            line_levels[index:end] = line_levels[index:end][::-1]
            index = end
    return chars
