"""XLSForm in the application: an admin uploads a workbook, reads the import report, saves the
draft; any version downloads as an XLSForm; constraints are checked on every save; notes and the
questionnaire's own language on the section page."""

import io
import re
import sys
from pathlib import Path

import openpyxl
import pytest
from assess_helpers import open_assessment, publish, save, stored
from conftest import csrf_token_from

from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db
from mgf_assess.questionnaires import queries

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scoring"))
from xlsform_corpus import CORPUS, build  # noqa: E402


def upload(client, path: Path, name: str | None = None):
    page = client.get("/questionnaires/").get_data(as_text=True)
    data = {"csrf_token": csrf_token_from(page),
            "workbook": (io.BytesIO(path.read_bytes()), name or path.name)}
    return client.post("/questionnaires/import", data=data, content_type="multipart/form-data")


def save_form(html: str) -> dict:
    fields = dict(re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', html))
    return {key: fields[key] for key in ("csrf_token", "family", "version", "file_name")} | {
        "source": _unescape(re.search(r'name="source"[^>]*value="([^"]*)"', html, re.S).group(1))}


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_an_admin_uploads_reads_the_report_and_saves_the_draft(app, client, login_as, tmp_path):
    login_as(role="admin", country=None)
    index = client.get("/questionnaires/").get_data(as_text=True)
    assert 'action="/questionnaires/import"' in index and 'type="file"' in index
    response = upload(client, build(CORPUS["needs_assessment.xlsx"], tmp_path / "needs_assessment.xlsx"))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Import report of needs_assessment.xlsx" in html
    assert "survey row 9" in html and "xlsform_skipped" in html and "Save the draft" in html
    response = client.post("/questionnaires/import/save", data=save_form(html) | {"version": "2019.1"})
    assert response.status_code == 302 and response.location.endswith("/questionnaires/needs_assessment/2019.1")
    with app.app_context():
        version = queries.version_or_none("needs_assessment", "2019.1")
        assert (version.status, version.question_count, version.languages) == ("draft", 10, ["en", "ha"])
        actions = [event.action for event in db.session.scalars(db.select(AuditEvent))]
        assert "questionnaire.import_xlsform" in actions
    page = client.get("/questionnaires/needs_assessment/2019.1").get_data(as_text=True)
    assert "Note (shown, never answered)" in page


def test_a_workbook_that_cannot_be_imported_shows_located_errors(client, login_as, tmp_path):
    login_as(role="admin", country=None)
    path = build({"survey": [["type", "name", "label"], ["select_one nowhere", "q", "Q"]]}, tmp_path / "bad.xlsx")
    response = upload(client, path)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "xlsform_unknown_list" in html and "survey row 2" in html and "Save the draft" not in html


def test_not_a_workbook_is_refused_by_the_form(client, login_as, tmp_path):
    login_as(role="admin", country=None)
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    assert upload(client, tmp_path / "notes.txt").status_code == 422


def test_a_published_version_is_never_replaced(app, client, login_as, tmp_path):
    publish(app, tmp_path / "q")  # nothing: an empty folder
    login_as(role="admin", country=None)
    html = upload(client, build(CORPUS["pyxform_style.xlsx"], tmp_path / "p.xlsx")).get_data(as_text=True)
    form = save_form(html)
    assert client.post("/questionnaires/import/save", data=form).status_code == 302
    with app.app_context():
        queries.version_or_none(form["family"], form["version"]).status = "published"
        db.session.commit()
    response = client.post("/questionnaires/import/save", data=form)
    assert response.status_code == 422 and "cannot be replaced" in response.get_data(as_text=True)


def test_a_tampered_draft_is_checked_again(client, login_as, tmp_path):
    login_as(role="admin", country=None)
    html = upload(client, build(CORPUS["pyxform_style.xlsx"], tmp_path / "p.xlsx")).get_data(as_text=True)
    form = save_form(html) | {"source": "format_version: 1\nid: x\n"}
    response = client.post("/questionnaires/import/save", data=form)
    assert response.status_code == 422 and "is not valid" in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["focal_point", "evaluator", "analyst"])
def test_only_admins_import(client, login_as, tmp_path, role):
    login_as(role=role, country="KEN" if role == "focal_point" else None)
    path = build(CORPUS["pyxform_style.xlsx"], tmp_path / "p.xlsx")
    response = client.post("/questionnaires/import", data={"workbook": (io.BytesIO(path.read_bytes()), "p.xlsx")},
                           content_type="multipart/form-data")
    assert response.status_code == 403


def test_any_version_downloads_as_xlsform_and_yaml(app, client, login_as, tmp_path):
    import qfiles

    publish(app, tmp_path / "q", qfiles.rich_definition())
    login_as(role="focal_point", country="KEN")
    response = client.get("/questionnaires/rich/1.0/xlsform.xlsx")
    assert response.status_code == 200 and "rich-1.0.xlsx" in response.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True)
    assert book.sheetnames == ["survey", "choices", "settings"]
    yaml_text = client.get("/questionnaires/rich/1.0/questionnaire.yaml").get_data(as_text=True)
    assert yaml_text.startswith("format_version: 1")
    assert client.get("/questionnaires/rich/9.9/xlsform.xlsx").status_code == 404


# ---- constraints on save, notes, the questionnaire's language

CONSTRAINED = {
    "format_version": 1, "id": "checks", "version": "1", "status": "published", "languages": ["ha", "fr"],
    "title": {"ha": "Gwaji", "fr": "Essai"},
    "bands": [{"code": "low", "min": 0, "label": {"ha": "Ƙasa", "fr": "Bas"}}], "target_band": "low",
    "domains": [{"id": "D", "title": {"ha": "Sashe", "fr": "Domaine"}, "areas": [
        {"id": "A", "title": {"ha": "Yanki", "fr": "Zone"}, "questions": [
            {"id": "intro", "type": "note", "label": {"ha": "Barka da zuwa", "fr": "Bienvenue"}},
            {"id": "Cap.total", "type": "number", "label": {"ha": "Iyaka", "fr": "Plafond"}, "required": False},
            {"id": "staff-count", "type": "number", "label": {"ha": "Ma'aikata", "fr": "Personnel"},
             "constraint": ". <= ${Cap.total}", "constraint_message": {"ha": "Bai wuce iyaka ba",
                                                                 "fr": "Pas plus que le plafond"}},
            {"id": "opened", "type": "date", "label": {"ha": "Kwanan wata", "fr": "Ouvert le"},
             "constraint": ". <= today()"}]}]}]}


@pytest.fixture
def checks(app, tmp_path):
    publish(app, tmp_path / "q", CONSTRAINED)
    return open_assessment(app, family="checks", version="1")


def test_constraints_are_checked_on_every_save(app, checks):
    save(app, checks, "Cap.total", 10)
    save(app, checks, "staff-count", 8)
    from mgf_assess.assessments.errors import AnswerProblems

    with pytest.raises(AnswerProblems) as refused:
        save(app, checks, "staff-count", 12)
    assert refused.value.items[0]["code"] == "constraint"
    assert stored(app, checks, "staff-count").value == 8
    with pytest.raises(AnswerProblems):
        save(app, checks, "opened", "2999-01-01")
    save(app, checks, "opened", "2020-01-01")


def test_the_api_refuses_with_422_and_the_message_in_the_callers_language(app, client, checks, make_user):
    from api_support import bearer, token_for

    email = make_user(role="focal_point", country="KEN", language="fr")
    save(app, checks, "Cap.total", 10)
    response = client.put(f"/api/v1/assessments/{checks}/answers/staff-count", headers=bearer(token_for(app, email)),
                          json={"value": 12, "base_revision": 0})
    assert response.status_code == 422
    problem = response.get_json()["error"]["problems"][0]
    assert (problem["code"], problem["message"]) == ("constraint", "Pas plus que le plafond")


def test_the_section_page_shows_notes_and_falls_back_to_the_questionnaires_language(client, login_as, checks):
    login_as(role="focal_point", country="KEN")
    html = client.get(f"/assessments/{checks}/areas/A").get_data(as_text=True)
    assert 'data-note="intro"' in html and "Barka da zuwa" in html  # English UI: the source language, Hausa
    assert 'name="intro-value"' not in html
    assert re.search(r'id="q-Cap.total-label" for="Cap.total-value"><span class="question__number">1\.1\.1</span> Iyaka',
                     html)


def test_a_refused_constraint_shows_its_message_on_the_section_page(app, client, login_as, checks):
    save(app, checks, "Cap.total", 10)
    login_as(role="focal_point", country="KEN", language="fr")
    html = client.get(f"/assessments/{checks}/areas/A").get_data(as_text=True)
    data = {"csrf_token": csrf_token_from(html), "staff-count-value": "12", "staff-count-base_revision": "0",
            "Cap.total-value": "10", "Cap.total-base_revision": "1", "opened-base_revision": "0"}
    response = client.post(f"/assessments/{checks}/areas/A", data=data)
    assert response.status_code == 422 and "Pas plus que le plafond" in response.get_data(as_text=True)
    data |= {"staff-count-value": "7"}
    assert client.post(f"/assessments/{checks}/areas/A", data=data).status_code == 302
    assert stored(app, checks, "staff-count").value == 7


# ---- the command line


def test_the_command_line_imports_with_the_report_and_exports_again(app, runner, tmp_path):
    import qfiles

    publish(app, tmp_path / "q", qfiles.rich_definition())
    out = tmp_path / "out" / "rich.xlsx"
    out.parent.mkdir()
    result = runner.invoke(args=["mgf", "questionnaires", "export-xlsform", "rich", "1.0", str(out)])
    assert result.exit_code == 0 and out.exists()
    source = build(CORPUS["field_survey.xlsx"], tmp_path / "field_survey.xlsx")
    result = runner.invoke(args=["mgf", "questionnaires", "import-xlsform", str(source), str(tmp_path / "f.yaml")])
    assert result.exit_code == 0, result.output
    assert "questions imported" in result.output and "By row:" in result.output
    assert (tmp_path / "f.yaml").read_text(encoding="utf-8").startswith("format_version: 1\nid: field_survey\n")
    broken = build({"survey": [["type", "name", "label"], ["select_one none", "q", "Q"]]}, tmp_path / "b.xlsx")
    result = runner.invoke(args=["mgf", "questionnaires", "import-xlsform", str(broken), str(tmp_path / "b.yaml")])
    assert result.exit_code == 1 and not (tmp_path / "b.yaml").exists()
