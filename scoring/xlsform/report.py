"""The import report: what each row of a workbook became, and every problem, readable.

``ImportReport.text()`` is what the command line prints: a summary first (questions, profile
questions, notes, skipped rows; errors, warnings), then the problems grouped by code with their
count, then the list of rows. The web page reads the same fields.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from scoring.problems.problem import Problem
from scoring.xlsform.sheets import Outcome

ITEM_KINDS = ("question", "profile_question", "note")


@dataclass(frozen=True)
class CodeCount:
    """One code of the report: how often it occurs, its severity, and its first message and fix."""

    code: str
    severity: str
    count: int
    message: str
    fix: str


@dataclass(frozen=True)
class ReportRow:
    """One row of the workbook: what it became, and the problems found on it."""

    where: str
    kind: str
    id: str | None
    detail: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class ImportReport:
    """What importing one workbook gave, row by row."""

    file: str
    outcomes: tuple[Outcome, ...]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if not problem.is_error)

    @property
    def ok(self) -> bool:
        """True when the workbook imported (warnings allowed)."""
        return not self.errors

    def summary(self) -> dict[str, int]:
        """Counts: questions, profile_questions, notes, skipped (rows), errors, warnings."""
        kinds = Counter(outcome.kind for outcome in self.outcomes)
        return {"questions": kinds["question"], "profile_questions": kinds["profile_question"],
                "notes": kinds["note"], "skipped": kinds["skipped"], "errors": len(self.errors),
                "warnings": len(self.warnings)}

    def by_code(self) -> list[CodeCount]:
        """Each code with its count, errors first, then the most frequent."""
        counts = Counter((problem.code, problem.severity) for problem in self.problems)
        first = {}
        for problem in self.problems:
            first.setdefault((problem.code, problem.severity), problem)
        ordered = sorted(counts.items(), key=lambda pair: (pair[0][1] != "error", -pair[1], pair[0][0]))
        return [CodeCount(code, severity, count, first[code, severity].message, first[code, severity].fix)
                for (code, severity), count in ordered]

    def rows(self) -> list[ReportRow]:
        """Every row that became something or has a problem, in sheet and row order."""
        found: dict[str, list[Problem]] = {}
        for problem in self.problems:
            found.setdefault(row_of(problem.location), []).append(problem)
        wheres = set(found) | {outcome.where for outcome in self.outcomes}
        outcomes = {outcome.where: outcome for outcome in self.outcomes}
        rows = []
        for where in sorted(wheres, key=row_order):
            outcome = outcomes.get(where) or Outcome(where, "")
            rows.append(ReportRow(where, outcome.kind, outcome.id, outcome.detail, tuple(found.get(where, ()))))
        return rows

    def text(self) -> str:
        """The report as the command line prints it."""
        counts = self.summary()
        lines = [f"{self.file}: " + ", ".join(f"{counts[key]} {label}" for key, label in SUMMARY_LABELS), ""]
        if self.problems:
            lines.append("By code:")
            lines += [f"  {item.count:>5}  {item.code}{'' if item.severity == 'error' else ' (warning)'}: "
                      f"{item.message}" for item in self.by_code()]
            lines.append("")
        lines.append("By row:")
        for row in self.rows():
            became = " ".join(part for part in (row.kind, row.id or "", f"({row.detail})" if row.detail else "")
                              if part)
            lines.append(f"  {row.where}: {became or '-'}")
            lines += [f"      {problem.code}{'' if problem.is_error else ' (warning)'}: {problem.message}. "
                      f"Fix: {problem.fix}" for problem in row.problems]
        return "\n".join(lines) + "\n"


SUMMARY_LABELS = (("questions", "questions imported"), ("profile_questions", "profile questions"),
                  ("notes", "notes"), ("skipped", "rows skipped"), ("errors", "errors"), ("warnings", "warnings"))
SHEET_ORDER = {"settings": 0, "survey": 1, "choices": 2}


def row_of(location: str) -> str:
    """``survey row 12`` of ``survey row 12 (domains[0]…)``."""
    return location.split(" (", 1)[0]


def row_order(where: str) -> tuple:
    sheet, _, number = where.partition(" row ")
    return (SHEET_ORDER.get(sheet, 3), sheet, int(number) if number.isdigit() else 0)
