"""The answers workbook cycle: download → edit with openpyxl → upload → preview → apply, with
conflicts made by concurrent API saves, all or nothing, and rows outside a contributor's sections."""

import datetime
import re

import pytest
from api_support import bearer, token_for
from assess_helpers import save, stored, user
from workbook_support import apply, download, edit, preview_url, upload

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.workbook import pending
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db


def _events(app, action: str) -> list[AuditEvent]:
    with app.app_context():
        return list(db.session.scalars(db.select(AuditEvent).filter_by(action=action).order_by(AuditEvent.id)))


def _preview(client, assessment_id, data):
    url = preview_url(upload(client, assessment_id, data))
    page = client.get(url)
    assert page.status_code == 200
    return url, page.get_data(as_text=True)


def _section(html: str, heading_id: str) -> str:
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_download_edit_upload_preview_apply(app, client, login_as, assessment_id):
    login_as(role="focal_point", language="fr")
    save(app, assessment_id, "q_text", {"value": "=SUM(A1)"})  # neutralised in the file, unchanged on upload
    save(app, assessment_id, "q_choice", {"value": "a"})
    data = edit(download(client, assessment_id), {
        "q_yes": {"answer": "Oui"},  # a label in the workbook's language
        "q_choice": {"answer": "c"},  # a code
        "q_multi": {"answer": "Option x [en]; z"},  # a label of another language, then a code
        "q_number": {"answer": 12.5},
        "q_percent": {"status": "Sans objet", "justification": "Pas de données"},
        "q_date": {"answer": datetime.datetime(2026, 3, 31)},
    })
    url, html = _preview(client, assessment_id, data)
    changes = _section(html, "changes-heading")
    for qid in ("q_yes", "q_choice", "q_multi", "q_number", "q_percent", "q_date"):
        assert qid in changes
    assert "Option a [fr]" in changes and "Option c [fr]" in changes  # current → new, in words
    assert "q_text" not in changes and not stored(app, assessment_id, "q_yes")  # nothing written yet
    response = apply(client, url, html)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/assessments/{assessment_id}")
    expected = {"q_yes": "yes", "q_choice": "c", "q_multi": ["x", "z"], "q_number": 12.5, "q_date": "2026-03-31"}
    for qid, value in expected.items():
        assert stored(app, assessment_id, qid).value == value, qid
    percent = stored(app, assessment_id, "q_percent")
    assert (percent.status, percent.justification) == ("na", "Pas de données")
    assert stored(app, assessment_id, "q_text").value == "=SUM(A1)" and stored(app, assessment_id, "q_choice").revision == 2
    assert len(_events(app, "answer.save")) == 2 + 6
    assert _events(app, "answers.import")[0].new_value["saved"] == sorted(expected | {"q_percent": 0}, key=list(
        ["q_yes", "q_choice", "q_multi", "q_number", "q_percent", "q_date"]).index)
    assert client.get(url).status_code == 302  # the upload is gone once applied


def test_clearing_an_answer_is_a_change(app, client, login_as, assessment_id):
    login_as(role="focal_point")
    save(app, assessment_id, "q_yes", {"value": "no"})
    url, html = _preview(client, assessment_id, edit(download(client, assessment_id), {"q_yes": {"answer": None}}))
    assert "No answer" in _section(html, "changes-heading")
    apply(client, url, html)
    answer = stored(app, assessment_id, "q_yes")
    assert answer.value is None and answer.revision == 2


def test_a_concurrent_api_save_is_a_conflict_and_the_user_chooses(app, client, login_as, make_user, assessment_id):
    login_as(role="focal_point")
    data = download(client, assessment_id)
    other = make_user(role="focal_point", name="Grace Other")
    saved = client.put(f"/api/v1/assessments/{assessment_id}/answers/q_yes", json={"value": "no", "base_revision": 0},
                       headers=bearer(token_for(app, other)))
    assert saved.status_code == 200
    url, html = _preview(client, assessment_id, edit(data, {"q_yes": {"answer": "Yes"}, "q_number": {"answer": 3}}))
    conflicts = _section(html, "conflicts-heading")
    assert "q_yes" in conflicts and "Grace Other" in conflicts and "<q class=\"conflict__value\">No</q>" in conflicts
    assert 'value="theirs" checked' in conflicts and 'value="mine:1"' in conflicts
    apply(client, url, html, q_yes="theirs")
    assert (stored(app, assessment_id, "q_yes").value, stored(app, assessment_id, "q_number").value) == ("no", 3)
    assert _events(app, "answers.import")[0].new_value["conflicts_kept"] == ["q_yes"]


def test_overwriting_a_conflict_saves_the_workbook_answer(app, client, login_as, make_user, assessment_id):
    login_as(role="focal_point")
    data = download(client, assessment_id)
    save(app, assessment_id, "q_yes", {"value": "no"}, make_user(role="focal_point"))
    url, html = _preview(client, assessment_id, edit(data, {"q_yes": {"answer": "Yes"}}))
    apply(client, url, html, q_yes="mine:1")
    assert (stored(app, assessment_id, "q_yes").value, stored(app, assessment_id, "q_yes").revision) == ("yes", 2)


def test_a_server_change_to_an_untouched_row_is_kept(app, client, login_as, make_user, assessment_id):
    login_as(role="focal_point")
    save(app, assessment_id, "q_yes", {"value": "yes"})
    data = download(client, assessment_id)
    save(app, assessment_id, "q_yes", {"value": "no"}, make_user(role="focal_point", name="Grace Other"))
    url, html = _preview(client, assessment_id, edit(data, {"q_number": {"answer": 4}}))
    assert "q_yes" not in _section(html, "conflicts-heading") and "q_yes" in _section(html, "notes-heading")
    apply(client, url, html)
    assert (stored(app, assessment_id, "q_yes").value, stored(app, assessment_id, "q_number").value) == ("no", 4)


def test_a_save_between_preview_and_apply_stops_everything(app, client, login_as, make_user, assessment_id):
    login_as(role="focal_point")
    url, html = _preview(client, assessment_id, edit(download(client, assessment_id),
                                                     {"q_yes": {"answer": "Yes"}, "q_number": {"answer": 3}}))
    save(app, assessment_id, "q_number", 7, make_user(role="focal_point"))
    response = apply(client, url, html)
    assert response.headers["Location"].endswith(url)
    assert stored(app, assessment_id, "q_yes") is None and stored(app, assessment_id, "q_number").value == 7
    assert "Answers changed since you looked at the preview" in client.get(url).get_data(as_text=True)
    assert "q_number" in _section(client.get(url).get_data(as_text=True), "conflicts-heading")


def test_a_conflict_while_writing_rolls_every_row_back(app, client, login_as, assessment_id, monkeypatch):
    """All or nothing: the second save fails, so the first one is not kept either."""
    from mgf_assess.assessments.errors import AnswerConflict
    from mgf_assess.assessments.workbook import apply as applying

    login_as(role="focal_point")
    url, html = _preview(client, assessment_id, edit(download(client, assessment_id),
                                                     {"q_yes": {"answer": "Yes"}, "q_number": {"answer": 3}}))
    real = applying.save_answer

    def second_fails(actor, assessment, qid, payload, revision):
        answer = real(actor, assessment, qid, payload, revision)
        if qid == "q_number":
            raise AnswerConflict(answer)
        return answer

    monkeypatch.setattr(applying, "save_answer", second_fails)
    response = apply(client, url, html)
    assert response.headers["Location"].endswith(url)
    assert stored(app, assessment_id, "q_yes") is None and stored(app, assessment_id, "q_number") is None
    assert _events(app, "answer.save") == [] and _events(app, "answers.import") == []


def test_invalid_cells_are_located_and_nothing_can_be_applied(app, client, login_as, assessment_id):
    login_as(role="focal_point")
    data = edit(download(client, assessment_id), {
        "q_yes": {"answer": "Yes"}, "q_percent": {"answer": 150}, "q_choice": {"answer": "d"},
        "q_date": {"answer": "2026-02-30"}, "q_plan": {"status": "Not applicable"}})
    url, html = _preview(client, assessment_id, data)
    invalid = _section(html, "invalid-heading")
    assert "Sheet Answers, row 8, column G" in invalid and "Enter a percentage from 0 to 100." in invalid
    assert "Choose one of the listed options." in invalid and "This date does not exist in the calendar." in invalid
    assert "Sheet Answers, row 10, column H" in invalid and "cannot be marked as not applicable" in invalid
    assert 'id="apply-form"' not in html and "This workbook cannot be applied yet" in html
    assert client.post(url, data={"plan": "x"}).status_code == 302
    assert stored(app, assessment_id, "q_yes") is None


def test_unknown_and_repeated_question_rows(app, client, login_as, assessment_id):
    login_as(role="focal_point")
    data = edit(download(client, assessment_id), {}, A20="q_nope", G20="yes", A21="q_yes", G21="Yes")
    _url, html = _preview(client, assessment_id, data)
    invalid = _section(html, "invalid-heading")
    assert "has no question q_nope" in invalid and "The question q_yes has a row already (row 3)" in invalid


def test_a_changed_revision_cell_is_refused(app, client, login_as, assessment_id):
    login_as(role="focal_point")
    data = edit(download(client, assessment_id), {"q_yes": {"answer": "Yes", "revision": "two"}})
    _url, html = _preview(client, assessment_id, data)
    assert "The revision must stay as it was downloaded" in _section(html, "invalid-heading")


def test_a_contributor_may_change_only_assigned_sections(app, client, login_as, make_user, assessment_id):
    contributor = user(app, login_as(role="contributor"))
    with app.app_context():
        operations.set_assignments(None, db.session.get(Assessment, assessment_id), contributor, ["data"])
        db.session.commit()
    whole = download(client, assessment_id, scope="all")
    url, html = _preview(client, assessment_id, edit(whole, {"q_number": {"answer": 5}, "q_yes": {"answer": "Yes"}}))
    refused = _section(html, "refused-heading")
    assert "q_yes" in refused and "is not one of the sections you may change" in refused
    assert 'id="apply-form"' not in html
    url, html = _preview(client, assessment_id, edit(whole, {"q_number": {"answer": 5}}))  # others untouched: fine
    apply(client, url, html)
    assert stored(app, assessment_id, "q_number").value == 5


def test_questions_that_do_not_apply_are_skipped(app, client, login_as, assessment_id):
    login_as(role="focal_point")
    data = edit(download(client, assessment_id), {"q_plan": {"answer": "No"}, "q_plan_tested": {"answer": "Yes"}})
    url, html = _preview(client, assessment_id, data)
    assert "does not apply given the answers" in _section(html, "notes-heading")
    apply(client, url, html)
    assert stored(app, assessment_id, "q_plan").value == "no" and stored(app, assessment_id, "q_plan_tested") is None


def test_percent_cells_and_labels_in_any_language(app, client, login_as, assessment_id):
    login_as(role="focal_point", language="ar")
    data = download(client, assessment_id)
    from workbook_support import opened, row_of

    book = opened(edit(data, {"q_percent": {"answer": 0.25}, "q_yes": {"answer": "oui"}, "q_choice": {"answer": "OPTION B [ES]"}}))
    sheet = book["Answers"]
    sheet.cell(row_of(sheet, "q_percent"), 7).number_format = "0%"
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    url, html = _preview(client, assessment_id, buffer.getvalue())
    apply(client, url, html)
    assert stored(app, assessment_id, "q_percent").value == 25
    assert (stored(app, assessment_id, "q_yes").value, stored(app, assessment_id, "q_choice").value) == ("yes", "b")


def test_an_unchanged_workbook_changes_nothing(app, client, login_as, assessment_id):
    login_as(role="focal_point")
    for qid, payload in (("q_text", {"value": "'quoted\r\nand two lines"}), ("q_multi", {"value": ["z", "x"]}),
                         ("q_percent", {"status": "unknown", "justification": "+ no survey yet"}),
                         ("q_date", {"value": "2026-01-31"}), ("q_number", {"value": -3.25})):
        save(app, assessment_id, qid, payload)
    url, html = _preview(client, assessment_id, edit(download(client, assessment_id), {}))
    assert "Nothing to apply: the workbook holds no change." in html
    summary = _section(html, "summary-heading")
    assert "<dt>Rows without a change</dt><dd>9</dd>" in summary, summary


def test_uploads_wait_for_a_limited_time(app, client, login_as, assessment_id, monkeypatch):
    login_as(role="focal_point")
    url = preview_url(upload(client, assessment_id, edit(download(client, assessment_id), {"q_yes": {"answer": "No"}})))
    monkeypatch.setattr(pending, "now", lambda: 10**12)
    response = client.get(url)
    assert response.status_code == 302 and response.headers["Location"].endswith("/workbook")
    with app.test_request_context():
        assert pending.sweep() == 1


@pytest.mark.parametrize("token", ["../../etc", "0" * 32, "zz"])
def test_unknown_tokens_lead_back_to_the_upload_page(client, login_as, assessment_id, token):
    login_as(role="focal_point")
    response = client.get(f"/assessments/{assessment_id}/workbook/{token}")
    assert response.status_code in (302, 404)
