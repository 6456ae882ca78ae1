"""Writing tidy rows into a formatted XLSX sheet through pandas and xlsxwriter.

Formatting every sheet gets: a styled header row (frozen, with an autofilter), column widths
by column kind, wrapped top-aligned text, two-decimal scores and percentage shares, and
right-to-left sheets for right-to-left report languages.
"""

from __future__ import annotations

import pandas as pd

from mgf_assess.reports.tables.cells import neutralise
from mgf_assess.reports.tables.rows import HEADERS, NUMBER_KEYS, SHARE_KEYS, as_number

# Excel refuses longer cell texts; cut with a visible mark rather than let the writer fail.
MAX_CELL_CHARS = 32_767
CUT_MARK = " […]"
WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
WIDE = {"question": 50, "answer": 40, "justification": 40, "recommendation": 60, "citation": 60,
        "override_justification": 50, "value": 60, "name": 30, "domain": 30, "area": 25}
NARROW = {"evidence_count": 10, "required": 10, "gcm": 12, "type": 14, "status": 12, "band": 16, "kind": 14,
          "self_band": 16}


def excel_writer(buffer) -> pd.ExcelWriter:
    """A pandas writer whose workbook never turns a string into a formula, URL or number."""
    return pd.ExcelWriter(buffer, engine="xlsxwriter", engine_kwargs={"options": WORKBOOK_OPTIONS})


def cell_value(value):
    """A value ready for a cell: numbers as numbers, text neutralised and cut to Excel's limit."""
    value = as_number(value)
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARS:
            value = value[: MAX_CELL_CHARS - len(CUT_MARK) - 1] + CUT_MARK
        return neutralise(value)
    return value


def frame(rows: list[dict], keys: list[str]) -> pd.DataFrame:
    """Rows as a frame with exactly ``keys`` as columns (an empty table keeps its columns)."""
    data = [[cell_value(row.get(key)) for key in keys] for row in rows]
    return pd.DataFrame(data, columns=keys, dtype=object)


class SheetWriter:
    """Formats shared by the sheets of one workbook."""

    def __init__(self, writer: pd.ExcelWriter, rtl: bool, headers: dict | None = None) -> None:
        self.writer, self.book, self.rtl = writer, writer.book, rtl
        self.headers = {**HEADERS, **(headers or {})}  # a column's heading, by its key
        self.header = self.book.add_format({"bold": True, "bg_color": "#E8EEF9", "font_color": "#072A66",
                                            "bottom": 2, "text_wrap": True, "valign": "top"})
        self.text = self.book.add_format({"text_wrap": True, "valign": "top"})
        self.score = self.book.add_format({"num_format": "0.00", "valign": "top"})
        self.share = self.book.add_format({"num_format": "0.0%", "valign": "top"})
        self.banner = self.book.add_format({"bold": True, "font_color": "#A4161A", "font_size": 13})

    def table(self, name: str, rows: list[dict], keys: list[str], start_row: int = 0,
              filters: bool = True, freeze: bool = True):
        """Write one table with its header at ``start_row``; returns the worksheet."""
        data = frame(rows, keys)
        data.to_excel(self.writer, sheet_name=name, index=False, header=False, startrow=start_row + 1)
        sheet = self.writer.sheets[name]
        sheet.write_row(start_row, 0, [neutralise(str(self.headers[key])) for key in keys], self.header)
        if freeze:
            sheet.freeze_panes(start_row + 1, 0)
        if filters:
            sheet.autofilter(start_row, 0, start_row + max(len(rows), 1), len(keys) - 1)
        self.columns(sheet, keys)
        if self.rtl:
            sheet.right_to_left()
        return sheet

    def columns(self, sheet, keys: list[str]) -> None:
        for index, key in enumerate(keys):
            sheet.set_column(index, index, self.width(key), self.format_of(key))

    def width(self, key: str) -> int:
        if key in WIDE or key in NARROW:
            return WIDE.get(key) or NARROW[key]
        return 11 if key in NUMBER_KEYS + SHARE_KEYS else 18

    def format_of(self, key: str):
        if key in NUMBER_KEYS:
            return self.score
        return self.share if key in SHARE_KEYS else self.text
