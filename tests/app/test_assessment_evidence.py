"""Evidence of answers (add, refuse by content, remove, download as attachment) and answer history."""

import io
import re
from pathlib import Path

import pytest
import qfiles
from assess_helpers import open_assessment, publish, save
from conftest import login

from mgf_assess.assessments.models import Evidence
from mgf_assess.extensions import db

PDF = b"%PDF-1.4 minimal test document"


@pytest.fixture
def rich(app, tmp_path):
    publish(app, tmp_path / "q", qfiles.rich_definition())


@pytest.fixture
def assessment_id(app, rich):
    return open_assessment(app)


def _evidence(citation="Migration Act 2011", **extra) -> dict:
    return {"ev-q_yes-kind": "law", "ev-q_yes-citation": citation, "ev-q_yes-url": "", **extra}


def _add(client, assessment_id, data):
    return client.post(f"/assessments/{assessment_id}/answers/q_yes/evidence", data=data,
                       content_type="multipart/form-data")


def _count(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count(Evidence.id)))


def _uploaded(app) -> list:
    folder = Path(app.config["UPLOAD_FOLDER"])
    return list(folder.iterdir()) if folder.exists() else []


def test_add_evidence_with_file_and_download_as_attachment(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    response = _add(client, assessment_id, _evidence(**{
        "ev-q_yes-url": "https://example.org/act", "ev-q_yes-file": (io.BytesIO(PDF), "act 2011.pdf")}))
    assert response.status_code == 302 and response.headers["Location"].endswith("#q-q_yes")
    html = client.get(f"/assessments/{assessment_id}/areas/services").get_data(as_text=True)
    assert "Migration Act 2011" in html and "Law or regulation" in html and 'href="https://example.org/act"' in html
    link = re.search(rf'href="(/assessments/{assessment_id}/evidence/\d+/file)"', html).group(1)
    with client.get(link) as download:
        assert download.status_code == 200 and download.data == PDF
        assert download.headers["Content-Disposition"].startswith("attachment;")
        assert 'filename="act 2011.pdf"' in download.headers["Content-Disposition"]
        assert download.headers["Content-Type"] == "application/pdf"


def test_file_refused_by_content_stores_nothing(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    response = _add(client, assessment_id, _evidence(**{
        "ev-q_yes-file": (io.BytesIO(b"MZ\x90\x00\x03 windows program"), "report.pdf")}))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert '<p class="field__error" id="ev-q_yes-file-error">This kind of file is not accepted.' in html
    assert "<details class=\"evidence__add\" open>" in html
    assert _count(app) == 0 and _uploaded(app) == []


def test_evidence_needs_a_citation(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    response = _add(client, assessment_id, _evidence(citation=" "))
    assert response.status_code == 422 and "Describe the evidence" in response.get_data(as_text=True)
    assert _count(app) == 0


def test_link_must_be_http(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    response = _add(client, assessment_id, _evidence(**{"ev-q_yes-url": "javascript:alert(1)"}))
    assert response.status_code == 422 and _count(app) == 0


def test_remove_evidence(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    _add(client, assessment_id, _evidence())
    with app.app_context():
        evidence_id = db.session.scalar(db.select(Evidence.id))
    response = client.post(f"/assessments/{assessment_id}/evidence/{evidence_id}/remove")
    assert response.status_code == 302 and _count(app) == 0


def test_evidence_of_another_country_is_404(app, client, login_as, make_user, assessment_id):
    login_as(role="focal_point", country="KEN")
    _add(client, assessment_id, _evidence(**{"ev-q_yes-file": (io.BytesIO(PDF), "act.pdf")}))
    with app.app_context():
        evidence_id = db.session.scalar(db.select(Evidence.id))
    other_id = open_assessment(app, country="MEX")
    client.post("/logout")
    login(client, make_user(role="focal_point", country="MEX"))
    assert client.get(f"/assessments/{assessment_id}/evidence/{evidence_id}/file").status_code == 404
    assert client.get(f"/assessments/{other_id}/evidence/{evidence_id}/file").status_code == 404  # wrong pairing
    assert client.post(f"/assessments/{assessment_id}/evidence/{evidence_id}/remove").status_code == 404
    assert _add(client, assessment_id, _evidence()).status_code == 404
    assert _count(app) == 1


def test_unassigned_contributor_cannot_add_evidence(app, client, login_as, assessment_id):
    login_as(role="contributor", country="KEN")
    assert _add(client, assessment_id, _evidence()).status_code == 403
    assert _count(app) == 0


def test_history_lists_who_changed_what_and_when(app, client, make_user, assessment_id):
    first = make_user(role="focal_point", country="KEN", name="Wanjiru Kamau")
    second = make_user(role="focal_point", country="KEN", name="Otieno Mwangi")
    save(app, assessment_id, "q_choice", "a", actor_email=first)
    save(app, assessment_id, "q_choice", "c", actor_email=second)
    login(client, first)
    response = client.get(f"/assessments/{assessment_id}/answers/q_choice/history")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    rows = re.findall(r"<tr>\s*<td>.*?</tr>", html, re.S)
    assert len(rows) == 2
    assert "Wanjiru Kamau" in rows[0] and "Option a [en]" in rows[0]
    assert "Otieno Mwangi" in rows[1] and "Option a [en]" in rows[1] and "Option c [en]" in rows[1]


def test_history_of_unknown_question_is_404(client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    assert client.get(f"/assessments/{assessment_id}/answers/nope/history").status_code == 404


def test_file_name_in_any_script_is_kept_for_download(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    _add(client, assessment_id, _evidence(**{"ev-q_yes-file": (io.BytesIO(PDF), "قانون الهجرة.pdf")}))
    with app.app_context():
        evidence_id = db.session.scalar(db.select(Evidence.id))
    with client.get(f"/assessments/{assessment_id}/evidence/{evidence_id}/file") as download:
        assert download.status_code == 200
        assert "filename*=UTF-8''%D9%82" in download.headers["Content-Disposition"]


def test_evaluator_reads_evidence_without_editing(app, client, make_user, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    _add(client, assessment_id, _evidence())
    client.post("/logout")
    login(client, make_user(role="evaluator", country=None, evaluated=("KEN",)))
    html = client.get(f"/assessments/{assessment_id}/areas/services").get_data(as_text=True)
    assert "Migration Act 2011" in html and "Add evidence" not in html and "Remove" not in html
