"""The comparison as a workbook (XLSX), a tidy CSV table and tidy JSON data.

The workbook's sheets: Profiles, Distribution, Regions, Change, Peers, Method (and Ranking
when asked for), with formatted headers, frozen header rows, filters, two-decimal scores,
percentage shares, right-to-left sheets for Arabic and neutralised formula-like text. The CSV
and the JSON carry the tidy table (``rows.tidy_rows``): one row per country × cycle × node.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pandas as pd
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import Comparison
from mgf_assess.comparisons.tables import rows as table_rows
from mgf_assess.comparisons.tables.headers import header_text
from mgf_assess.reports.tables.cells import neutralise
from mgf_assess.reports.tables.render import sheet_name
from mgf_assess.reports.tables.spreadsheet import cell_value, excel_writer

JSON_FORMAT, JSON_FORMAT_VERSION = "mgf-assess/comparison", 1
SHEETS = {"profiles": labels.HEADINGS["profiles"], "distribution": _l("Distribution"),
          "regions": _l("Regions"), "change": _l("Change between cycles"), "ranking": labels.HEADINGS["ranking"],
          "peers": _l("Peers"), "method": labels.HEADINGS["method"]}
SCORE_KEYS = ("score", "baseline", "current", "delta", "median", "q1", "q3", "peer_score")
SHARE_KEYS = ("completeness", "confidence", "share_meeting")


def render_xlsx(comparison: Comparison) -> bytes:
    buffer = io.BytesIO()
    with force_locale(comparison.language), excel_writer(buffer) as writer:
        book = Book(writer, comparison.direction == "rtl")
        book.sheet("profiles", *table_rows.profile_rows(comparison), comparison)
        keys = table_rows.aggregate_keys(comparison)
        book.sheet("distribution", keys, table_rows.distribution_rows(comparison, regional=False), comparison)
        book.sheet("regions", keys, table_rows.distribution_rows(comparison, regional=True), comparison)
        book.sheet("change", table_rows.CHANGE_KEYS, table_rows.change_rows(comparison), comparison)
        if comparison.ranking is not None:
            book.sheet("ranking", ["rank", "country_name", "score", "band"], _ranking_rows(comparison), comparison)
        book.sheet("peers", table_rows.PEER_KEYS, table_rows.peer_rows(comparison), comparison)
        book.sheet("method", ["item", "value"], table_rows.method_rows(comparison), comparison)
        writer.book.set_properties({"title": labels.text(labels.HEADINGS, "title"),
                                    "subject": f"{comparison.questionnaire} {comparison.cycle}",
                                    "created": comparison.generated_at.replace(tzinfo=None)})
    return buffer.getvalue()


def _ranking_rows(comparison: Comparison) -> list[dict]:
    note = {"rank": "", "country_name": labels.text(labels.MARKS, "no_ranking", node=comparison.ranking.node)}
    return [note, *({"rank": r.rank, "country_name": r.name, "score": r.score, "band": r.band_label}
                    for r in comparison.ranking.rows)]


class Book:
    """Formats shared by the sheets of one workbook, and writing one sheet."""

    def __init__(self, writer: pd.ExcelWriter, rtl: bool) -> None:
        self.writer, self.rtl, book = writer, rtl, writer.book
        self.header = book.add_format({"bold": True, "bg_color": "#E8EEF9", "font_color": "#072A66", "bottom": 2,
                                       "text_wrap": True, "valign": "top"})
        self.formats = {"score": book.add_format({"num_format": "0.00"}), "share": book.add_format({"num_format": "0.0%"}),
                        "text": book.add_format({"text_wrap": True, "valign": "top"})}

    def sheet(self, key: str, keys: list[str], rows: list[dict], comparison: Comparison) -> None:
        name = sheet_name(SHEETS[key])
        data = pd.DataFrame([[cell_value(row.get(k)) for k in keys] for row in rows], columns=keys, dtype=object)
        data.to_excel(self.writer, sheet_name=name, index=False, header=False, startrow=1)
        sheet = self.writer.sheets[name]
        sheet.write_row(0, 0, [neutralise(header_text(comparison, k)) for k in keys], self.header)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(keys) - 1)
        for index, column in enumerate(keys):
            sheet.set_column(index, index, _width(column), self.formats[_kind(column)])
        if self.rtl:
            sheet.right_to_left()


def _kind(key: str) -> str:
    last = key.rsplit(":", 1)[-1]
    return "score" if last in SCORE_KEYS else "share" if last in SHARE_KEYS or last == "share" else "text"


def _width(key: str) -> int:
    return 60 if key in ("value", "recommendations") else 28 if key.endswith(("name", "title")) else 14


def render_csv(comparison: Comparison) -> bytes:
    """The tidy table, UTF-8 with a byte-order mark; numbers with a dot whatever the language."""
    with force_locale(comparison.language):
        rows = [{key: _csv_cell(row[key]) for key in table_rows.TIDY_KEYS} for row in table_rows.tidy_rows(comparison)]
    buffer = io.StringIO()
    pd.DataFrame(rows, columns=table_rows.TIDY_KEYS, dtype=object).to_csv(buffer, index=False, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, (Decimal, int)) else neutralise(value)


def render_json(comparison: Comparison) -> bytes:
    """The tidy table as JSON with what it is: questionnaire, cycles, source, preliminary."""
    with force_locale(comparison.language):
        rows = table_rows.tidy_rows(comparison)
    document = {"format": JSON_FORMAT, "format_version": JSON_FORMAT_VERSION,
                "questionnaire": comparison.questionnaire, "cycle": comparison.cycle, "baseline": comparison.baseline,
                "source": comparison.source, "preliminary": comparison.preliminary, "language": comparison.language,
                "generated_at": comparison.generated_at.isoformat(), "rows": [_plain(row) for row in rows]}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _plain(row: dict) -> dict:
    return {key: float(value) if isinstance(value, Decimal) else value for key, value in row.items()}
