"""Problems found in questionnaire and mapping files, and the exception that carries them.

Every problem is an ``Issue`` with a stable code, the file, a location inside the file, what
is wrong and what to do about it. ``str(issue)`` is one line::

    FILE:LOCATION: CODE MESSAGE (line N) Fix: FIX

``LOCATION`` is a path such as ``domains[1].areas[0].questions[3].options[2].score`` (empty
for the whole file), ``(line N)`` appears when the line is known, and a warning shows
``CODE (warning)``. Tools can split on the first ``: `` after the file and location.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """One problem in one file."""

    code: str
    file: str
    location: str
    message: str
    fix: str
    severity: Severity = "error"
    line: int | None = None

    @property
    def is_error(self) -> bool:
        """True for errors, False for warnings."""
        return self.severity == "error"

    def __str__(self) -> str:
        code = self.code if self.is_error else f"{self.code} (warning)"
        line = "" if self.line is None else f" (line {self.line})"
        return f"{self.file}:{self.location}: {code} {self.message}{line} Fix: {self.fix}"

    def sort_key(self) -> tuple:
        """Order issues by file, then line (unknown last), then location and code."""
        return (self.file, self.line is None, self.line or 0, self.location, self.code)


class DefinitionError(Exception):
    """A questionnaire or mapping file that cannot be used; ``issues`` lists every problem."""

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        super().__init__(self._summary())

    @property
    def errors(self) -> tuple[Issue, ...]:
        """The issues that are errors (warnings excluded)."""
        return tuple(issue for issue in self.issues if issue.is_error)

    def _summary(self) -> str:
        count = len(self.errors)
        head = f"{count} error{'s' if count != 1 else ''}"
        return "\n".join([head, *(str(issue) for issue in self.issues)])


@dataclass(frozen=True)
class Problem:
    """An issue before it is tied to a file: rules produce these, the checker adds the file."""

    code: str
    location: str
    message: str
    fix: str
    severity: Severity = "error"

    def in_file(self, file: str, line: int | None = None) -> Issue:
        """The Issue for this problem in ``file``."""
        return Issue(self.code, file, self.location, self.message, self.fix, self.severity, line)


def suggestion(word: object, candidates: Sequence[str]) -> str:
    """`` Did you mean 'x'?`` for the closest candidate, or '' when nothing is close."""
    matches = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return f" Did you mean '{matches[0]}'?" if matches else ""


def with_hint(fix: str, word: object, candidates: Sequence[str]) -> str:
    """``fix`` followed by a did-you-mean suggestion when one of ``candidates`` is close."""
    hint = suggestion(word, candidates)
    return f"{fix}.{hint}" if hint else fix


def join_location(*parts: object) -> str:
    """Build ``domains[1].areas[0].id`` from ``('domains', 1, 'areas', 0, 'id')``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
