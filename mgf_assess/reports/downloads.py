"""The gap report's download formats: renderer, media type and file name of each.

Shared by the web routes and the command line, so a file is named and built the same way
wherever it comes from.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from flask_babel import lazy_gettext as _l

from mgf_assess.reports.data.model import GapReport

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",  # text types are sent with "; charset=utf-8" added once by Flask
    "json": "application/json",
    "html": "text/html",
}
FORMAT_LABELS = {
    "pdf": _l("PDF document"),
    "xlsx": _l("Spreadsheet (Excel)"),
    "csv": _l("Table of questions (CSV)"),
    "json": _l("Data (JSON)"),
    "html": _l("Printable web page (HTML)"),
}
FORMATS = tuple(MEDIA_TYPES)
UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def renderer(fmt: str) -> Callable[[GapReport], bytes]:
    """The function that turns a report into the bytes of ``fmt`` (imported when needed:
    the PDF and spreadsheet libraries are heavy and most requests never use them)."""
    if fmt == "pdf":
        from mgf_assess.reports.pdf import render_pdf

        return render_pdf
    if fmt == "html":
        from mgf_assess.reports.web import render_html_document

        return lambda report: render_html_document(report).encode("utf-8")
    from mgf_assess.reports import tables

    return {"xlsx": tables.render_xlsx, "csv": tables.render_csv, "json": tables.render_json}[fmt]


def render(report: GapReport, fmt: str) -> bytes:
    """The report in format ``fmt`` (one of ``FORMATS``)."""
    return renderer(fmt)(report)


def file_name(report: GapReport, fmt: str) -> str:
    """e.g. ``gap-report-KEN-2026-mgf-2026.1-fr.pdf``: only letters, digits, ``.``, ``_``, ``-``."""
    cover = report.cover
    parts = ("gap-report", cover.country_code, str(cover.cycle), cover.questionnaire_id, cover.version,
             report.language)
    return "-".join(UNSAFE.sub("_", part) for part in parts) + "." + fmt


def format_choices() -> list[tuple[str, str]]:
    """(format, label) pairs for the download links, in the current language."""
    return [(fmt, str(FORMAT_LABELS[fmt])) for fmt in FORMATS]
