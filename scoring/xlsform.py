"""XLSForm interchange: questionnaires as ODK / KoboToolbox workbooks, and back.

The standard sheets ``survey``, ``choices`` and ``settings`` let ODK Collect, Enketo and
KoboToolbox open a workbook. What XLSForm has no column for (weights, scoring rules, option
scores, recommendations, bands…) travels in ``gov::<key>`` columns of the survey and settings
sheets, which pyxform ignores; option scores go in the question's ``gov::option_scores``, as
pyxform fails on a ``gov::`` column of the choices sheet. KoboToolbox takes any ``name::x``
column for a translation, so it may list our keys as extra "languages"; the form still works
and our data survives. Reading also accepts the older ``gov_<key>`` columns (and a choices
``gov_score``). ``questionnaires/XLSFORM.md`` lists every column.

openpyxl is imported inside the functions that use it, so importing ``scoring`` stays light.
"""

from __future__ import annotations

import json
import re
import warnings
import zipfile
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from scoring.errors import DefinitionError, Issue, Problem
from scoring.loader import definition_from_text
from scoring.model import Definition
from scoring.rules_shape import shape_problems
from scoring.yaml_source import parent_location

SURVEY, CHOICES, SETTINGS = "survey", "choices", "settings"
FLAGS = {"yes": True, "true": True, "true()": True, "1": True, "no": False, "false": False, "false()": False, "0": False}
NAMESPACE = "gov"
PREFIX = NAMESPACE + "::"  # gov::weight, gov::unit::English (en)…
LEGACY_PREFIX = "gov_"  # gov_weight…, in workbooks exported before; read as gov::weight
PERCENT_CONSTRAINT = ". >= 0 and . <= 100"

# Language names shown by ODK and KoboToolbox, each in its own language; any other code is
# written as "xx (xx)".
LANGUAGE_NAMES = {
    "en": "English", "fr": "Français", "es": "Español", "ar": "العربية", "ru": "Русский",
    "zh": "中文", "pt": "Português", "de": "Deutsch", "it": "Italiano", "tr": "Türkçe",
}
_CODE_IN_NAME = re.compile(r"^(?P<name>.*?)\s*\((?P<code>[^()]+)\)\s*$")


def write_xlsform(definition: Definition, out_path: Path) -> None:
    """Write ``definition`` as an XLSForm workbook (.xlsx) at ``out_path``."""
    from scoring.xlsform_write import write_workbook

    write_workbook(definition, Path(out_path))


def read_xlsform_to_yaml(in_path: Path) -> str:
    """The questionnaire YAML text of the workbook at ``in_path``, validated.

    Raises DefinitionError listing every problem, each located by sheet and row
    (``survey row 12``), when the workbook cannot become a valid definition.
    """
    from scoring.xlsform_read import workbook_to_yaml

    return workbook_to_yaml(Path(in_path))


def read_xlsform(in_path: Path) -> Definition:
    """The validated definition of the workbook at ``in_path`` (see read_xlsform_to_yaml)."""
    path = Path(in_path)
    return definition_from_text(read_xlsform_to_yaml(path), str(path))


def language_code(header: str) -> str | None:
    """The code in ``English (en)``; a bare known name or code also works; else None."""
    header = header.strip()
    match = _CODE_IN_NAME.match(header)
    if match:
        return match.group("code").strip()
    by_name = {name.lower(): code for code, name in LANGUAGE_NAMES.items()}
    if header.lower() in by_name:
        return by_name[header.lower()]
    return header if re.fullmatch(r"[a-z0-9_]+", header) else None


def from_json(text: str) -> object:
    """Parse JSON, reading fractions as exact Decimals; raise ValueError when invalid."""
    return json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)


def _refuse_constant(name: str) -> object:
    # NaN and Infinity are not JSON and mean nothing as a score or a weight.
    raise ValueError(f"{name} is not a number allowed here")


# The workbook as read: rows of cells, and what reading collects.


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


@dataclass
class Context:
    """What reading collects: workbook problems and the row each definition location came from."""

    problems: list[Problem] = field(default_factory=list)
    rows: dict[str, str] = field(default_factory=dict)

    def report(self, where: Row | str, code: str, message: str, fix: str) -> None:
        """Record a workbook problem at a row (or a sheet)."""
        self.problems.append(Problem(code, where.where if isinstance(where, Row) else where, message, fix))


def cell_text(value: object) -> str | None:
    """A cell value as text; whole floats lose their '.0' (Excel stores numbers as floats)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def read_sheets(path: Path, context: Context) -> dict[str, Sheet] | None:
    """Every worksheet by lower-case name, or None (with a problem) when the file is no workbook."""
    book = open_workbook(path, context)
    if book is None:
        return None
    try:
        return {sheet.title.strip().lower(): read_sheet(sheet.title.strip().lower(), sheet)
                for sheet in book.worksheets}
    finally:
        book.close()


def open_workbook(path: Path, context: Context):
    """The openpyxl workbook (read-only, values only), or None with a problem."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, styles…); only values matter here.
            warnings.simplefilter("ignore", UserWarning)
            return load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, InvalidFileException) as error:
        context.report("", "xlsform_unreadable", f"the file cannot be read as an .xlsx workbook ({error})",
                       "save the form as an Excel workbook (.xlsx)")
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
        context.report(name, "xlsform_missing_sheet", f"the workbook has no {name} sheet",
                       f"add the {name} sheet (see questionnaires/XLSFORM.md)")
    return sheets.get(name)


def has_columns(sheet: Sheet, required: tuple[str, ...], context: Context) -> bool:
    """True when ``sheet`` has every required column; a problem per missing one otherwise."""
    missing = [column for column in required if column not in sheet.columns]
    for column in missing:
        context.report(f"{sheet.name} row 1", "xlsform_missing_column", f"the {sheet.name} sheet has no "
                       f"{column} column", f"add a column named {column}")
    return not missing


def language_columns(sheet: Sheet, base: str, default: str, context: Context) -> dict[str, str]:
    """Language code → column for ``base`` (``label``, ``label::English (en)``, …)."""
    found: dict[str, str] = {}
    for column in sheet.columns:
        if column != base and not column.startswith(base + "::"):
            continue
        language = column.removeprefix(base).removeprefix("::")
        code = language_code(language) if language else default
        if code is None:
            context.report(f"{sheet.name} row 1", "xlsform_unknown_language", f"the column '{column}' names no "
                           "language code", f"name it like {base}::English (en), the code in parentheses")
        else:
            found.setdefault(code, column)
    return found


def json_cell(row: Row, column: str, context: Context) -> object:
    """The parsed JSON of a cell; None when empty or invalid (then with a problem)."""
    text = row.word(column)
    if text is None:
        return None
    try:
        return from_json(text)
    except ValueError as error:
        context.report(row, "xlsform_invalid_json", f"{column} is not valid JSON: {error}",
                       "correct the JSON (double quotes around keys and texts), or empty the cell")
        return None


def flag(row: Row, column: str, context: Context) -> bool | None:
    """A yes/no cell (also true/false, TRUE(), 1/0); None when empty or invalid (with a problem)."""
    word = row.word(column)
    if word is None or word.lower() in FLAGS:
        return None if word is None else FLAGS[word.lower()]
    context.report(row, "xlsform_invalid_value", f"{column} is '{word}'", "write yes or no")
    return None


def compact(data: dict) -> dict:
    """``data`` without its None values (absent keys take the format's defaults)."""
    return {key: value for key, value in data.items() if value is not None}


def checked_yaml(data: dict, rows: dict[str, str], file: str) -> str:
    """Check the data like a YAML file and return its canonical YAML text."""
    from scoring.xlsform_write import dump_yaml

    try:
        model = Definition.model_validate(data)
    except ValidationError as error:
        raise DefinitionError(located([problem.in_file(file) for problem in shape_problems(error, Definition)],
                                      rows)) from None
    # Only the keys that were set: a default written out can change meaning (linear direction).
    text = dump_yaml(model.model_dump(mode="python", exclude_unset=True, by_alias=True))
    try:
        definition_from_text(text, file)
    except DefinitionError as error:
        raise DefinitionError(located(error.issues, rows)) from None
    return text


def located(issues: list[Issue] | tuple[Issue, ...], rows: dict[str, str]) -> list[Issue]:
    """The issues with their workbook row in front of the definition location."""
    return [replace(issue, location=row_of(issue.location, rows), line=None) for issue in issues]


def row_of(location: str, rows: dict[str, str]) -> str:
    """``survey row 12 (domains[0].areas[1].questions[3].label)`` for a definition location."""
    probe = location
    while probe and probe not in rows:
        probe = parent_location(probe)
    where = rows.get(probe, SETTINGS)
    return f"{where} ({location})" if location else where
