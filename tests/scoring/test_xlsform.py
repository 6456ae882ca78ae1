"""XLSForm interchange: lossless round trips, workbooks ODK tools accept, located import errors."""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from scoring.definition.loader import definition_from_text, load_definition
from scoring.problems.problem import DefinitionError
from scoring.xlsform.read import import_xlsform, read_xlsform, read_xlsform_to_yaml
from scoring.xlsform.sheets import column_name
from scoring.xlsform.write import write_xlsform

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "questionnaires" / "mgf").glob("*.yaml"))
LANGUAGE_COLUMNS = ["label::English (en)", "label::Français (fr)", "label::Español (es)", "label::العربية (ar)"]

# Every question type and the corners of the format: a yes_no question with and without its
# own options, a question whose id is the default yes/no list's name, a profile question,
# linear scoring without a direction, exact decimals, a text in an undeclared language (de),
# a missing translation (a draft), a label that looks like a spreadsheet formula.
EVERY_TYPE = """\
format_version: 1
id: demo
version: "0.3-draft"
status: draft
languages: [en, fr]
title: {en: Every type, fr: Tous les types}
description: {en: "A small questionnaire.\\nTwo lines."}
bands:
  - {code: low, min: 0, label: {en: Low, fr: Bas}}
  - {code: mid, min: 33.5, label: {en: Middle, fr: Moyen}}
  - {code: high, min: 90, label: {en: High, fr: Haut}}
target_band: mid
method: weighted_mean
domains:
  - id: profile
    title: {en: Profile, fr: Profil}
    help: {en: About the country.}
    weight: 0.5
    areas:
      - id: profile_role
        title: {en: Role, fr: Rôle}
        method: min
        questions:
          - id: role
            type: single_choice
            label: {en: Which role?, fr: Quel rôle ?}
            options:
              - {code: origin, label: {en: Origin, fr: Origine}}
              - {code: destination, label: {en: Destination, fr: Destination}}
          - id: channels
            type: multi_choice
            label: {en: "=Channels", fr: Canaux, de: Kanäle}
            relevant: "${role} != 'origin'"
            options:
              - {code: work, score: 33.33, label: {en: Work, fr: Travail}}
              - {code: study, score: 66.67, label: {en: Study, fr: Études}}
            recommendations:
              - {id: rec_channels, text: {en: Open channels, fr: Ouvrir des canaux}}
  - id: policy
    title: {en: Policy, fr: Politique}
    method: weighted_mean
    target_band: high
    areas:
      - id: policy_law
        title: {en: Law, fr: Loi}
        weight: 2.5
        questions:
          - id: has_law
            type: yes_no
            label: {en: A law?, fr: Une loi ?}
            help: {en: "  Cite it.  ", fr: Citez-la.}
            weight: 0.1
            allow_na: true
            evidence: required
            tags: {migof: P1, sdg_1072: "1.1", gcm: [1, 23]}
            recommendations:
              - {id: rec_law, below: 50, priority: low, text: {en: Adopt a law, fr: Adopter une loi}}
          - id: yes_no
            type: yes_no
            label: {en: Named like the list, fr: Nommée comme la liste}
            relevant: "selected(${channels}, 'work') or count-selected(${channels}) >= 2"
            options:
              - {code: no, score: 20, label: {en: No, fr: Non}}
              - {code: yes, score: 80, label: {en: Yes, fr: Oui}}
          - id: deaths
            type: number
            label: {en: Deaths per 100k, fr: Décès pour 100 000}
            unit: {en: per 100k, fr: pour 100 000}
            allow_unknown: true
            scoring: {method: linear, best: 0, worst: 12.5}
          - id: share
            type: percent
            label: {en: Share, fr: Part}
            required: false
            scoring:
              method: thresholds
              direction: lower_is_better
              thresholds: [{max: 30, score: 100}, {max: 90.5, score: 50}, {max: 100, score: 0}]
          - id: notes
            type: text
            label: {en: Notes}
            evidence: none
          - id: adopted_on
            type: date
            label: {en: Adopted on, fr: Adoptée le}
            relevant: "${has_law} = 'yes'"
"""


@pytest.fixture
def every_type():
    return definition_from_text(EVERY_TYPE, "every-type.yaml")


def exported(definition, tmp_path, name="form.xlsx") -> Path:
    path = tmp_path / name
    write_xlsform(definition, path)
    return path


def sheet_rows(path, name) -> list[dict]:
    """A sheet of the workbook as dicts keyed by column name."""
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book[name].iter_rows(values_only=True))
    book.close()
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def edited(path, sheet, changes) -> Path:
    """Apply {(row, column name): value} to a sheet of the workbook, in place."""
    book = openpyxl.load_workbook(path)
    worksheet = book[sheet]
    columns = {cell.value: cell.column for cell in worksheet[1]}
    for (row, column), value in changes.items():
        worksheet.cell(row, columns[column]).value = value
    book.save(path)
    return path


def older_layout(path) -> Path:
    """The workbook as exported before gov:: columns: gov_weight…, and option scores in a choices gov_score."""
    book = openpyxl.load_workbook(path)
    survey = book["survey"]
    columns = {cell.value: cell.column for cell in survey[1]}
    scores = {row[columns["name"] - 1]: json.loads(row[columns["gov::option_scores"] - 1], parse_float=str)
              for row in survey.iter_rows(min_row=2, values_only=True) if row[columns["gov::option_scores"] - 1]}
    survey.delete_cols(columns["gov::option_scores"])
    for sheet in (survey, book["settings"]):
        for cell in sheet[1]:
            cell.value = cell.value.replace("gov::", "gov_", 1)
    choices = book["choices"]
    choices.cell(1, choices.max_column + 1).value = "gov_score"
    for row in choices.iter_rows(min_row=2):
        row[-1].value = scores.get(row[0].value, {}).get(row[1].value)
    book.save(path)
    return path


def workbook(path, survey, choices=(), settings=None) -> Path:
    """A workbook from rows; the first row of each sheet holds the column names."""
    settings = settings or [["form_title", "form_id", "version", "gov::bands", "gov::target_band"],
                            ["Plain", "plain", 2, '[{"code": "all", "min": 0, "label": {"en": "All"}}]', "all"]]
    book = openpyxl.Workbook()
    book.active.title = "survey"
    for name, rows in (("survey", survey), ("choices", choices), ("settings", settings)):
        sheet = book["survey"] if name == "survey" else book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def problems(path) -> list[str]:
    """``where: code`` of every error reading the workbook gives (warnings left out)."""
    with pytest.raises(DefinitionError) as caught:
        read_xlsform_to_yaml(path)
    return [f"{issue.location}: {issue.code}" for issue in caught.value.errors]


# Lossless round trips


@pytest.mark.parametrize("source", SHIPPED, ids=[path.stem for path in SHIPPED])
def test_shipped_versions_survive_the_round_trip(source, tmp_path):
    original = load_definition(source)
    text = read_xlsform_to_yaml(exported(original, tmp_path))
    assert definition_from_text(text) == original


def test_every_type_survives_the_round_trip(every_type, tmp_path):
    assert read_xlsform(exported(every_type, tmp_path)) == every_type


def test_the_yaml_is_canonical_and_stable(every_type, tmp_path):
    text = read_xlsform_to_yaml(exported(every_type, tmp_path))
    again = read_xlsform_to_yaml(exported(definition_from_text(text), tmp_path, "again.xlsx"))
    assert again == text
    assert text.startswith("format_version: 1\nid: demo\nversion: 0.3-draft\nstatus: draft\n")
    assert "languages: [en, fr]" in text and "label: {en: Low, fr: Bas}" in text
    assert "scoring: {method: linear, best: 0, worst: 12.5}" in text  # no direction added
    assert "score: 33.33" in text and "weight: 0.1" in text


@pytest.mark.parametrize("source", SHIPPED, ids=[path.stem for path in SHIPPED])
def test_workbooks_in_the_older_gov_underscore_layout_still_import(source, every_type, tmp_path):
    for definition in (load_definition(source), every_type):
        path = older_layout(exported(definition, tmp_path))
        assert "gov_score" in sheet_rows(path, "choices")[0] and "gov_weight" in sheet_rows(path, "survey")[0]
        assert read_xlsform(path) == definition


@pytest.mark.parametrize("header, name", [
    ("Label :: Français (fr)", "label::Français (fr)"), ("begin group", "begin_group"),
    ("gov::weight", "gov::weight"), ("GOV :: Allow NA", "gov::allow_na"), ("gov_allow_na", "gov::allow_na"),
    ("gov::unit::English (en)", "gov::unit::English (en)"), ("gov_unit::English (en)", "gov::unit::English (en)"),
    ("gov_score", "gov::score"), ("gov_", "gov_"), ("  ", None), (None, None)])
def test_column_names_are_normalised(header, name):
    assert column_name(header) == name


# The workbook


def test_workbook_has_the_standard_sheets_and_a_column_per_language(tmp_path):
    path = exported(load_definition(SHIPPED[0]), tmp_path)
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["survey", "choices", "settings"]
    book.close()
    survey_columns = list(sheet_rows(path, "survey")[0])
    assert survey_columns[:6] == ["type", "name", *LANGUAGE_COLUMNS]
    assert [column.replace("label", "hint") for column in LANGUAGE_COLUMNS] == survey_columns[6:10]
    assert {"required", "relevant", "constraint", "gov::weight", "gov::scoring", "gov::option_scores", "gov::tags",
            "gov::unit::English (en)", "gov::unit::العربية (ar)"} <= set(survey_columns)
    assert list(sheet_rows(path, "choices")[0]) == ["list_name", "name", *LANGUAGE_COLUMNS]


@pytest.mark.parametrize("sheet, standard", [
    ("survey", {"type", "name", "label", "hint", "required", "relevant", "constraint", "constraint_message"}),
    ("settings", {"form_title", "form_id", "version", "default_language"})])
def test_every_extra_column_is_prefixed_gov(every_type, tmp_path, sheet, standard):
    columns = sheet_rows(exported(every_type, tmp_path), sheet)[0]
    extra = [column for column in columns if column.split("::")[0] not in standard]
    assert extra and all(column.startswith("gov::") for column in extra)


def test_survey_rows_follow_xlsform(every_type, tmp_path):
    rows = {row["name"]: row for row in sheet_rows(exported(every_type, tmp_path), "survey")
            if row["type"] != "end_group"}
    assert [rows[name]["type"] for name in ("policy", "has_law", "yes_no", "channels")] == [
        "begin_group", "select_one yes_no_2", "select_one yes_no", "select_multiple channels"]
    assert (rows["share"]["type"], rows["share"]["constraint"]) == ("decimal", ". >= 0 and . <= 100")
    assert (rows["notes"]["type"], rows["adopted_on"]["type"]) == ("text", "date")
    assert rows["adopted_on"]["relevant"] == "${has_law} = 'yes'"
    assert (rows["share"]["required"], rows["has_law"]["required"]) == ("no", "yes")
    assert rows["has_law"]["gov::weight"] == "0.1"
    assert rows["channels"]["label::English (en)"] == "=Channels"  # text, not a formula
    assert json.loads(rows["has_law"]["gov::tags"]) == {"gcm": [1, 23], "migof": "P1", "sdg_1072": "1.1"}
    assert rows["policy"]["gov::target_band"] == "high"
    assert (rows["deaths"]["gov::unit::English (en)"], rows["deaths"]["gov::unit::Français (fr)"]) == (
        "per 100k", "pour 100 000")


def test_option_scores_travel_on_the_question_row(every_type, tmp_path):
    rows = {row["name"]: row for row in sheet_rows(exported(every_type, tmp_path), "survey")}
    assert rows["channels"]["gov::option_scores"] == '{"study": 66.67, "work": 33.33}'  # exact decimals
    assert rows["yes_no"]["gov::option_scores"] == '{"no": 20, "yes": 80}'
    assert rows["role"]["gov::option_scores"] is None  # a profile question
    assert rows["has_law"]["gov::option_scores"] is None  # the default yes/no scores


def test_choices_hold_only_standard_columns_and_the_shared_yes_no_list(every_type, tmp_path):
    choices = sheet_rows(exported(every_type, tmp_path), "choices")
    by_list = {}
    for row in choices:
        by_list.setdefault(row["list_name"], []).append(row["name"])
    assert by_list["channels"] == ["work", "study"]
    assert by_list["role"] == ["origin", "destination"]
    assert by_list["yes_no_2"] == ["yes", "no"]
    assert [row["label::Français (fr)"] for row in choices if row["list_name"] == "yes_no_2"] == ["Oui", "Non"]


def test_settings_hold_the_top_level_keys(every_type, tmp_path):
    (settings,) = sheet_rows(exported(every_type, tmp_path), "settings")
    assert (settings["form_title"], settings["form_id"], settings["version"]) == ("Every type", "demo", "0.3-draft")
    assert settings["default_language"] == "English (en)"
    assert json.loads(settings["gov::bands"], parse_float=Decimal)[1]["min"] == Decimal("33.5")
    assert (settings["gov::status"], settings["gov::method"], settings["gov::target_band"]) == (
        "draft", "weighted_mean", "mid")


def pyxform_convert():
    module = pytest.importorskip("pyxform.xls2xform", reason="pyxform (a test-only dependency) is not installed")
    return module.convert


@pytest.mark.parametrize("source", SHIPPED, ids=[path.stem for path in SHIPPED])
def test_pyxform_converts_the_shipped_versions_without_warnings(source, tmp_path):
    convert = pyxform_convert()
    warnings = []
    result = convert(xlsform=exported(load_definition(source), tmp_path), warnings=warnings)
    assert warnings == []
    assert 'lang="Français (fr)"' in result.xform and 'lang="العربية (ar)"' in result.xform


def test_pyxform_converts_every_type(every_type, tmp_path):
    convert = pyxform_convert()
    warnings = []
    xform = convert(xlsform=exported(every_type, tmp_path), warnings=warnings).xform
    assert warnings == []
    assert 'constraint=". &gt;= 0 and . &lt;= 100"' in xform
    assert "selected( /data/profile/profile_role/channels , 'work')" in xform
    assert "gov" not in xform and "33.33" not in xform  # our columns stay out of the form


# Reading workbooks made or edited elsewhere


def test_a_plain_xlsform_imports_as_a_draft(tmp_path):
    path = workbook(tmp_path / "plain.xlsx", [
        ["type", "name", "label", "required"], ["start", "start", None, None],
        ["begin group", "d", "Domain", None], ["begin_group", "a", "Area", None],
        ["select_one yn", "q", "Question?", "TRUE()"], ["text", "t", "Comment", "false"],
        ["end_group", None, None, None], ["end group", None, None, None]],
        [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]])
    definition = read_xlsform(path)
    assert (definition.status, definition.version, definition.languages) == ("draft", "2", ("en",))
    question = definition.question_map["q"]
    assert (question.type, question.options[0].score, question.required) == ("single_choice", None, True)
    assert definition.question_map["t"].required is False


def issues(path) -> list[str]:
    """``where: code`` of every problem importing the workbook gives, warnings marked ``(warning)``."""
    return [f"{problem.location}: {problem.code}{'' if problem.is_error else ' (warning)'}"
            for problem in import_xlsform(path).report.problems]


def test_every_workbook_problem_is_listed_with_its_row(every_type, tmp_path):
    path = edited(exported(every_type, tmp_path), "survey", {
        (4, "type"): "rank role", (5, "name"): None, (10, "gov::scoring"): "{method: linear",
        (11, "name"): "has_law", (12, "required"): "maybe", (13, "gov::type"): "date"})
    assert problems(path) == ["survey row 5: xlsform_missing_name"]
    assert set(issues(path)) >= {
        "survey row 4: xlsform_skipped (warning)", "survey row 10: xlsform_invalid_json (warning)",
        "survey row 11: xlsform_duplicate_name (warning)", "survey row 12: xlsform_required_expression (warning)",
        "survey row 13: xlsform_type_mismatch (warning)"}


def test_unbalanced_groups_are_errors(tmp_path):
    path = workbook(tmp_path / "groups.xlsx", [
        ["type", "name", "label"], ["text", "q", "Q"], ["end_group"], ["begin_group", "open", "Never closed"]])
    assert problems(path) == ["survey row 3: xlsform_group_structure", "survey row 4: xlsform_group_structure"]


def test_a_condition_on_a_group_applies_to_its_questions(every_type, tmp_path):
    path = edited(exported(every_type, tmp_path), "survey", {(8, "relevant"): "${role} = 'origin'"})
    definition = read_xlsform(path)
    assert definition.question_map["has_law"].relevant == "${role} = 'origin'"
    assert definition.question_map["adopted_on"].relevant == "(${role} = 'origin') and (${has_law} = 'yes')"


def test_a_missing_list_is_an_error_and_bad_settings_json_a_warning(every_type, tmp_path):
    path = edited(exported(every_type, tmp_path), "survey", {(4, "type"): "select_one roles"})
    path = edited(path, "settings", {(2, "gov::bands"): "[{]"})
    assert problems(path) == ["survey row 4: xlsform_unknown_list"]
    assert "settings row 2: xlsform_invalid_json (warning)" in issues(path)


def test_definition_problems_point_at_their_row(every_type, tmp_path):
    path = edited(exported(every_type, tmp_path), "survey", {(10, "label::English (en)"): None,
                                                             (10, "label::Français (fr)"): None})
    path = edited(path, "settings", {(2, "gov::target_band"): "top"})
    assert problems(path) == ["settings row 2 (target_band): unknown_target_band"]
    path = edited(path, "settings", {(2, "gov::target_band"): "mid"})
    path = edited(path, "survey", {(4, "relevant"): "${rol} = 'x'", (8, "gov::weight"): "0"})
    assert problems(path) == ["survey row 8 (domains[1].weight): non_positive_weight"]
    assert "survey row 4: xlsform_expression_dropped (warning)" in issues(path)


def test_shape_problems_point_at_their_row(every_type, tmp_path):
    path = edited(exported(every_type, tmp_path), "survey", {
        (5, "gov::option_scores"): '{"study": 66.67, "work": 150}', (10, "gov::weight"): "0"})
    assert problems(path) == [
        "survey row 5 (domains[0].areas[0].questions[1].options[0].score): score_out_of_range",
        "survey row 10 (domains[1].areas[0].questions[0].weight): non_positive_weight"]


def test_option_scores_problems_are_warnings(every_type, tmp_path):
    path = edited(exported(every_type, tmp_path), "survey", {
        (5, "gov::option_scores"): '{"work": 1, "study": 2, "rest": 3}', (11, "gov::option_scores"): "[20, 80]"})
    assert {"survey row 5: xlsform_unknown_option (warning)", "survey row 11: xlsform_invalid_json (warning)"} <= set(
        issues(path))
    assert [option.score for option in read_xlsform(path).question_map["channels"].options] == [1, 2]


def test_option_scores_make_a_shared_yes_no_list_the_questions_own(every_type, tmp_path):
    path = edited(exported(every_type, tmp_path), "survey", {(10, "gov::option_scores"): '{"yes": 90, "no": 10.5}'})
    options = read_xlsform(path).question_map["has_law"].options
    assert [(option.code, option.score) for option in options] == [("yes", 90), ("no", Decimal("10.5"))]


def test_a_file_that_is_no_workbook_is_refused(tmp_path):
    (tmp_path / "form.xlsx").write_text("not a workbook", encoding="utf-8")
    assert problems(tmp_path / "form.xlsx") == [": xlsform_unreadable"]


def test_importing_scoring_does_not_load_openpyxl():
    code = "import sys, scoring.api, scoring.xlsform.read, scoring.xlsform.write; sys.exit('openpyxl' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0
