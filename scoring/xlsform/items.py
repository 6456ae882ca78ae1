"""One survey row as a question or a note: its keys, its options and, for ``or_other``, the
text question asked when "other" is chosen."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scoring.problems.catalog import Catalog
from scoring.xlsform.columns import PREFIX
from scoring.xlsform.sheets import FLAGS, Context, Row, compact, flag, json_cell
from scoring.xlsform.types import FITS, RowType

MEDIA = ("image", "big-image", "audio", "video")
OTHER_LABELS = {"en": "Other", "fr": "Autre", "es": "Otro", "ar": "أخرى"}
SPECIFY_LABELS = {"en": "Specify other", "fr": "Précisez autre", "es": "Especifique otro", "ar": "حدد أخرى"}
_PARAMETER = re.compile(r"([A-Za-z_]+)\s*=\s*([^\s,;]+)")
BY_SELECT = {"select_one": "single_choice", "select_multiple": "multi_choice"}


@dataclass
class Item:
    """A question or a note of the survey, with the rows its options came from."""

    row: Row
    data: dict
    options: list = field(default_factory=list)  # (option row, score row, option)
    relevant: str | None = None  # as written, before it is checked
    constraint: str | None = None

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def answerable(self) -> bool:
        return self.data["type"] != "note"


@dataclass(frozen=True)
class Columns:
    """Language code → column of each text the survey sheet has, and the default language."""

    texts: dict[str, dict[str, str]]
    default: str

    def of(self, base: str) -> dict[str, str]:
        return self.texts.get(base, {})


def question_data(row: Row, item_id: str, row_type: RowType, columns: Columns, context: Context) -> dict:
    """A question's (or note's) keys from its cells; empty cells are left out."""
    our_type = our_type_of(row, row_type, context)
    data = {"id": item_id, "type": our_type, "label": label_of(row, columns, context),
            "help": row.texts(columns.of("hint")),
            "constraint_message": row.texts(columns.of("constraint_message"))}
    if our_type != "note":
        data |= answer_keys(row, row_type, columns, context)
    return compact(data)


def answer_keys(row: Row, row_type: RowType, columns: Columns, context: Context) -> dict:
    """What only an answerable question has: required, our gov:: keys, a range's bounds."""
    data = {"required": required_of(row, context), "unit": row.texts(columns.of(PREFIX + "unit")),
            "weight": row.word(PREFIX + "weight"), "allow_na": flag(row, PREFIX + "allow_na", context),
            "allow_unknown": flag(row, PREFIX + "allow_unknown", context), "evidence": row.word(PREFIX + "evidence"),
            "min": row.word(PREFIX + "min"), "max": row.word(PREFIX + "max")}
    if row_type.word == "range":
        data |= range_bounds(row)
    return data | {key: json_cell(row, PREFIX + key, context) for key in ("scoring", "tags", "recommendations")}


def our_type_of(row: Row, row_type: RowType, context: Context) -> str:
    """``gov::type`` when it fits the XLSForm type (else ignored, with a warning), or the type
    XLSForm implies: a select is a single or multiple choice, a decimal limited to 0–100 a percent."""
    implied = BY_SELECT.get(row_type.kind, row_type.kind)
    declared = row.word(PREFIX + "type")
    if declared is None:
        return implied
    if declared not in FITS or row_type.kind not in FITS[declared]:
        context.report(row, Catalog.XLSFORM_TYPE_MISMATCH, column=f"{PREFIX}type", declared=declared,
                       type=row_type.word, types=" or ".join(sorted(FITS.get(declared, {"text"}))))
        return implied
    return declared


def label_of(row: Row, columns: Columns, context: Context) -> dict:
    """The label texts; a row labelled only by a media file names the file, one with no label
    at all its name (each with a warning)."""
    texts = row.texts(columns.of("label"))
    if texts:
        return texts
    for column, value in row.cells.items():
        media = media_kind(column)
        if media is not None:
            context.report(row, Catalog.XLSFORM_MEDIA_LABEL, media=media, media_file=value)
            return {columns.default: f"[{media}: {value}]"}
    name = row.word("name") or row.where
    context.report(row, Catalog.XLSFORM_DEFAULT_LABEL, name=name)
    return {columns.default: name}


def media_kind(column: str) -> str | None:
    """``image`` for ``media::image``, ``image::English (en)``, ``image``…; None for other columns."""
    parts = column.lower().split("::")
    kind = parts[1] if parts[0] == "media" and len(parts) > 1 else parts[0]
    return kind if kind in MEDIA else None


def required_of(row: Row, context: Context) -> bool:
    """XLSForm's ``required``: empty is optional, the words pyxform reads as true required; an
    expression (required only if …) is not supported: optional, with a warning."""
    word = row.word("required")
    if word is None:
        return False
    if word.lower() in FLAGS:
        return FLAGS[word.lower()]
    context.report(row, Catalog.XLSFORM_REQUIRED_EXPRESSION, expression=word)
    return False


def range_bounds(row: Row) -> dict:
    """A ``range`` row's ``start`` and ``end`` parameters (1 and 10 by default) as min and max."""
    parameters = {key.lower(): value for key, value in _PARAMETER.findall(row.text("parameters") or "")}
    start, end = parameters.get("start", "1"), parameters.get("end", "10")
    try:
        ascending = float(start) <= float(end)
    except ValueError:
        return {}
    return {"min": start, "max": end} if ascending else {"min": end, "max": start}


def other_item(item: Item, languages: list[str], item_id: str) -> Item:
    """The text question of an ``or_other`` select, asked when "other" is chosen."""
    labels = {language: SPECIFY_LABELS.get(language, SPECIFY_LABELS["en"]) for language in languages}
    data = {"id": item_id, "type": "text", "label": labels, "required": False}
    return Item(item.row, data, relevant=f"selected(${{{item.id}}}, 'other')")


def other_option(languages: list[str]) -> dict:
    """The option an ``or_other`` select adds."""
    return {"code": "other", "label": {language: OTHER_LABELS.get(language, OTHER_LABELS["en"])
                                       for language in languages}}
