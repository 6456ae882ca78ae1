"""Section pages: generated inputs per question type, saving, conflicts, problems, relevance, assignments."""

import re

import pytest
import qfiles
from assess_helpers import open_assessment, publish, save, stored, user
from conftest import login

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.extensions import db


@pytest.fixture
def rich(app, tmp_path):
    publish(app, tmp_path / "q", qfiles.rich_definition())


@pytest.fixture
def assessment_id(app, rich):
    return open_assessment(app)


def _page(client, assessment_id, area):
    response = client.get(f"/assessments/{assessment_id}/areas/{area}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _inputs(html, name):
    return re.findall(rf'<input[^>]*name="{name}"[^>]*>', html)


def _article(html, qid):
    match = re.search(rf'<article[^>]*id="q-{qid}"[^>]*>', html)
    assert match, qid
    return match.group(0)


# ---- generated inputs ----------------------------------------------------------------------

def test_choice_questions_render_radios_and_checkboxes(client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    html = _page(client, assessment_id, "services")
    assert [re.search(r'value="(\w+)"', i).group(1) for i in _inputs(html, "q_yes-value")] == ["yes", "no"]
    assert all('type="radio"' in i for i in _inputs(html, "q_choice-value"))
    assert [re.search(r'value="(\w+)"', i).group(1) for i in _inputs(html, "q_choice-value")] == ["a", "b", "c"]
    assert len(_inputs(html, "q_multi-value")) == 3 and all('type="checkbox"' in i for i in _inputs(html, "q_multi-value"))
    assert re.search(r'<textarea[^>]*name="q_text-value"', html)
    assert '<legend class="question__label" id="q-q_yes-label">' in html and "Help q_yes [en]" in html
    assert 'for="q_choice-value-1">Option b [en]</label>' in html


def test_only_allowed_answer_statuses_are_offered(client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    services = _page(client, assessment_id, "services")
    statuses = {qid: [re.search(r'value="(\w+)"', i).group(1) for i in _inputs(services, f"{qid}-status")]
                for qid in ("q_yes", "q_choice", "q_multi")}
    assert statuses == {"q_yes": ["answered", "unknown"], "q_choice": ["answered", "na"], "q_multi": []}
    assert 'name="q_choice-justification"' in services and 'name="q_multi-justification"' not in services
    data = _page(client, assessment_id, "data")
    assert [re.search(r'value="(\w+)"', i).group(1) for i in _inputs(data, "q_percent-status")] == [
        "answered", "na", "unknown"]


def test_number_percent_and_date_inputs(client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    html = _page(client, assessment_id, "data")
    number, percent, date = (_inputs(html, f"q_{k}-value")[0] for k in ("number", "percent", "date"))
    assert 'type="number"' in number and 'step="any"' in number and 'inputmode="decimal"' in number
    assert 'type="number"' in percent and 'min="0"' in percent and 'max="100"' in percent
    assert 'type="date"' in date
    assert '<span class="unit" id="q_number-value-unit">days [en]</span>' in html
    assert '<span class="unit" id="q_percent-value-unit">%</span>' in html
    assert 'aria-describedby="q_number-value-unit"' in number


def test_every_question_carries_its_base_revision(app, client, login_as, assessment_id):
    save(app, assessment_id, "q_yes", "yes")
    save(app, assessment_id, "q_yes", "no")
    login_as(role="focal_point", country="KEN")
    html = _page(client, assessment_id, "services")
    assert re.search(r'name="q_yes-base_revision" type="hidden" value="2"', html)
    assert re.search(r'name="q_choice-base_revision" type="hidden" value="0"', html)


def test_labels_follow_the_user_language(client, make_user, assessment_id):
    login(client, make_user(role="focal_point", country="KEN", language="fr"))
    html = _page(client, assessment_id, "services")
    assert "Label q_yes [fr]" in html and "Option a [fr]" in html and "Label q_yes [en]" not in html


def test_page_has_no_inline_script_or_style(client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    html = _page(client, assessment_id, "services")
    assert "<script>" not in html and 'style="' not in html and " onclick=" not in html
    assert 'src="/static/js/section.js"' in html and "css/assessments.css" in html


# ---- saving --------------------------------------------------------------------------------

SERVICES = {"q_yes-value": "yes", "q_yes-status": "answered", "q_yes-base_revision": "0",
            "q_choice-value": "b", "q_choice-status": "answered", "q_choice-base_revision": "0",
            "q_multi-value": ["x", "z"], "q_multi-base_revision": "0",
            "q_text-value": "Free text", "q_text-base_revision": "0"}


def test_save_section_stores_every_changed_answer(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    response = client.post(f"/assessments/{assessment_id}/areas/services", data=SERVICES)
    assert response.status_code == 302
    assert stored(app, assessment_id, "q_yes").value == "yes"
    assert stored(app, assessment_id, "q_multi").value == ["x", "z"]
    assert stored(app, assessment_id, "q_text").value == "Free text"
    again = dict(SERVICES, **{f"{q}-base_revision": "1" for q in ("q_yes", "q_choice", "q_multi", "q_text")})
    client.post(f"/assessments/{assessment_id}/areas/services", data=dict(again, **{"q_choice-value": "c"}))
    assert stored(app, assessment_id, "q_yes").revision == 1  # unchanged: not saved again
    assert stored(app, assessment_id, "q_choice").revision == 2 and stored(app, assessment_id, "q_choice").value == "c"


def test_numbers_dates_and_not_applicable(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    response = client.post(f"/assessments/{assessment_id}/areas/data", data={
        "q_number-value": "12.5", "q_number-base_revision": "0",
        "q_percent-status": "na", "q_percent-justification": "No such programme", "q_percent-base_revision": "0",
        "q_date-value": "2025-12-31", "q_date-base_revision": "0"})
    assert response.status_code == 302
    assert stored(app, assessment_id, "q_number").value == 12.5
    assert stored(app, assessment_id, "q_date").value == "2025-12-31"
    percent = stored(app, assessment_id, "q_percent")
    assert percent.status == "na" and percent.justification == "No such programme" and percent.value is None


def test_clearing_an_answer(app, client, login_as, assessment_id):
    save(app, assessment_id, "q_number", 4)
    login_as(role="focal_point", country="KEN")
    client.post(f"/assessments/{assessment_id}/areas/data", data={"q_number-value": "", "q_number-base_revision": "1"})
    answer = stored(app, assessment_id, "q_number")
    assert answer.value is None and answer.revision == 2


def test_invalid_input_shows_problems_next_to_the_question_and_stores_nothing(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    response = client.post(f"/assessments/{assessment_id}/areas/data", data={
        "q_number-value": "twelve", "q_number-base_revision": "0",
        "q_percent-value": "150", "q_percent-status": "answered", "q_percent-base_revision": "0",
        "q_date-value": "2025-02-30", "q_date-base_revision": "0"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert '<p class="field__error" id="q_number-value-error">Enter a number, for example 12 or 12.5.' in html
    assert "Enter a percentage from 0 to 100." in html and "This date does not exist in the calendar." in html
    assert re.search(r'aria-describedby="[^"]*q_number-value-error"[^>]*aria-invalid="true"', html)
    assert 'value="twelve"' in html  # what was typed is kept
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Answer.id))) == 0


def test_not_applicable_needs_a_justification(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    response = client.post(f"/assessments/{assessment_id}/areas/services", data={
        "q_choice-status": "na", "q_choice-justification": " ", "q_choice-base_revision": "0"})
    assert response.status_code == 422
    assert "Explain why the question is not applicable." in response.get_data(as_text=True)
    assert stored(app, assessment_id, "q_choice") is None


def test_problem_messages_are_translated(app, client, make_user, assessment_id):
    login(client, make_user(role="focal_point", country="KEN", language="fr"))
    response = client.post(f"/assessments/{assessment_id}/areas/data", data={
        "q_number-value": "douze", "q_number-base_revision": "0"})
    assert response.status_code == 422 and "expected a finite number" not in response.get_data(as_text=True)


def test_valid_answers_are_saved_beside_refused_ones(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    response = client.post(f"/assessments/{assessment_id}/areas/data", data={
        "q_number-value": "7", "q_number-base_revision": "0",
        "q_percent-value": "101", "q_percent-status": "answered", "q_percent-base_revision": "0"})
    assert response.status_code == 422
    assert stored(app, assessment_id, "q_number").value == 7 and stored(app, assessment_id, "q_percent") is None
    html = response.get_data(as_text=True)
    assert re.search(r'name="q_number-base_revision" type="hidden" value="1"', html)


# ---- conflicts -----------------------------------------------------------------------------

def _conflict(app, client, make_user, assessment_id):
    other = make_user(role="focal_point", country="KEN", name="Grace Other")
    save(app, assessment_id, "q_yes", "yes")
    save(app, assessment_id, "q_yes", "no", actor_email=other)  # revision 2, while we still show 1
    login(client, make_user(role="focal_point", country="KEN"))
    return {"q_yes-value": "yes", "q_yes-status": "answered", "q_yes-base_revision": "1"}


def test_stale_revision_is_refused_and_shows_the_other_value(app, client, make_user, assessment_id):
    data = _conflict(app, client, make_user, assessment_id)
    response = client.post(f"/assessments/{assessment_id}/areas/services", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Grace Other" in html and '<q class="conflict__value">No</q>' in html
    assert 'name="keep" value="q_yes"' in html and 'name="overwrite" value="q_yes:2"' in html
    answer = stored(app, assessment_id, "q_yes")
    assert answer.value == "no" and answer.revision == 2


def test_conflict_overwrite_uses_the_revision_shown(app, client, make_user, assessment_id):
    data = _conflict(app, client, make_user, assessment_id)
    response = client.post(f"/assessments/{assessment_id}/areas/services", data=dict(data, overwrite="q_yes:2"))
    assert response.status_code == 302
    answer = stored(app, assessment_id, "q_yes")
    assert answer.value == "yes" and answer.revision == 3


def test_conflict_keep_theirs_saves_nothing_for_that_question(app, client, make_user, assessment_id):
    data = _conflict(app, client, make_user, assessment_id)
    response = client.post(f"/assessments/{assessment_id}/areas/services", data=dict(data, keep="q_yes"))
    assert response.status_code == 302
    assert stored(app, assessment_id, "q_yes").value == "no"


# ---- relevance -----------------------------------------------------------------------------

def test_questions_whose_relevance_is_false_are_hidden_server_side(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    assert " hidden" in _article(_page(client, assessment_id, "plans"), "q_plan_tested")
    save(app, assessment_id, "q_plan", "yes")
    assert " hidden" not in _article(_page(client, assessment_id, "plans"), "q_plan_tested")


def test_relevance_uses_the_submitted_answers(app, client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    client.post(f"/assessments/{assessment_id}/areas/plans", data={
        "q_plan-value": "no", "q_plan-base_revision": "0",
        "q_plan_tested-value": "yes", "q_plan_tested-base_revision": "0"})
    assert stored(app, assessment_id, "q_plan").value == "no"
    assert stored(app, assessment_id, "q_plan_tested") is None  # not relevant: excluded
    client.post(f"/assessments/{assessment_id}/areas/plans", data={
        "q_plan-value": "yes", "q_plan-base_revision": "1",
        "q_plan_tested-value": "yes", "q_plan_tested-base_revision": "0"})
    assert stored(app, assessment_id, "q_plan_tested").value == "yes"


def test_relevance_endpoint_for_the_script(client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    url = f"/assessments/{assessment_id}/areas/plans/relevance"
    assert client.post(url, data={"q_plan-value": "no"}).get_json() == {"hidden": ["q_plan_tested"]}
    assert client.post(url, data={"q_plan-value": "yes"}).get_json() == {"hidden": []}
    assert client.post(url, data={}).get_json() == {"hidden": ["q_plan_tested"]}


# ---- who may edit --------------------------------------------------------------------------

def test_contributor_edits_only_assigned_areas(app, client, make_user, assessment_id):
    email = make_user(role="contributor", country="KEN")
    contributor = user(app, email)
    with app.app_context():
        operations.set_assignments(None, db.session.get(Assessment, assessment_id), contributor, ["data"])
        db.session.commit()
    save(app, assessment_id, "q_yes", "yes")
    login(client, email)
    assert 'id="section-form"' in _page(client, assessment_id, "data")
    services = _page(client, assessment_id, "services")
    assert 'id="section-form"' not in services and 'name="q_yes-value"' not in services
    assert '<p class="question__value">Yes</p>' in services and "Add evidence" not in services
    refused = client.post(f"/assessments/{assessment_id}/areas/services",
                          data={"q_yes-value": "no", "q_yes-base_revision": "1"})
    assert refused.status_code == 403 and stored(app, assessment_id, "q_yes").value == "yes"
    client.post(f"/assessments/{assessment_id}/areas/data", data={"q_number-value": "3", "q_number-base_revision": "0"})
    assert stored(app, assessment_id, "q_number").value == 3


def test_unknown_area_is_404(client, login_as, assessment_id):
    login_as(role="focal_point", country="KEN")
    assert client.get(f"/assessments/{assessment_id}/areas/nope").status_code == 404
