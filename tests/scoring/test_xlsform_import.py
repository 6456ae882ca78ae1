"""Importing XLSForms made elsewhere: every form pyxform converts becomes a draft questionnaire,
and the report says what each row became (the corpus is in ``xlsform_corpus``)."""

from decimal import Decimal
from pathlib import Path

import pytest
from pyxform.xls2xform import convert
from xlsform_corpus import CORPUS, build

from scoring.definition.loader import definition_from_text
from scoring.xlsform.read import import_xlsform
from scoring.xlsform.write import write_xlsform

NAMES = sorted(CORPUS)


def imported(tmp_path: Path, name: str):
    return import_xlsform(build(CORPUS[name], tmp_path / name))


def form(tmp_path: Path, survey: list, choices: list = (), settings: list | None = None, name="form.xlsx"):
    """Import a small workbook of the given rows (the first row of each sheet names the columns)."""
    sheets = {"survey": survey, **({"choices": choices} if choices else {}),
              **({"settings": settings} if settings else {})}
    return import_xlsform(build(sheets, tmp_path / name))


def codes(result) -> list[str]:
    return [f"{problem.location.split(' (')[0]}: {problem.code}" for problem in result.report.problems]


@pytest.mark.parametrize("name", NAMES)
def test_pyxform_converts_every_form_of_the_corpus(name, tmp_path):
    convert(str(build(CORPUS[name], tmp_path / name)), warnings=[])


@pytest.mark.parametrize("name", NAMES)
def test_every_form_of_the_corpus_imports_as_a_draft(name, tmp_path):
    result = imported(tmp_path, name)
    assert result.ok, result.report.text()
    assert result.definition.status == "draft"
    assert definition_from_text(result.yaml) == result.definition


@pytest.mark.parametrize("name", NAMES)
def test_round_trip_through_pyxform(name, tmp_path):
    first = imported(tmp_path, name).definition
    path = tmp_path / "exported.xlsx"
    write_xlsform(first, path)
    warnings: list[str] = []
    convert(str(path), warnings=warnings)
    again = import_xlsform(path)
    assert again.ok and again.definition == first, again.report.text()


def test_the_report_summarises_then_groups_by_code_then_lists_rows(tmp_path):
    report = imported(tmp_path, "needs_assessment.xlsx").report
    assert report.summary() == {"questions": 4, "profile_questions": 5, "notes": 1, "skipped": 5, "errors": 0,
                                "warnings": len(report.warnings)}
    text = report.text()
    assert text.index("4 questions imported") < text.index("By code:") < text.index("By row:")
    assert "survey row 9: skipped adults (calculate)" in text
    assert "survey row 14: area members (repeat, asked once)" in text
    counts = {item.code: item.count for item in report.by_code()}
    assert (counts["xlsform_metadata"], counts["xlsform_skipped"], counts["xlsform_repeat"]) == (3, 2, 1)


# ---- settings, names and versions


def test_without_settings_the_id_comes_from_the_file_name(tmp_path):
    result = imported(tmp_path, "Device Sample (2024).xlsx")
    definition = result.definition
    assert (definition.id, definition.version, definition.title) == (
        "device_sample_2024", "1", {"en": "Device Sample (2024)"})
    assert {"settings: xlsform_default_id", "settings: xlsform_default_version", "settings: xlsform_default_title",
            "settings: xlsform_default_bands"} <= set(codes(result))


def test_form_id_and_version_are_made_valid_and_reported(tmp_path):
    field = imported(tmp_path, "field_survey.xlsx")
    assert field.definition.version == "2019.03.14.0950"
    assert "settings row 2: xlsform_version_changed" in codes(field)
    style = imported(tmp_path, "pyxform_style.xlsx")
    assert (style.definition.id, style.definition.title) == ("office_survey_2", {"en": "pyxform_style"})
    assert "settings row 2: xlsform_id_changed" in codes(style)


def test_xlsform_names_are_ids_unchanged_and_expressions_refer_to_them(tmp_path):
    definition = imported(tmp_path, "needs_assessment.xlsx").definition
    assert {"Q1_HH_size", "age-group", "Household"} <= set(definition.question_map) | {
        domain.id for domain in definition.domains}
    assert definition.question_map["health_why"].relevant == "(${displaced} = 'yes') and (${health_access} = 'no')"


def test_choice_names_are_any_text_without_spaces(tmp_path):
    definition = imported(tmp_path, "field_survey.xlsx").definition
    assert [option.code for option in definition.question_map["fourteen"].options] == ["0.5", "1", "4_or_more"]
    assert [option.code for option in definition.question_map["fourteen_2"].options] == ["2022", "2023"]


def test_a_name_used_twice_in_different_groups_is_made_unique(tmp_path):
    result = imported(tmp_path, "field_survey.xlsx")
    assert "survey row 13: xlsform_duplicate_name" in codes(result)
    assert "imported as 'fourteen_2'" in str(result.report.problems)


def test_a_name_the_format_cannot_hold_is_changed_and_its_references_follow(tmp_path):
    result = form(tmp_path, [["type", "name", "label", "relevant"], ["integer", "âge", "Age"],
                             ["text", "why", "Why", "${âge} > 3"]])
    assert result.definition.question_map["why"].relevant == "${_ge} > 3"
    assert "survey row 2: xlsform_name_changed" in codes(result)


# ---- grouping shapes


def test_no_groups_give_one_domain_with_one_area(tmp_path):
    definition = imported(tmp_path, "Device Sample (2024).xlsx").definition
    assert [(domain.id, [area.id for area in domain.areas]) for domain in definition.domains] == [
        ("general", ["general_area"])]
    assert definition.domains[0].title == {"en": "Device Sample (2024)"}


def test_one_level_of_groups_gives_a_domain_with_one_area_each(tmp_path):
    definition = imported(tmp_path, "pyxform_style.xlsx").definition
    assert [(domain.id, [area.id for area in domain.areas]) for domain in definition.domains] == [
        ("identity", ["identity_area"]), ("figures", ["figures_area"])]


def test_two_levels_are_domains_and_areas_and_deeper_groups_are_flattened(tmp_path):
    result = imported(tmp_path, "field_survey.xlsx")
    definition = result.definition
    assert [(domain.id, [area.id for area in domain.areas]) for domain in definition.domains] == [
        ("site", ["site_access", "site_people"])]
    assert [question.id for question in definition.domains[0].areas[0].questions] == [
        "rating", "fourteen", "bridge_count"]
    assert definition.question_map["bridge_count"].help == {"en": "Roads › Bridges", "fr": "Routes › Ponts"}
    assert definition.question_map["bridge_count"].relevant == "${rating} < 5"
    assert "survey row 5: xlsform_default_flattened" in codes(result)


def test_questions_outside_groups_go_to_a_general_area(tmp_path):
    result = imported(tmp_path, "outside_groups.xlsx")
    definition = result.definition
    assert [(domain.id, [area.id for area in domain.areas]) for domain in definition.domains] == [
        ("general", ["general_area"]), ("law", ["law_general", "law_detail"])]
    assert [q.id for q in definition.domains[0].areas[0].questions] == ["before", "after"]
    assert definition.domains[0].areas[0].title == {"en": "General"}
    assert "survey row 9: xlsform_empty_group" in codes(result)


def test_a_repeat_is_asked_once_with_a_warning(tmp_path):
    result = imported(tmp_path, "needs_assessment.xlsx")
    assert "member_name" in result.definition.question_map
    assert "survey row 14: xlsform_repeat" in codes(result)


# ---- types


def test_types_become_ours(tmp_path):
    definition = imported(tmp_path, "pyxform_style.xlsx").definition
    types = {question.id: question.type for question in definition.question_map.values()}
    assert types == {"code": "text", "opened": "date", "staff": "number", "volunteers": "number",
                     "women": "percent", "level": "single_choice", "levels": "multi_choice", "name_check": "text",
                     "choice_name": "text", "pulled": "text"}


def test_a_range_is_a_number_with_its_bounds(tmp_path):
    rating = imported(tmp_path, "field_survey.xlsx").definition.question_map["rating"]
    assert (rating.type, rating.min, rating.max) == ("number", Decimal(0), Decimal(10))


def test_or_other_adds_the_option_and_a_text_question(tmp_path):
    definition = imported(tmp_path, "needs_assessment.xlsx").definition
    assert [option.code for option in definition.question_map["shelter"].options] == ["house", "tent", "other"]
    other = definition.question_map["shelter_other"]
    assert (other.type, other.relevant) == ("text", "selected(${shelter}, 'other')")


def test_notes_are_unscored_items(tmp_path):
    definition = imported(tmp_path, "needs_assessment.xlsx").definition
    note = definition.question_map["intro"]
    assert (note.type, note.required, note.scored, note.answerable) == ("note", False, False, False)


def test_a_media_only_label_names_the_file(tmp_path):
    result = imported(tmp_path, "Device Sample (2024).xlsx")
    assert result.definition.question_map["map_note"].label == {"en": "[image: map.png]"}
    assert "survey row 9: xlsform_media_label" in codes(result)


def test_rows_without_meaning_here_are_skipped_with_a_warning(tmp_path):
    result = imported(tmp_path, "Device Sample (2024).xlsx")
    skipped = [row.id for row in result.report.rows() if row.kind == "skipped"]
    assert skipped == ["start", "today", "username", "photo", "office"]
    assert {"survey row 10: xlsform_skipped", "survey row 11: xlsform_skipped"} <= set(codes(result))


@pytest.mark.parametrize(("cell", "required"), [
    (None, False), ("yes", True), ("true", True), ("TRUE()", True), ("true()", True), ("1", True), ("T", True),
    ("no", False), ("false()", False), ("0", False)])
def test_required_follows_xlsform(cell, required, tmp_path):
    result = form(tmp_path, [["type", "name", "label", "required"], ["text", "q", "Q", cell]])
    assert result.definition.question_map["q"].required is required


def test_an_expression_in_required_is_optional_and_reported(tmp_path):
    result = form(tmp_path, [["type", "name", "label", "required"], ["integer", "n", "N"],
                             ["text", "q", "Q", "${n} > 2"]])
    assert result.definition.question_map["q"].required is False
    assert "survey row 3: xlsform_required_expression" in codes(result)


# ---- languages


@pytest.mark.parametrize("header", ["label::English (en)", "label::en", "label::English", "label::english",
                                    "label", "label::ENGLISH"])
def test_english_columns_in_every_style(header, tmp_path):
    result = form(tmp_path, [["type", "name", header], ["text", "q", "Q"]])
    assert result.definition.languages == ("en",)


@pytest.mark.parametrize(("header", "code"), [
    ("label::Français (fr)", "fr"), ("label::fr", "fr"), ("label::French", "fr"), ("label::french", "fr"),
    ("label::Hausa", "ha"), ("label::Hausa (ha)", "ha"), ("label::Español", "es"), ("label::arabic", "ar")])
def test_any_language_resolves_to_its_iso_code(header, code, tmp_path):
    result = form(tmp_path, [["type", "name", "label::English (en)", header], ["text", "q", "Q", "X"]])
    assert result.definition.languages == ("en", code)
    assert result.definition.question_map["q"].label == {"en": "Q", code: "X"}


def test_the_default_language_comes_first(tmp_path):
    result = form(tmp_path, [["type", "name", "label::English (en)", "label::Hausa (ha)"], ["text", "q", "Q", "X"]],
                  settings=[["default_language"], ["Hausa (ha)"]])
    assert result.definition.languages == ("ha", "en")


def test_a_plain_label_is_in_the_default_language(tmp_path):
    result = form(tmp_path, [["type", "name", "label"], ["text", "q", "Tambaya"]],
                  settings=[["default_language"], ["Hausa"]])
    assert result.definition.languages == ("ha",) and result.definition.question_map["q"].label == {"ha": "Tambaya"}


# ---- expressions and constraints


def test_an_expression_the_format_cannot_evaluate_is_left_out_with_its_text(tmp_path):
    result = imported(tmp_path, "pyxform_style.xlsx")
    questions = result.definition.question_map
    assert questions["choice_name"].relevant is None and questions["pulled"].relevant is None
    dropped = [problem for problem in result.report.problems if problem.code == "xlsform_expression_dropped"]
    assert len(dropped) == 2 and "jr:choice-name" in dropped[0].message and "pulldata" in dropped[1].message


def test_expressions_real_forms_use_are_kept(tmp_path):
    questions = imported(tmp_path, "pyxform_style.xlsx").definition.question_map
    assert questions["women"].relevant == "${staff} + ${volunteers} > 10"
    assert questions["levels"].relevant == "if(${staff} > 5, true(), false())"
    assert questions["code"].constraint == "regex(., '^[A-Z]{3}$')"
    assert questions["opened"].constraint == ". <= today()"


def test_simple_numeric_constraints_fill_min_and_max(tmp_path):
    questions = imported(tmp_path, "pyxform_style.xlsx").definition.question_map
    assert (questions["staff"].min, questions["staff"].max, questions["staff"].constraint) == (0, None, None)
    volunteers = questions["volunteers"]
    assert (volunteers.min, volunteers.constraint) == (0, ". >= 0 and . < ${staff} * 10")
    size = imported(tmp_path, "needs_assessment.xlsx").definition.question_map["Q1_HH_size"]
    assert (size.min, size.max, size.constraint) == (1, 30, None)
    assert size.constraint_message == {"en": "Between 1 and 30", "ha": "Tsakanin 1 da 30"}


def test_a_circle_of_relevance_is_broken_and_reported(tmp_path):
    result = form(tmp_path, [["type", "name", "label", "relevant"], ["text", "a", "A", "${b} != ''"],
                             ["text", "b", "B", "${a} != ''"]])
    assert result.ok
    assert sum(question.relevant is None for question in result.definition.question_map.values()) == 1
    assert "circle" in str(result.report.problems)


# ---- what pyxform refuses is refused, located


def test_a_workbook_without_survey_or_with_broken_rows_gets_located_errors(tmp_path):
    no_survey = import_xlsform(build({"choices": [["list_name", "name", "label"]]}, tmp_path / "a.xlsx"))
    assert [problem.code for problem in no_survey.report.errors] == ["xlsform_missing_sheet"]
    broken = form(tmp_path, [["type", "name", "label"], ["select_one nowhere", "q", "Q"], ["text", None, "T"]])
    assert [f"{p.location}: {p.code}" for p in broken.report.errors] == [
        "survey row 2: xlsform_unknown_list", "survey row 3: xlsform_missing_name"]
    assert not broken.ok and broken.yaml is None


def test_a_form_without_any_question_is_refused(tmp_path):
    result = form(tmp_path, [["type", "name", "label", "calculation"], ["calculate", "c", None, "1"]])
    assert [problem.code for problem in result.report.errors] == ["xlsform_no_question"]


def test_garbage_is_refused_without_a_traceback(tmp_path):
    path = tmp_path / "form.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert [problem.code for problem in import_xlsform(path).report.errors] == ["xlsform_unreadable"]
