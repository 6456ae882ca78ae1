"""Reading a workbook's sheets: rows of cells, and the checks every reader of a cell needs.

Problems go to a ``Context`` located by sheet and row (``survey row 12``); openpyxl is
imported only when a workbook is opened.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from decimal import Decimal

from scoring.problems.catalog import Catalog
from scoring.problems.problem import Problem
from scoring.xlsform.columns import LEGACY_PREFIX, NAMESPACE, PREFIX
from scoring.xlsform.languages import language_code

# What pyxform reads as true or false in a yes/no column (case does not matter here).
FLAGS = {"yes": True, "true": True, "true()": True, "1": True, "t": True, "y": True,
         "no": False, "false": False, "false()": False, "0": False, "f": False, "n": False}


def from_json(text: str) -> object:
    """Parse JSON, reading fractions as exact Decimals; raise ValueError when invalid."""
    return json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)


def _refuse_constant(name: str) -> object:
    # NaN and Infinity are not JSON and mean nothing as a score or a weight.
    raise ValueError(f"{name} is not a number allowed here")


@dataclass(frozen=True)
class Row:
    """One non-empty row of a sheet: its number (as the spreadsheet shows it) and its cells."""

    sheet: str
    number: int
    cells: dict[str, object]

    @property
    def where(self) -> str:
        """``survey row 12``."""
        return f"{self.sheet} row {self.number}"

    def text(self, column: str) -> str | None:
        """The cell as text, exactly as written; None when empty."""
        return cell_text(self.cells.get(column))

    def word(self, column: str) -> str | None:
        """The cell as text without surrounding spaces; None when blank."""
        text = self.text(column)
        return (text.strip() or None) if text is not None else None

    def texts(self, columns: dict[str, str]) -> dict[str, str] | None:
        """A multilingual text from language columns (code → column); None when all are empty."""
        found = {code: self.text(column) for code, column in columns.items() if self.text(column) is not None}
        return found or None


@dataclass(frozen=True)
class Sheet:
    """A worksheet as read: its name, its (normalised) column names and its non-empty rows."""

    name: str
    columns: list[str]
    rows: list[Row]


@dataclass(frozen=True)
class Outcome:
    """What one row became: ``kind`` (domain, area, group, question, profile_question, note,
    option, skipped, settings, end), the id it got, and a short detail (a type, a reason)."""

    where: str
    kind: str
    id: str | None = None
    detail: str = ""


@dataclass
class Context:
    """What reading collects: problems, what each row became, and the row each definition
    location came from."""

    problems: list[Problem] = field(default_factory=list)
    rows: dict[str, str] = field(default_factory=dict)
    outcomes: dict[str, Outcome] = field(default_factory=dict)

    def report(self, where: Row | str, entry: Catalog, **values: object) -> None:
        """Record a problem at a row (or a sheet)."""
        self.problems.append(entry.at(where.where if isinstance(where, Row) else where, **values))

    def became(self, row: Row, kind: str, id: str | None = None, detail: str = "") -> None:
        """Record what ``row`` became (a later call for the same row replaces it)."""
        self.outcomes[row.where] = Outcome(row.where, kind, id, detail)

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the import."""
        return [problem for problem in self.problems if problem.is_error]


def cell_text(value: object) -> str | None:
    """A cell value as text; whole floats lose their '.0' (Excel stores numbers as floats)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def read_sheets(path, context: Context) -> dict[str, Sheet] | None:
    """Every worksheet by lower-case name, or None (with a problem) when the file is no workbook.

    ``path`` is a path or an open binary file."""
    book = open_workbook(path, context)
    if book is None:
        return None
    try:
        return {sheet.title.strip().lower(): read_sheet(sheet.title.strip().lower(), sheet)
                for sheet in book.worksheets}
    except Exception as error:  # a damaged sheet (bad XML…) fails while its rows are read
        context.report("", Catalog.XLSFORM_UNREADABLE, error=f"{type(error).__name__}: {error}"[:200])
        return None
    finally:
        book.close()


def open_workbook(path, context: Context):
    """The openpyxl workbook (read-only, values only), or None with a problem."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, styles…); only values matter here.
            warnings.simplefilter("ignore", UserWarning)
            return load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # not a zip, not a workbook, damaged parts: all mean "cannot read"
        context.report("", Catalog.XLSFORM_UNREADABLE, error=f"{type(error).__name__}: {error}"[:200])
        return None


def read_sheet(name: str, worksheet) -> Sheet:
    """A sheet's normalised column names and its non-empty rows."""
    values = worksheet.iter_rows(values_only=True)
    columns = [column_name(header) for header in next(values, ())]
    rows = []
    for number, cells in enumerate(values, start=2):
        kept = {column: value for column, value in zip(columns, cells, strict=False)
                if column and value is not None and value != ""}
        if kept:
            rows.append(Row(name, number, kept))
    return Sheet(name, [column for column in columns if column], rows)


def column_name(header: object) -> str | None:
    """``Label :: English (en)`` → ``label::English (en)``: names in snake case, languages as written.

    Our keys too: ``GOV::Allow NA`` → ``gov::allow_na``; the older ``gov_allow_na`` reads as that.
    """
    text = "" if header is None else str(header).strip()
    if text[:len(LEGACY_PREFIX)].lower() == LEGACY_PREFIX and len(text) > len(LEGACY_PREFIX):
        text = PREFIX + text[len(LEGACY_PREFIX):]
    parts = [part.strip() for part in text.split("::")]
    names = 2 if parts[0].lower() == NAMESPACE else 1
    return "::".join(["_".join(part.lower().split()) for part in parts[:names]] + parts[names:]) or None


def required_sheet(sheets: dict[str, Sheet], name: str, context: Context) -> Sheet | None:
    """The sheet called ``name``, or None with a problem."""
    if name not in sheets:
        context.report(name, Catalog.XLSFORM_MISSING_SHEET, sheet=name)
    return sheets.get(name)


def has_columns(sheet: Sheet, required: tuple[str, ...], context: Context) -> bool:
    """True when ``sheet`` has every required column; a problem per missing one otherwise."""
    missing = [column for column in required if column not in sheet.columns]
    for column in missing:
        context.report(f"{sheet.name} row 1", Catalog.XLSFORM_MISSING_COLUMN, sheet=sheet.name, column=column)
    return not missing


def language_columns(sheet: Sheet, base: str, default: str, context: Context) -> dict[str, str]:
    """Language code → column for ``base`` (``label``, ``label::English (en)``, ``label::fr``…).

    A language part that names no language (``label::Klingonese``) keeps its texts under a code
    made from its name, with a warning.
    """
    found: dict[str, str] = {}
    for column in sheet.columns:
        if column != base and not column.startswith(base + "::"):
            continue
        language = column.removeprefix(base).removeprefix("::")
        code = language_code(language) if language else default
        if code is None:
            code = made_code(language)
            context.report(f"{sheet.name} row 1", Catalog.XLSFORM_UNKNOWN_LANGUAGE, column=column, code=code)
        found.setdefault(code, column)
    return found


def made_code(name: str) -> str:
    """A code for a language Babel does not know: its name in lowercase letters, digits and _."""
    return "_".join("".join(char if char.isascii() and char.isalnum() else " " for char in name.lower()).split())[
        :32] or "xx"


def json_cell(row: Row, column: str, context: Context) -> object:
    """The parsed JSON of a cell; None when empty or invalid (then with a warning: ignored)."""
    text = row.word(column)
    if text is None:
        return None
    try:
        return from_json(text)
    except ValueError as error:
        context.report(row, Catalog.XLSFORM_INVALID_JSON, column=column, error=error)
        return None


def flag(row: Row, column: str, context: Context) -> bool | None:
    """A yes/no cell (also true/false, TRUE(), 1/0); None when empty or invalid (then with a
    warning: the cell is ignored)."""
    word = row.word(column)
    if word is None or word.lower() in FLAGS:
        return None if word is None else FLAGS[word.lower()]
    context.report(row, Catalog.XLSFORM_INVALID_VALUE, column=column, word=word)
    return None


def compact(data: dict) -> dict:
    """``data`` without its None values (absent keys take the format's defaults)."""
    return {key: value for key, value in data.items() if value is not None}
