"""Reading an XLSForm workbook back into a questionnaire (the columns are in ``columns``).

Reading goes in two stages, each listing every problem it finds:

1. the workbook: sheets, types, names, groups, yes/no cells and JSON cells, located by sheet
   and row (``survey row 12``);
2. the definition built from it, checked exactly like a YAML file (shape, then meaning), each
   problem located at the row it comes from: ``survey row 12 (domains[0]…questions[3].label)``.

The second stage runs only when the first found nothing, so that one mistake in the workbook
is not reported again as its consequences.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pydantic import ValidationError

from scoring.definition.loader import definition_from_text
from scoring.definition.model import Definition
from scoring.definition.shape import shape_problems
from scoring.definition.source import parent_location
from scoring.problems.catalog import Catalog
from scoring.problems.problem import DefinitionError, Problem
from scoring.xlsform.columns import CHOICES, PREFIX, SETTINGS, SURVEY, language_code
from scoring.xlsform.dump import dump_yaml
from scoring.xlsform.sheets import (
    Context,
    Row,
    Sheet,
    compact,
    has_columns,
    json_cell,
    language_columns,
    read_sheets,
    required_sheet,
)
from scoring.xlsform.survey import SurveyReader

TEXT_COLUMNS = ("label", "hint", PREFIX + "unit")
SETTINGS_WORDS = {"form_id": "id", "version": "version", PREFIX + "format_version": "format_version",
                  PREFIX + "status": "status", PREFIX + "target_band": "target_band", PREFIX + "method": "method"}
SETTINGS_JSON = {PREFIX + "languages": "languages", PREFIX + "title": "title",
                 PREFIX + "description": "description", PREFIX + "bands": "bands"}


def read_xlsform_to_yaml(in_path: Path) -> str:
    """The questionnaire YAML text of the workbook at ``in_path``, validated.

    Raises DefinitionError listing every problem, each located by sheet and row
    (``survey row 12``), when the workbook cannot become a valid definition.
    """
    path = Path(in_path)
    context = Context()
    sheets = read_sheets(path, context)
    data = build_definition(sheets, context) if sheets is not None else {}
    if context.problems:
        raise DefinitionError(problem.in_file(str(path)) for problem in context.problems)
    return checked_yaml(data, context.rows, str(path))


def read_xlsform(in_path: Path) -> Definition:
    """The validated definition of the workbook at ``in_path`` (see read_xlsform_to_yaml)."""
    path = Path(in_path)
    return definition_from_text(read_xlsform_to_yaml(path), str(path))


def build_definition(sheets: dict[str, Sheet], context: Context) -> dict:
    """The definition's data from the sheets, before any check of its content."""
    survey, settings = required_sheet(sheets, SURVEY, context), required_sheet(sheets, SETTINGS, context)
    if survey is None or settings is None or not has_columns(survey, ("type", "name"), context):
        return {}
    top = settings.rows[0] if settings.rows else Row(SETTINGS, 2, {})
    default = language_code(top.word("default_language") or "") or "en"
    choices = sheets.get(CHOICES) or Sheet(CHOICES, [], [])
    lists = read_lists(choices, language_columns(choices, "label", default, context), context)
    columns = {base: language_columns(survey, base, default, context) for base in TEXT_COLUMNS}
    context.rows.update({"": top.where, "domains": SURVEY})
    data = read_settings(top, list(columns["label"]) or [default], default, context)
    data["domains"] = SurveyReader(columns, lists, context).read(survey.rows)
    return data


def read_settings(row: Row, languages: list[str], default: str, context: Context) -> dict:
    """The top-level keys; a form made elsewhere gets format 1, status draft and its label languages."""
    data: dict = {key: row.word(column) for column, key in SETTINGS_WORDS.items() if row.word(column)}
    for column, key in SETTINGS_JSON.items():
        value = json_cell(row, column, context)
        if value is not None:
            data[key] = value
    version = data.get("format_version", "1")
    data["format_version"] = int(version) if version.isdigit() else version
    data.setdefault("status", "draft")
    data.setdefault("languages", languages)
    if "title" not in data and row.text("form_title"):
        data["title"] = {default: row.text("form_title")}
    return data


def read_lists(sheet: Sheet, labels: dict[str, str], context: Context) -> dict[str, list[tuple[Row, dict]]]:
    """Choice lists by name: each option with the row it came from."""
    if sheet.rows and not has_columns(sheet, ("list_name", "name"), context):
        return {}
    lists: dict[str, list[tuple[Row, dict]]] = {}
    for row in sheet.rows:
        list_name, code = row.word("list_name"), row.word("name")
        if list_name is None or code is None:
            context.report(row, Catalog.XLSFORM_MISSING_NAME__CHOICE, column="name" if code is None else "list_name")
            continue
        # A score on the choices sheet comes from a workbook exported before gov::option_scores.
        option = compact({"code": code, "label": row.texts(labels), "score": row.word(PREFIX + "score")})
        lists.setdefault(list_name, []).append((row, option))
    return lists


def checked_yaml(data: dict, rows: dict[str, str], file: str) -> str:
    """Check the data like a YAML file and return its canonical YAML text."""
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


def located(issues: list[Problem] | tuple[Problem, ...], rows: dict[str, str]) -> list[Problem]:
    """The issues with their workbook row in front of the definition location."""
    return [replace(issue, location=row_of(issue.location, rows), line=None) for issue in issues]


def row_of(location: str, rows: dict[str, str]) -> str:
    """``survey row 12 (domains[0].areas[1].questions[3].label)`` for a definition location."""
    probe = location
    while probe and probe not in rows:
        probe = parent_location(probe)
    where = rows.get(probe, SETTINGS)
    return f"{where} ({location})" if location else where
