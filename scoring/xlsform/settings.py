"""The settings sheet (optional): family id, version, title, languages and our ``gov::`` keys.

Without a settings sheet, or without a cell, defaults apply and the report says so: the id
comes from the file name, the version is ``1``, the title is ``form_title`` or the file name.
Ids and versions are turned into ones the format (and a file name) can hold.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from scoring.problems.catalog import Catalog
from scoring.xlsform.columns import PREFIX, SETTINGS
from scoring.xlsform.sheets import Context, Row, json_cell

SETTINGS_WORDS = {PREFIX + "format_version": "format_version", PREFIX + "status": "status",
                  PREFIX + "target_band": "target_band", PREFIX + "method": "method"}
SETTINGS_JSON = {PREFIX + "languages": "languages", PREFIX + "title": "title",
                 PREFIX + "description": "description", PREFIX + "bands": "bands"}
_DATE_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$")
_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$")


def read_settings(row: Row | None, file_name: str, languages: list[str], context: Context) -> dict:
    """The top-level keys: id, version, title, languages, and the ``gov::`` ones."""
    row = row or Row(SETTINGS, 2, {})
    data: dict = {column_key: row.word(column) for column, column_key in SETTINGS_WORDS.items() if row.word(column)}
    for column, key in SETTINGS_JSON.items():
        value = json_cell(row, column, context)
        if value is not None:
            data[key] = value
    version = data.get("format_version", "1")
    data["format_version"] = int(version) if version.isdigit() else version
    data["id"] = family_id(row, file_name, context)
    data["version"] = version_of(row, context)
    data.setdefault("status", "draft")
    data.setdefault("languages", languages)
    if "title" not in data:
        data["title"] = {data["languages"][0] if data["languages"] else "en": title_of(row, file_name, context)}
    return data


def family_id(row: Row, file_name: str, context: Context) -> str:
    """``form_id`` made a family id (a-z, 0-9, _), else the file name's."""
    form_id = row.word("form_id")
    made = slug(form_id or Path(file_name).stem)
    if form_id is None:
        context.report(where(row), Catalog.XLSFORM_DEFAULT_ID, id=made)
    elif made != form_id:
        context.report(where(row), Catalog.XLSFORM_ID_CHANGED, form_id=form_id, id=made)
    return made


def where(row: Row) -> str:
    """Where a settings problem is: its row, or the sheet when there is no row."""
    return row.where if row.cells else SETTINGS


def slug(text: str) -> str:
    """Lowercase letters, digits and _ only, at most 64 characters; ``form`` when nothing is left."""
    words = "".join(char if char.isascii() and char.isalnum() else " " for char in text.lower()).split()
    return "_".join(words)[:64].strip("_") or "form"


def version_of(row: Row, context: Context) -> str:
    """The version as a file name can hold it: a date and time becomes ``2019.03.14.0950``."""
    raw = row.cells.get("version")
    if raw is None or row.word("version") is None:
        context.report(where(row), Catalog.XLSFORM_DEFAULT_VERSION, version="1")
        return "1"
    written = row.word("version")
    made = safe_version(raw)
    if made != written:
        context.report(where(row), Catalog.XLSFORM_VERSION_CHANGED, version=written, new=made)
    return made


def safe_version(raw: object) -> str:
    """A version of letters, digits, '.', '_' and '-' (at most 32), from any cell value."""
    if isinstance(raw, datetime.datetime):
        return raw.strftime("%Y.%m.%d.%H%M")
    if isinstance(raw, datetime.date):
        return raw.strftime("%Y.%m.%d")
    text = str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw).strip()
    if _VERSION.fullmatch(text):
        return text
    moment = _DATE_TIME.match(text)
    if moment:
        year, month, day, hour, minute = moment.groups()
        return ".".join([year, month, day] + ([hour + minute] if hour else []))
    made = re.sub(r"[^0-9A-Za-z_-]+", ".", text).strip("._-")
    return made[:32].rstrip("._-") or "1"


def title_of(row: Row, file_name: str, context: Context) -> str:
    """``form_title``, else the file name (reported)."""
    title = row.text("form_title")
    if title is None or not title.strip():
        title = Path(file_name).stem
        context.report(where(row), Catalog.XLSFORM_DEFAULT_TITLE, title=title)
    return title
