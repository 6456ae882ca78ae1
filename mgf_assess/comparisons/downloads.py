"""The comparison's download formats: renderer, media type and file name of each.

Shared by the web routes and the command line (which adds ``html``), so a file is named and
built the same way wherever it comes from.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from flask_babel import lazy_gettext as _l

from mgf_assess.comparisons.data.model import Comparison

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "json": "application/json",
}
FORMAT_LABELS = {
    "pdf": _l("PDF document"),
    "xlsx": _l("Spreadsheet (Excel)"),
    "csv": _l("Tidy table (CSV)"),
    "json": _l("Tidy data (JSON)"),
}
FORMATS = tuple(MEDIA_TYPES)
UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def renderer(fmt: str) -> Callable[[Comparison], bytes]:
    """The function turning a comparison into the bytes of ``fmt`` (imported when needed)."""
    if fmt == "pdf":
        from mgf_assess.comparisons.pdf import render_pdf

        return render_pdf
    if fmt == "html":
        from mgf_assess.comparisons.web import render_html_document

        return lambda comparison: render_html_document(comparison).encode("utf-8")
    from mgf_assess.comparisons import tables

    return {"xlsx": tables.render_xlsx, "csv": tables.render_csv, "json": tables.render_json}[fmt]


def render(comparison: Comparison, fmt: str) -> bytes:
    return renderer(fmt)(comparison)


def file_name(comparison: Comparison, fmt: str) -> str:
    """e.g. ``comparison-mgf-2026-from-2019-fr.pdf``: letters, digits, ``.``, ``_``, ``-`` only."""
    parts = ["comparison", comparison.questionnaire, str(comparison.cycle or "none")]
    if comparison.baseline:
        parts += ["from", str(comparison.baseline)]
    if comparison.preliminary:
        parts.append("preliminary")
    parts.append(comparison.language)
    return "-".join(UNSAFE.sub("_", part) for part in parts) + "." + fmt


def format_choices() -> list[tuple[str, str]]:
    return [(fmt, str(FORMAT_LABELS[fmt])) for fmt in FORMATS]
