"""One type for every problem the library reports, and the exceptions that carry them.

A ``Problem`` has a stable code, a location, what is wrong and what to do about it, as
written by its entry in ``scoring.problems.catalog`` (``Catalog.X.at(location, ...)`` builds
one). Definition, mapping and workbook problems are tied to a file, and ``str(problem)`` is
then one line::

    FILE:LOCATION: CODE MESSAGE (line N) Fix: FIX

``LOCATION`` is a path such as ``domains[1].areas[0].questions[3].options[2].score`` (empty
for the whole file), ``(line N)`` appears when the line is known, and a warning shows
``CODE (warning)``. Tools can split on the first ``: `` after the file and location.

Problems of answers are about a document in memory (a save, a decoded answers file) and are
not tied to a file: ``str(problem)`` is then ``LOCATION: MESSAGE [CODE]``, the location being
a path in the document such as ``answers.q1.value`` (``(file)`` for the whole document).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong: its code, where, what, what to do, and how serious it is.

    ``question`` is the id of the question an answer problem is about; ``file`` and ``line``
    place a definition problem in its file (see the module docstring for both renderings).
    """

    code: str
    location: str
    message: str
    fix: str = ""
    severity: Severity = "error"
    question: str | None = None
    file: str | None = None
    line: int | None = None

    @property
    def is_error(self) -> bool:
        """True for errors, False for warnings."""
        return self.severity == "error"

    def in_file(self, file: str, line: int | None = None) -> Problem:
        """The same problem, placed in ``file`` (at ``line`` when known)."""
        return replace(self, file=file, line=line)

    def __str__(self) -> str:
        if self.file is None:
            return f"{self.location or '(file)'}: {self.message} [{self.code}]"
        code = self.code if self.is_error else f"{self.code} (warning)"
        line = "" if self.line is None else f" (line {self.line})"
        return f"{self.file}:{self.location}: {code} {self.message}{line} Fix: {self.fix}"


class DefinitionError(Exception):
    """A questionnaire or mapping file that cannot be used; ``issues`` lists every problem."""

    def __init__(self, issues: Iterable[Problem]) -> None:
        self.issues: tuple[Problem, ...] = tuple(issues)
        super().__init__(self._summary())

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors (warnings excluded)."""
        return tuple(issue for issue in self.issues if issue.is_error)

    def _summary(self) -> str:
        count = len(self.errors)
        head = f"{count} error{'s' if count != 1 else ''}"
        return "\n".join([head, *(str(issue) for issue in self.issues)])


class AnswersError(ValueError):
    """Answers that cannot be scored; ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @property
    def issues(self) -> tuple[Problem, ...]:
        """Alias of ``problems``, named like ``DefinitionError.issues``."""
        return self.problems


def suggestion(word: object, candidates: Sequence[str]) -> str:
    """`` Did you mean 'x'?`` for the closest candidate, or '' when nothing is close."""
    matches = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return f" Did you mean '{matches[0]}'?" if matches else ""


def hint(word: object, candidates: Sequence[str]) -> str:
    """``. Did you mean 'x'?`` to end a fix when one of ``candidates`` is close, else ''."""
    found = suggestion(word, candidates)
    return f".{found}" if found else ""


def join_location(*parts: object) -> str:
    """Build ``domains[1].areas[0].id`` from ``('domains', 1, 'areas', 0, 'id')``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
