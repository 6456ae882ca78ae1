"""Splitting an expression into tokens, and the error every step of parsing raises."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""(?P<space>[ \t\r\n]+)
      | (?P<ref>\$\{[^}]{0,80}\})
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<number>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)
      | (?P<current>\.(?![0-9.]))
      | (?P<op>!=|<=|>=|=|<|>|\+|\*)
      | (?P<punct>[(),-])
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z_][A-Za-z0-9_]*)*)
    """,
    re.VERBOSE | re.ASCII,
)


class ExpressionError(ValueError):
    """An expression that does not parse; ``position`` is a 0-based character offset or None."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message if position is None else f"{message} (at character {position})")
        self.message = message
        self.position = position


@dataclass(frozen=True)
class Token:
    """One token of an expression: its kind (a group name of ``_TOKEN``), text and offset."""

    kind: str
    text: str
    position: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; raise ExpressionError on a character no token starts with."""
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ExpressionError(_bad_character(text, position), position)
        if match.lastgroup != "space":
            tokens.append(Token(match.lastgroup, match.group(), position))
        position = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


def _bad_character(text: str, position: int) -> str:
    char = text[position]
    if char in "'\"":
        return f"unterminated string: add the closing {char}"
    if text.startswith("${", position):
        return "unterminated reference: write ${question_id}"
    return f"unexpected character {char!r}"
