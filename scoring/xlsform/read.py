"""Reading an XLSForm workbook into a draft questionnaire, with a report of every row.

Every workbook pyxform converts imports: what the questionnaire format cannot hold is left out
or given a default, row by row, and the report says so (``scoring.xlsform.report``). Reading
goes in two stages:

1. the workbook: sheets (only ``survey`` is required), types, names, groups, expressions,
   choices and ``gov::`` cells, located by sheet and row (``survey row 12``);
2. the definition built from it, checked like a YAML file (shape, then meaning), each problem
   located at the row it comes from: ``survey row 12 (domains[0]…questions[3].label)``.

The second stage runs only when the first found no error, so that one mistake in the workbook
is not reported again as its consequences.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from pydantic import ValidationError

from scoring.definition.loader import definition_from_text
from scoring.definition.model import Definition
from scoring.definition.shape import shape_problems
from scoring.definition.source import parent_location
from scoring.definition.validate import validate_definition
from scoring.problems.catalog import Catalog
from scoring.problems.problem import DefinitionError, Problem
from scoring.xlsform.columns import CHOICES, PREFIX, SETTINGS, SURVEY
from scoring.xlsform.conditions import break_cycles, settle
from scoring.xlsform.defaults import apply_defaults
from scoring.xlsform.dump import definition_yaml
from scoring.xlsform.items import Columns, Item
from scoring.xlsform.languages import language_code
from scoring.xlsform.layout import Layout
from scoring.xlsform.report import ImportReport
from scoring.xlsform.settings import read_settings
from scoring.xlsform.sheets import (
    Context,
    Row,
    Sheet,
    compact,
    has_columns,
    language_columns,
    read_sheets,
)
from scoring.xlsform.survey import Group, SurveyReader

TEXT_COLUMNS = ("label", "hint", "constraint_message", PREFIX + "unit")


@dataclass(frozen=True)
class XlsformImport:
    """The outcome of importing a workbook: the questionnaire (None when it could not be
    made), its YAML text, and the report."""

    definition: Definition | None
    yaml: str | None
    report: ImportReport

    @property
    def ok(self) -> bool:
        return self.definition is not None


def import_xlsform(source: Path | str | BinaryIO, name: str | None = None) -> XlsformImport:
    """Import the workbook at ``source`` (a path or an open binary file); ``name`` is the file's
    name (the family id of a form without form_id comes from it). Never raises for bad input."""
    name = name or Path(getattr(source, "name", None) or str(source)).name
    context = Context()
    sheets = read_sheets(source, context)
    data = build_definition(sheets, name, context) if sheets is not None else None
    definition, text = checked(data, context) if data is not None and not context.errors else (None, None)
    problems = tuple(problem.in_file(name) for problem in context.problems)
    return XlsformImport(definition, text, ImportReport(name, tuple(context.outcomes.values()), problems))


def read_xlsform_to_yaml(in_path: Path) -> str:
    """The questionnaire YAML text of the workbook at ``in_path``, validated.

    Raises DefinitionError listing every problem, each located by sheet and row
    (``survey row 12``), when the workbook cannot become a valid definition.
    """
    result = import_xlsform(Path(in_path), str(in_path))
    if not result.ok:
        raise DefinitionError(result.report.problems)
    return result.yaml


def read_xlsform(in_path: Path) -> Definition:
    """The validated definition of the workbook at ``in_path`` (see read_xlsform_to_yaml)."""
    return definition_from_text(read_xlsform_to_yaml(in_path), str(in_path))


def build_definition(sheets: dict[str, Sheet], file_name: str, context: Context) -> dict | None:
    """The definition's data from the sheets, before any check of its content."""
    survey = sheets.get(SURVEY)
    if survey is None:
        context.report(SURVEY, Catalog.XLSFORM_MISSING_SHEET, sheet=SURVEY)
        return None
    if not has_columns(survey, ("type", "name"), context):
        return None
    top = next(iter(sheets[SETTINGS].rows), None) if SETTINGS in sheets else None
    default = (language_code(top.word("default_language") or "") if top else None) or "en"
    choices = sheets.get(CHOICES) or Sheet(CHOICES, [], [])
    option_labels = language_columns(choices, "label", default, context)
    texts = {base: language_columns(survey, base, default, context) for base in TEXT_COLUMNS}
    data = read_settings(top, file_name, ordered_languages([*texts.values(), option_labels], default), context)
    if top is not None:
        context.became(top, "settings", data["id"])
    context.rows.update({"": top.where if top is not None else SETTINGS, "domains": SURVEY})
    columns = Columns(texts, data["languages"][0] if data["languages"] else default)
    lists = read_lists(choices, option_labels, columns.default, context)
    data["domains"] = survey_domains(survey, columns, lists, data, context)
    return data


def ordered_languages(columns: list[dict[str, str]], default: str) -> list[str]:
    """Every language of the text columns, the default language first."""
    found = list(dict.fromkeys(code for found in columns for code in found))
    return [default, *(code for code in found if code != default)] if default in found or not found else found


def survey_domains(survey: Sheet, columns: Columns, lists: dict, data: dict, context: Context) -> list[dict]:
    """The domains of the survey sheet, their expressions checked and defaults applied."""
    languages = list(data["languages"])
    reader = SurveyReader(columns, lists, languages, context)
    root = reader.read(survey.rows)
    items = list(all_items(root))
    settle(root, items, reader.names, reader.skipped, context)
    layout = Layout(reader.names, languages, data["title"], context)
    domains = layout.build(root)
    break_cycles(layout.placed, context)
    apply_defaults(data, layout.placed, languages, context)
    if not domains:
        context.report(SURVEY, Catalog.XLSFORM_NO_QUESTION)
    return domains


def all_items(group: Group):
    """Every item of the tree, in survey order."""
    for child in group.children:
        if isinstance(child, Group):
            yield from all_items(child)
        else:
            yield child


def read_lists(sheet: Sheet, labels: dict[str, str], default: str, context: Context) -> dict[str, list[Item]]:
    """Choice lists by name: each option with the row it came from."""
    if sheet.rows and not has_columns(sheet, ("list_name", "name"), context):
        return {}
    lists: dict[str, list] = {}
    for row in sheet.rows:
        list_name, code = row.word("list_name"), row.word("name")
        if list_name is None or code is None:
            context.report(row, Catalog.XLSFORM_MISSING_NAME__CHOICE, column="name" if code is None else "list_name")
            continue
        option = choice(row, code, list_name, labels, default, context)
        entries = lists.setdefault(list_name, [])
        if any(found["code"] == option["code"] for _, found in entries):
            context.report(row, Catalog.XLSFORM_DUPLICATE_OPTION, list_name=list_name, code=option["code"])
            context.became(row, "skipped", option["code"], "repeated choice")
            continue
        entries.append((row, option))
        context.became(row, "option", option["code"], list_name)
    return lists


def choice(row: Row, name: str, list_name: str, labels: dict[str, str], default: str, context: Context) -> dict:
    """One option: its code (a name with spaces joined by _), label (its code when it has none)."""
    code = "_".join(name.split())
    if code != name:
        context.report(row, Catalog.XLSFORM_OPTION_RENAMED, name=name, code=code)
    label = row.texts(labels)
    if label is None:
        label = {default: name}
        context.report(row, Catalog.XLSFORM_DEFAULT_LABEL, name=name)
    # A score on the choices sheet comes from a workbook exported before gov::option_scores.
    return compact({"code": code, "label": label, "score": row.word(PREFIX + "score")})


def checked(data: dict, context: Context) -> tuple[Definition | None, str | None]:
    """The definition and its YAML text when the data is valid; problems go to the context."""
    try:
        model = Definition.model_validate(data)
    except ValidationError as error:
        context.problems += located(shape_problems(error, Definition), context.rows)
        return None, None
    problems = located(validate_definition(model), context.rows)
    context.problems += problems
    if any(problem.is_error for problem in problems):
        return None, None
    return model, definition_yaml(model)


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
