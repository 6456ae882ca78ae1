"""The gap report as a spreadsheet (XLSX), a tidy CSV table of questions, and JSON.

All three are built from the same ``GapReport`` (and XLSX and CSV from the same tidy rows,
``rows``), so they always agree with the web page and the PDF. User text is
neutralised in XLSX and CSV (see ``cells``); the JSON carries it raw, as data.
"""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date, datetime
from decimal import Decimal

import pandas as pd
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from mgf_assess.reports.data import labels
from mgf_assess.reports.data.model import GapReport
from mgf_assess.reports.tables import rows as table_rows
from mgf_assess.reports.tables.cells import neutralise
from mgf_assess.reports.tables.spreadsheet import SheetWriter, excel_writer

JSON_FORMAT = "mgf-assess/gap-report"
JSON_FORMAT_VERSION = 1
# The CSV's columns: a tidy table, one row per question (keys are stable across languages).
# ``validation`` repeats on every row where the report stands (its not-yet-validated mark, or
# "Validated"), so that no extract of the file loses it.
CSV_KEYS = ["domain_id", "domain", "area_id", "area", "question_id", "question", "type", "status",
            "status_label", "answer", "score", "self_score", "band", "band_label", "weight",
            "evidence_count", "flags", "self_band", "override_justification", "validation"]
SHEETS = {
    "summary": (_l("Summary"), ["level", "domain", "score", "band_label", "self_score", "self_band_label",
                                "target", "below_target", "completeness", "confidence"]),
    "questions": (_l("Questions"), CSV_KEYS[:10] + ["justification", "score", "band_label", "self_score",
                                                     "self_band_label", "weight", "evidence_count",
                                                     "override_justification"]),
    "overrides": (_l("Score overrides"), ["domain", "area", "question_id", "question", "self_score",
                                          "self_band_label", "score", "band_label", "override_justification"]),
    "recommendations": (labels.HEADINGS["recommendations"], [
        "priority_label", "recommendation", "domain", "question_id", "question", "gap", "gcm",
        "recommendation_id"]),
    "evidence": (labels.FIELDS["evidence"], ["domain", "question_id", "question", "kind_label", "citation"]),
    "data_gaps": (labels.HEADINGS["data_gaps"], ["domain", "area", "question_id", "question",
                                                 "status_label", "required"]),
}
ROWS = {"questions": table_rows.question_rows, "recommendations": table_rows.recommendation_rows,
        "evidence": table_rows.evidence_rows, "data_gaps": table_rows.data_gap_rows}


def render_xlsx(report: GapReport) -> bytes:
    """The workbook: Summary, Questions, Recommendations, Evidence and Data gaps sheets, and
    Score overrides once reviewed."""
    buffer = io.BytesIO()
    with force_locale(report.language), excel_writer(buffer) as writer:
        sheets = SheetWriter(writer, rtl=report.direction == "rtl",
                             headers=table_rows.REVIEWED_HEADERS if report.reviewed else None)
        _summary_sheet(sheets, report)
        for key, build in _sheet_rows(report).items():
            title, keys = SHEETS[key]
            sheets.table(sheet_name(title), build(report), keys)
        writer.book.set_properties(_properties(report))
    return buffer.getvalue()


def _sheet_rows(report: GapReport) -> dict:
    rows = dict(ROWS)
    if report.reviewed or report.overrides:
        rows = {"questions": rows.pop("questions"), "overrides": table_rows.override_rows, **rows}
    return rows


def _summary_sheet(sheets: SheetWriter, report: GapReport) -> None:
    """The cover facts as a two-column block, then the overall and domain scores table."""
    title, keys = SHEETS["summary"]
    name = sheet_name(title)
    facts = table_rows.fact_rows(report)
    sheet = sheets.table(name, facts, ["name", "value"], filters=False, freeze=False)
    sheets.table(name, table_rows.score_rows(report), keys, start_row=len(facts) + 2, freeze=False)
    if report.cover.mark:
        sheet.write_string(1, 0, neutralise(facts[0]["name"]), sheets.banner)


def sheet_name(title) -> str:
    """A sheet name Excel accepts: none of ``[]:*?/\\``, at most 31 characters."""
    text = "".join(" " if char in "[]:*?/\\" else char for char in str(title)).strip(" '")
    return text[:31] or "Sheet"


def _properties(report: GapReport) -> dict:
    cover = report.cover
    return {"title": labels.text(labels.HEADINGS, "report_title"),
            "subject": f"{cover.country_name} {cover.cycle} · {cover.questionnaire_id} {cover.version}",
            "created": cover.generated_at.replace(tzinfo=None)}


def render_csv(report: GapReport) -> bytes:
    """One tidy table of questions, UTF-8 with a byte-order mark so Excel reads it as UTF-8.

    Numbers keep a dot as decimal separator whatever the language: the CSV is for analysis
    tools, the XLSX for people.
    """
    with force_locale(report.language):
        validation = table_rows.validation_text(report)
        rows = [{key: _csv_cell(row.get(key, validation)) for key in CSV_KEYS}
                for row in table_rows.question_rows(report)]
    buffer = io.StringIO()
    pd.DataFrame(rows, columns=CSV_KEYS, dtype=object).to_csv(buffer, index=False, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(value):
    if value is None:
        return ""
    return str(value) if isinstance(value, Decimal) else neutralise(value)


def render_json(report: GapReport) -> bytes:
    """The whole report data: keys in a stable order, numbers as numbers, text unescaped."""
    document = {"format": JSON_FORMAT, "format_version": JSON_FORMAT_VERSION, **_plain(report)}
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _plain(value):
    """Dataclasses → dicts in field order, Decimals → numbers, dates → ISO 8601 text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, Decimal):
        return int(value) if value.as_tuple().exponent >= 0 else float(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value
