"""The answers workbook as downloaded: sheets, keys, rows, dropdowns, locked cells, languages, scopes."""

import pytest
from assess_helpers import save, user
from workbook_support import download, opened, row_of

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.workbook import layout
from mgf_assess.extensions import db

QUESTIONS = ["q_yes", "q_choice", "q_multi", "q_text", "q_number", "q_percent", "q_date", "q_plan", "q_plan_tested"]


def _values(sheet, qid: str) -> dict:
    row = row_of(sheet, qid)
    return {key: sheet.cell(row, index).value for index, key in enumerate(layout.KEYS, start=1)}


def _validations(sheet) -> dict[str, object]:
    return {str(cell): rule for rule in sheet.data_validations.dataValidation for cell in rule.sqref}


def test_the_workbook_of_a_focal_point(app, client, login_as, assessment_id):
    login_as(role="focal_point")
    save(app, assessment_id, "q_choice", {"value": "b"})
    save(app, assessment_id, "q_percent", {"status": "na", "justification": "=no data"})
    response = client.get(f"/assessments/{assessment_id}/workbook.xlsx")
    assert response.mimetype == layout.MEDIA_TYPE and response.headers["Cache-Control"] == "private, no-store"
    assert "answers-KEN-2026-all.xlsx" in response.headers["Content-Disposition"]
    book = opened(response.data)
    assert book.sheetnames == ["Answers", "Instructions", "Lists", "_about"]
    assert [book[name].sheet_state for name in book.sheetnames] == ["visible", "visible", "hidden", "veryHidden"]
    sheet = book["Answers"]
    assert [cell.value for cell in sheet[1]] == list(layout.KEYS)
    assert sheet["A2"].value == "Question id" and sheet["G2"].value == "Answer"
    assert [sheet.cell(row, 1).value for row in range(3, sheet.max_row + 1)] == QUESTIONS
    assert _values(sheet, "q_choice") | {"allowed_values": None} == {
        "question_id": "q_choice", "section": "1.1 Services [en]", "label": "Label q_choice [en]", "help": None,
        "type": "One option", "allowed_values": None, "answer": "Option b [en]", "status": None,
        "justification": None, "revision": 1}
    assert "b = Option b [en]" in _values(sheet, "q_choice")["allowed_values"]
    percent = _values(sheet, "q_percent")
    assert (percent["answer"], percent["status"], percent["justification"]) == (None, "Not applicable", "'=no data")
    assert _values(sheet, "q_yes")["help"] == "Help q_yes [en]" and _values(sheet, "q_yes")["revision"] == 0


def test_only_the_answer_columns_are_unlocked(client, login_as, assessment_id):
    login_as(role="focal_point")
    sheet = opened(download(client, assessment_id))["Answers"]
    assert sheet.protection.sheet
    row = row_of(sheet, "q_yes")
    unlocked = [key for index, key in enumerate(layout.KEYS, start=1) if not sheet.cell(row, index).protection.locked]
    assert unlocked == ["answer", "status", "justification"]
    assert all(cell.protection.locked for cell in sheet[1])


def test_dropdowns_and_checks_are_data_validations(client, login_as, assessment_id):
    login_as(role="focal_point")
    book = opened(download(client, assessment_id))
    sheet, lists = book["Answers"], book["Lists"]
    rules = _validations(sheet)
    choice = rules[f"G{row_of(sheet, 'q_choice')}"]
    assert choice.type == "list" and choice.formula1.startswith("Lists!")
    first, last = choice.formula1.removeprefix("Lists!").replace("$", "").split(":")
    assert [cell.value for (cell,) in lists[f"{first}:{last}"]] == ["Option a [en]", "Option b [en]", "Option c [en]"]
    number = rules[f"G{row_of(sheet, 'q_percent')}"]
    assert (number.type, float(number.formula1), float(number.formula2)) == ("decimal", 0, 100)
    assert rules[f"H{row_of(sheet, 'q_percent')}"].type == "list"  # statuses: answered, NA, don't know
    assert f"H{row_of(sheet, 'q_multi')}" not in rules  # only "answered": nothing to choose
    assert rules[f"I{row_of(sheet, 'q_text')}"].type == "textLength"


def test_the_workbook_speaks_the_users_language(client, login_as, assessment_id):
    login_as(role="focal_point", language="ar")
    book = opened(download(client, assessment_id))
    sheet = book["Answers"]
    assert sheet.sheet_view.rightToLeft and book["Instructions"].sheet_view.rightToLeft
    assert _values(sheet, "q_choice")["label"] == "Label q_choice [ar]"
    about = {row[0].value: row[1].value for row in book["_about"].iter_rows()}
    assert (about["language"], about["questionnaire"], about["version"]) == ("ar", "rich", "1.0")
    assert about["answer:q_yes"].startswith("0:")


def test_instructions_explain_the_workbook(client, login_as, assessment_id):
    login_as(role="focal_point", name="Ana Focal")
    sheet = opened(download(client, assessment_id))["Instructions"]
    text = "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value)
    assert "Answers workbook: Kenya, 2026" in text and "by Ana Focal" in text
    assert "Fill in the yellow columns" in text and f"/assessments/{1}/workbook" in text
    assert "At most 5.0 MB per file" in text and sheet.protection.sheet


def test_a_contributor_gets_the_assigned_sections(app, client, login_as, assessment_id):
    contributor = user(app, login_as(role="contributor"))
    with app.app_context():
        operations.set_assignments(None, db.session.get(Assessment, assessment_id), contributor, ["plans"])
        db.session.commit()
    mine = opened(download(client, assessment_id))["Answers"]
    assert [mine.cell(row, 1).value for row in range(3, mine.max_row + 1)] == ["q_plan", "q_plan_tested"]
    whole = opened(download(client, assessment_id, scope="all"))["Answers"]
    assert whole.max_row == 2 + len(QUESTIONS)
    assert whole.cell(row_of(whole, "q_yes"), 7).protection.locked  # not assigned: grey and locked
    assert not whole.cell(row_of(whole, "q_plan"), 7).protection.locked


@pytest.mark.parametrize(("scope", "expected"), [("data", ["q_number", "q_percent", "q_date"]),
                                                  ("crisis", ["q_plan", "q_plan_tested"])])
def test_a_domain_or_an_area(client, login_as, assessment_id, scope, expected):
    login_as(role="focal_point")
    sheet = opened(download(client, assessment_id, scope=scope))["Answers"]
    assert [sheet.cell(row, 1).value for row in range(3, sheet.max_row + 1)] == expected


def test_an_unknown_scope_is_not_found(client, login_as, assessment_id):
    login_as(role="focal_point")
    assert client.get(f"/assessments/{assessment_id}/workbook.xlsx?scope=nope").status_code == 404


def test_links_on_the_overview_and_section_pages(client, login_as, assessment_id):
    login_as(role="focal_point")
    overview = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert f"/assessments/{assessment_id}/workbook" in overview
    section = client.get(f"/assessments/{assessment_id}/areas/data").get_data(as_text=True)
    assert f"/assessments/{assessment_id}/workbook.xlsx?scope=data" in section


def test_an_evaluator_sees_no_workbook_link(client, login_as, assessment_id):
    login_as(role="evaluator", country=None, evaluated=["KEN"])
    assert "/workbook" not in client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
