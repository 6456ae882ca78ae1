"""What goes wrong with an uploaded workbook: the whole file refused, or one cell at fault."""

from __future__ import annotations

from dataclasses import dataclass

from mgf_assess.core.errors import OperationError


@dataclass(frozen=True)
class Location:
    """A cell: its sheet, its row number (from 1) and its column letter."""

    sheet: str
    row: int
    column: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.column}{self.row}"


class WorkbookRefused(OperationError):
    """The file cannot be used at all (not a workbook, hostile, another questionnaire…): nothing
    was read from it and nothing changed. ``code`` names the reason; ``status`` is the HTTP
    status the API answers with (413 for a file too large, else 422)."""

    def __init__(self, code: str, message, status: int = 422):
        self.code, self.status = code, status
        super().__init__({"file": message})

    @property
    def message(self) -> str:
        return self.problems["file"]


def listed(locations, limit: int) -> str:
    """At most ``limit`` cell names, then "…" when there are more."""
    names = [str(location) for location in locations]
    return ", ".join(names[:limit]) + (", …" if len(names) > limit else "")
