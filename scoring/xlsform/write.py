"""Writing a definition as an XLSForm workbook (the shared layout is in ``columns``).

openpyxl is imported only when a workbook is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from scoring.definition.model import Area, Definition, Domain, LangText, Option, Question
from scoring.definition.rules import walk
from scoring.xlsform.columns import CHOICES, PREFIX, SETTINGS, SURVEY, range_constraint
from scoring.xlsform.dump import decimal_text
from scoring.xlsform.languages import language_header

Row = dict[str, object]

DEFAULT_YES_NO_LIST = "yes_no"
# Labels of the yes/no list written for yes_no questions that keep the default scores.
YES_NO_LABELS = {
    "en": ("Yes", "No"), "fr": ("Oui", "Non"), "es": ("Sí", "No"), "ar": ("نعم", "لا"),
    "ru": ("Да", "Нет"), "zh": ("是", "否"), "pt": ("Sim", "Não"), "de": ("Ja", "Nein"),
    "it": ("Sì", "No"), "tr": ("Evet", "Hayır"),
}

XLSFORM_TYPES = {
    "yes_no": "select_one", "single_choice": "select_one", "multi_choice": "select_multiple",
    # decimal also accepts whole numbers; our number questions may hold fractions
    "number": "decimal", "percent": "decimal", "text": "text", "date": "date", "note": "note",
}
NUMERIC = ("number", "percent")
GROUP_FIELDS = ("type", "weight", "method", "target_band", "allow_na", "allow_unknown", "evidence", "min", "max")
JSON_FIELDS = ("scoring", "option_scores", "tags", "recommendations")
SETTINGS_COLUMNS = ("form_title", "form_id", "version", "default_language", *(
    PREFIX + name for name in ("format_version", "status", "languages", "title", "description",
                               "bands", "target_band", "method")))


def write_xlsform(definition: Definition, out_path: Path | BinaryIO) -> None:
    """Write ``definition`` as an XLSForm workbook (.xlsx) at ``out_path`` (a path or an open
    binary file): survey, choices and settings sheets."""
    from openpyxl import Workbook

    languages = text_languages(definition)
    yes_no_list = shared_yes_no_list(definition)
    book = Workbook()
    _fill(book.active, SURVEY, survey_columns(languages), survey_rows(definition, languages, yes_no_list))
    _fill(book.create_sheet(CHOICES), CHOICES, choices_columns(languages),
          choices_rows(definition, languages, yes_no_list))
    _fill(book.create_sheet(SETTINGS), SETTINGS, SETTINGS_COLUMNS, [settings_row(definition)])
    book.save(out_path if hasattr(out_path, "write") else Path(out_path))


def text_languages(definition: Definition) -> tuple[str, ...]:
    """The declared languages, then any other language a text uses, so that no text is lost."""
    used = {code for _, text, _ in walk.texts(definition) if text for code in text}
    return (*definition.languages, *sorted(used - set(definition.languages)))


def shared_yes_no_list(definition: Definition) -> str | None:
    """Name of the yes/no list of yes_no questions without options (None when there is none).

    It must differ from every question id, since a question's own list carries its id.
    """
    if not any(q.type == "yes_no" and not q.options for _, _, q in definition.iter_questions()):
        return None
    taken = set(definition.question_map)
    candidates = (DEFAULT_YES_NO_LIST, *(f"{DEFAULT_YES_NO_LIST}_{n}" for n in range(2, len(taken) + 3)))
    return next(name for name in candidates if name not in taken)


def text_columns(base: str, languages: Iterable[str]) -> list[str]:
    """``label::English (en)``, … for each language."""
    return [f"{base}::{language_header(code)}" for code in languages]


def survey_columns(languages: tuple[str, ...]) -> list[str]:
    """The columns of the survey sheet, standard ones first."""
    return ["type", "name", *text_columns("label", languages), *text_columns("hint", languages),
            "required", "relevant", "constraint", *text_columns("constraint_message", languages),
            *(PREFIX + name for name in GROUP_FIELDS),
            *text_columns(PREFIX + "unit", languages), *(PREFIX + name for name in JSON_FIELDS)]


def choices_columns(languages: tuple[str, ...]) -> list[str]:
    """The columns of the choices sheet: standard ones only (pyxform fails on others' ``::``)."""
    return ["list_name", "name", *text_columns("label", languages)]


def survey_rows(definition: Definition, languages: tuple[str, ...], yes_no_list: str | None) -> Iterator[Row]:
    """One group row pair per domain and area, one row per question, in file order."""
    for domain in definition.domains:
        yield group_row(domain, languages)
        for area in domain.areas:
            yield group_row(area, languages)
            for question in area.questions:
                yield question_row(question, languages, yes_no_list)
            yield {"type": "end_group", "name": area.id}
        yield {"type": "end_group", "name": domain.id}


def group_row(node: Domain | Area, languages: tuple[str, ...]) -> Row:
    """The begin_group row of a domain or an area."""
    row = {"type": "begin_group", "name": node.id, **texts("label", node.title, languages),
           **texts("hint", node.help, languages), PREFIX + "weight": decimal_text(node.weight),
           PREFIX + "method": node.method}
    if isinstance(node, Domain):
        row[PREFIX + "target_band"] = node.target_band
    return row


def question_row(question: Question, languages: tuple[str, ...], yes_no_list: str | None) -> Row:
    """The survey row of one question, our extra keys in gov:: columns."""
    if question.type == "note":
        return note_row(question, languages)
    row = {"type": xlsform_type(question, yes_no_list), "name": question.id,
           **texts("label", question.label, languages), **texts("hint", question.help, languages),
           "required": _flag(question.required), "relevant": question.relevant,
           PREFIX + "type": question.type, PREFIX + "weight": decimal_text(question.weight),
           PREFIX + "allow_na": _flag(question.allow_na), PREFIX + "allow_unknown": _flag(question.allow_unknown),
           PREFIX + "evidence": question.evidence, **texts(PREFIX + "unit", question.unit, languages)}
    return row | constraint_cells(question, languages) | json_cells(question)


def note_row(question: Question, languages: tuple[str, ...]) -> Row:
    """The survey row of a note: a text, shown when its relevance holds."""
    return {"type": "note", "name": question.id, **texts("label", question.label, languages),
            **texts("hint", question.help, languages), "relevant": question.relevant, PREFIX + "type": "note"}


def constraint_cells(question: Question, languages: tuple[str, ...]) -> Row:
    """The XLSForm ``constraint`` collection tools check: a number's declared range (also in
    ``gov::min``/``gov::max``; a percent always has one, 0 to 100 unless narrowed) and the
    question's own constraint, joined with ``and``; and its message in every language."""
    cells = texts("constraint_message", question.constraint_message, languages)
    written = range_constraint(question.type, question.min, question.max) if question.type in NUMERIC else None
    if written is not None:
        cells |= {PREFIX + "min": None if question.min is None else decimal_text(question.min),
                  PREFIX + "max": None if question.max is None else decimal_text(question.max)}
    if written is not None and question.constraint is not None:
        return cells | {"constraint": f"{written} and ({question.constraint})"}
    return cells | {"constraint": written or question.constraint}


def xlsform_type(question: Question, yes_no_list: str | None) -> str:
    """``select_one <list>``, ``decimal``, … for a question."""
    base = XLSFORM_TYPES[question.type]
    if not base.startswith("select_"):
        return base
    return f"{base} {question.id if question.options else yes_no_list}"


def json_cells(question: Question) -> Row:
    """Scoring, option scores, tags and recommendations as JSON, with only the keys the file had set."""
    cells: Row = {}
    scores = {option.code: option.score for option in question.options if option.score is not None}
    if scores:
        cells[PREFIX + "option_scores"] = to_json(scores)
    if question.scoring is not None:
        cells[PREFIX + "scoring"] = to_json(question.scoring.model_dump(exclude_unset=True))
    tags = question.tags.model_dump(exclude_unset=True)
    if tags:
        cells[PREFIX + "tags"] = to_json(tags)
    if question.recommendations:
        cells[PREFIX + "recommendations"] = to_json(
            [recommendation.model_dump(exclude_unset=True) for recommendation in question.recommendations])
    return cells


def texts(base: str, text: LangText | None, languages: tuple[str, ...]) -> Row:
    """One cell per language of a multilingual text."""
    if not text:
        return {}
    return {f"{base}::{language_header(code)}": text[code] for code in languages if code in text}


def to_json(value: object) -> str:
    """Compact JSON with sorted keys; Decimals are written as exact JSON numbers."""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, dict):
        items = (f"{json.dumps(key, ensure_ascii=False)}: {to_json(value[key])}" for key in sorted(value))
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(to_json(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def choices_rows(definition: Definition, languages: tuple[str, ...], yes_no_list: str | None) -> Iterator[Row]:
    """Each question's options as its own list (named by its id), then the shared yes/no list."""
    for _, _, question in definition.iter_questions():
        for option in question.options:
            yield option_row(question.id, option, languages)
    if yes_no_list is not None:
        for index, code in enumerate(("yes", "no")):
            labels = {language: YES_NO_LABELS.get(language, YES_NO_LABELS["en"])[index] for language in languages}
            yield {"list_name": yes_no_list, "name": code, **texts("label", labels, languages)}


def option_row(list_name: str, option: Option, languages: tuple[str, ...]) -> Row:
    """The choices row of one option (its score is in the question's gov::option_scores)."""
    return {"list_name": list_name, "name": option.code, **texts("label", option.label, languages)}


def settings_row(definition: Definition) -> Row:
    """The one settings row: what ODK needs, then the definition's top-level keys."""
    source = definition.source_language
    description = definition.description
    return {
        "form_title": definition.title.get(source), "form_id": definition.id, "version": definition.version,
        "default_language": language_header(source),
        PREFIX + "format_version": str(definition.format_version), PREFIX + "status": definition.status,
        PREFIX + "languages": to_json(definition.languages), PREFIX + "title": to_json(definition.title),
        PREFIX + "description": None if description is None else to_json(description),
        PREFIX + "bands": to_json([band.model_dump(exclude_unset=True) for band in definition.bands]),
        PREFIX + "target_band": definition.target_band, PREFIX + "method": definition.method,
    }


def _flag(value: bool) -> str:
    return "yes" if value else "no"


def _fill(sheet, title: str, columns: Iterable[str], rows: Iterable[Row]) -> None:
    sheet.title = title
    columns = list(columns)
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(column) for column in columns])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # a text starting with '=' stays text, not a formula
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
