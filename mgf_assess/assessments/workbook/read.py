"""Reading an uploaded answers workbook: its ``_about`` sheet and the rows of ``Answers``.

The archive is checked first (``archive``); openpyxl then opens it read-only, without external
links or macros. Formulas are refused wherever they are in the sheets read (their cached values
could say anything); cells holding an error (``#REF!``) or longer than the limit are reported at
their place. Nothing here knows the assessment: ``preview`` compares the rows with it.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass, field

import openpyxl
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from mgf_assess.assessments.workbook import layout
from mgf_assess.assessments.workbook.archive import check_archive
from mgf_assess.assessments.workbook.problems import Location, WorkbookRefused, listed
from mgf_assess.assessments.workbook.values import as_text, blank, fold, interface_words


@dataclass(frozen=True)
class CellProblem:
    """One cell at fault, with the message that says what to do."""

    location: Location
    code: str
    message: str
    question: str | None = None


@dataclass
class Row:
    """One row of the Answers sheet: its number, question id and the raw cells that are read."""

    number: int
    question: str
    cells: dict[str, object]
    percent_format: bool = False  # the answer cell shows a percentage (holds 0.5 for 50%)
    problems: list[CellProblem] = field(default_factory=list)


@dataclass
class About:
    """The ``_about`` sheet: which assessment the workbook was downloaded from, and each
    answer's revision and fingerprint at that moment."""

    values: dict[str, str]
    downloaded: dict[str, tuple[int, str]]

    def get(self, key: str) -> str:
        return self.values.get(key, "")


@dataclass
class UploadedWorkbook:
    about: About
    columns: dict[str, str]  # key → column letter
    rows: list[Row]
    digest: str  # SHA-256 of the file

    def location(self, row: int, key: str) -> Location:
        return Location(layout.ANSWERS, row, self.columns[key])


def read_workbook(data: bytes) -> UploadedWorkbook:
    """The workbook in ``data``; WorkbookRefused when it cannot be an answers workbook."""
    check_archive(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
        book = _opened(data)
        try:
            about = _about(_sheet(book, layout.ABOUT))
            columns, rows = _answers(_sheet(book, layout.ANSWERS))
        except WorkbookRefused:
            raise
        except Exception as error:  # openpyxl parses lazily: a damaged part fails here
            raise _unreadable(error) from None
        finally:
            book.close()
    return UploadedWorkbook(about, columns, rows, hashlib.sha256(data).hexdigest())


def _opened(data: bytes):
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False,
                                      keep_vba=False)
    except Exception as error:  # openpyxl raises many kinds of errors on damaged files
        raise _unreadable(error) from None


def _unreadable(error: Exception) -> WorkbookRefused:
    return WorkbookRefused("unreadable", _l(
        "This workbook could not be read (%(reason)s). Save it again as an Excel workbook (.xlsx) and upload it "
        "again.", reason=f"{type(error).__name__}: {str(error)[:200]}"))


def _sheet(book, name: str):
    if name not in book.sheetnames:
        raise WorkbookRefused("not_answers_workbook", _l(
            "This is not an answers workbook of this application: it has no sheet %(sheet)s. Download the answers "
            "workbook of this assessment, fill it in and upload it.", sheet=name))
    sheet = book[name]
    sheet.reset_dimensions()  # read every row, whatever size the file claims
    return sheet


def _rows(sheet):
    """(row number, cells) of every row, refusing sheets that are too large or hold formulas."""
    formulas = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        _check_size(sheet, number, cells)
        formulas += [Location(sheet.title, number, layout.column_letter(index))
                     for index, cell in enumerate(cells) if cell.data_type == "f"]
        yield number, cells
    if formulas:
        raise WorkbookRefused("formulas", _l(
            "The workbook contains formulas (%(cells)s). Type the values themselves instead of formulas, then "
            "upload the workbook again.", cells=listed(formulas, layout.MAX_LISTED)))


def _check_size(sheet, number: int, cells) -> None:
    if number > layout.MAX_ROWS:
        raise WorkbookRefused("too_many_rows", _l(
            "The sheet %(sheet)s has more than %(limit)s rows. Upload the workbook downloaded from this "
            "assessment.", sheet=sheet.title, limit=f"{layout.MAX_ROWS:,}"))
    if any(not blank(cell.value) for cell in cells[layout.MAX_COLUMNS:]):
        raise WorkbookRefused("too_many_columns", _l(
            "The sheet %(sheet)s has values beyond its column %(column)s. Remove them and upload the workbook "
            "again.", sheet=sheet.title, column=layout.column_letter(layout.MAX_COLUMNS - 1)))


def _about(sheet) -> About:
    values, downloaded = {}, {}
    for _number, cells in _rows(sheet):
        key = as_text(cells[0].value).strip() if cells and not blank(cells[0].value) else ""
        value = as_text(cells[1].value).strip() if len(cells) > 1 and not blank(cells[1].value) else ""
        if key.startswith("answer:"):
            revision, _sep, digest = value.partition(":")
            if revision.isdigit():
                downloaded[key.removeprefix("answer:")] = (int(revision), digest)
        elif key:
            values[key] = value
    if values.get("format") != layout.FORMAT_NAME:
        raise WorkbookRefused("not_answers_workbook", _l(
            "This is not an answers workbook of this application. Download the answers workbook of this "
            "assessment, fill it in and upload it."))
    return About(values, downloaded)


def _answers(sheet) -> tuple[dict[str, str], list[Row]]:
    columns: dict[str, int] = {}
    rows = []
    for number, cells in _rows(sheet):
        if number == 1:
            columns = _header(cells)
        elif any(not blank(cells[index].value) for index in columns.values() if index < len(cells)):
            row = _row(number, cells, columns)
            if not _is_heading(row):
                rows.append(row)
    if not columns:
        _header(())
    return {key: layout.column_letter(index) for key, index in columns.items()}, rows


def _header(cells) -> dict[str, int]:
    """Column index of each key named in the first row; every key that is read is required."""
    columns = {}
    for index, cell in enumerate(cells):
        if isinstance(cell.value, str) and cell.value.strip() in layout.KEYS:
            columns.setdefault(cell.value.strip(), index)
    missing = [key for key in layout.READ_KEYS if key not in columns]
    if missing:
        raise WorkbookRefused("missing_columns", _l(
            "The first row of the sheet %(sheet)s must hold the column keys; missing: %(keys)s. Download a new "
            "workbook and copy your answers into it.", sheet=layout.ANSWERS, keys=", ".join(missing)))
    return columns


def _row(number: int, cells, columns: dict[str, int]) -> Row:
    row = Row(number, "", {})
    for key in layout.READ_KEYS:
        index = columns[key]
        cell = cells[index] if index < len(cells) else None
        row.cells[key] = _cell_value(cell, Location(layout.ANSWERS, number, layout.column_letter(index)), row)
    row.question = "" if blank(row.cells["question_id"]) else as_text(row.cells["question_id"]).strip()
    answer = cells[columns["answer"]] if columns["answer"] < len(cells) else None
    row.percent_format = "%" in (getattr(answer, "number_format", None) or "")
    return row


def _cell_value(cell, location: Location, row: Row) -> object:
    """A cell's value; an error value or a text over the limit is a problem of the row."""
    if cell is None:
        return None
    if cell.data_type == "e":
        row.problems.append(CellProblem(location, "error_value", _(
            "This cell holds the error %(value)s: type a value instead.", value=cell.value)))
        return None
    if isinstance(cell.value, str) and len(cell.value) > layout.MAX_CELL_CHARS:
        row.problems.append(CellProblem(location, "too_long", _(
            "This cell holds %(length)s characters; at most %(limit)s are read. Shorten it.",
            length=f"{len(cell.value):,}", limit=f"{layout.MAX_CELL_CHARS:,}")))
        return None
    return cell.value


def _is_heading(row: Row) -> bool:
    """The second row repeats the keys in words (in any interface language); wherever such a
    row ends up after rows were moved, it is not an answer."""
    return fold(row.question) in interface_words()["heading"]
