"""Assessment pages: list and open, overview, assignments, carry-forward, submission."""

import re

import pytest
import qfiles
from assess_helpers import add_evidence, open_assessment, publish, save, state, stored, user
from conftest import login

from mgf_assess.assessments.models import Assessment, Assignment
from mgf_assess.extensions import db


@pytest.fixture
def rich(app, tmp_path):
    publish(app, tmp_path / "q", qfiles.rich_definition())


def _answer_all(app, assessment_id):
    """Every relevant required question answered, with the evidence q_yes requires."""
    for qid, value in [("q_yes", "yes"), ("q_choice", "b"), ("q_multi", ["x"]), ("q_number", 3),
                       ("q_percent", 60), ("q_plan", "no")]:
        save(app, assessment_id, qid, value)
    add_evidence(app, assessment_id, "q_yes")


# ---- list and open ------------------------------------------------------------------------

def test_list_shows_visible_assessments_only(app, client, login_as, rich):
    open_assessment(app, "KEN")
    open_assessment(app, "MEX")
    login_as(role="focal_point", country="KEN")
    html = client.get("/assessments/").get_data(as_text=True)
    assert "Kenya" in html and "Mexico" not in html
    assert "Rich questionnaire [en]" in html and "<progress" in html and "Draft" in html


def test_focal_point_opens_for_own_country_only(app, client, login_as, rich):
    login_as(role="focal_point", country="KEN")
    html = client.get("/assessments/").get_data(as_text=True)
    assert re.search(r'<option[^>]*value="KEN"', html) and 'value="MEX"' not in html
    response = client.post("/assessments/", data={"country": "MEX", "questionnaire": "rich:1.0", "cycle": 2026})
    assert response.status_code == 422
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Assessment.id))) == 0


def test_open_then_duplicate_is_refused_with_a_clear_error(app, client, login_as, rich):
    login_as(role="focal_point", country="KEN")
    data = {"country": "KEN", "questionnaire": "rich:1.0", "cycle": 2026}
    response = client.post("/assessments/", data=data)
    assert response.status_code == 302 and re.search(r"/assessments/\d+$", response.headers["Location"])
    again = client.post("/assessments/", data=data)
    assert again.status_code == 422
    assert "already has a rich assessment for 2026" in again.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Assessment.id))) == 1


def test_admin_opens_for_any_country(app, client, login_as, rich):
    login_as(role="admin", country=None)
    response = client.post("/assessments/", data={"country": "MEX", "questionnaire": "rich:1.0", "cycle": 2027})
    assert response.status_code == 302


@pytest.mark.parametrize("role", ["contributor", "evaluator", "analyst"])
def test_other_roles_cannot_open(app, client, make_user, role, rich):
    login(client, make_user(role=role, country="KEN" if role == "contributor" else None,
                            evaluated=("KEN",) if role == "evaluator" else ()))
    assert "Open a new assessment" not in client.get("/assessments/").get_data(as_text=True)
    response = client.post("/assessments/", data={"country": "KEN", "questionnaire": "rich:1.0", "cycle": 2026})
    assert response.status_code == 403


def test_only_published_versions_are_offered(app, client, login_as, tmp_path):
    publish(app, tmp_path / "q", qfiles.rich_definition(status="draft"))
    login_as(role="focal_point", country="KEN")
    assert "No questionnaire version is published yet" in client.get("/assessments/").get_data(as_text=True)


# ---- overview ------------------------------------------------------------------------------

def test_overview_progress_preliminary_score_and_links(app, client, login_as, rich):
    assessment_id = open_assessment(app)
    save(app, assessment_id, "q_yes", "yes")
    login_as(role="focal_point", country="KEN")
    html = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert html.count("<progress") == 1 + 2 + 3  # overall, domains, areas
    assert "Preliminary — self-assessed, not validated" in html
    for area in ("services", "data", "plans"):
        assert f'href="/assessments/{assessment_id}/areas/{area}"' in html
    assert 'id="assignments"' in html and 'id="submission"' in html
    assert 'style="' not in html and "<script>" not in html


def test_contributor_overview_has_no_score_and_no_management(app, client, login_as, rich):
    assessment_id = open_assessment(app)
    login_as(role="contributor", country="KEN")
    html = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert "Preliminary" not in html and 'id="assignments"' not in html
    assert "read only" in html


def test_overview_in_arabic_is_right_to_left(app, client, make_user, rich):
    assessment_id = open_assessment(app)
    login(client, make_user(role="focal_point", country="KEN", language="ar"))
    html = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html and "Rights [ar]" in html


# ---- assignments ---------------------------------------------------------------------------

def test_focal_point_assigns_areas_to_a_contributor(app, client, make_user, login_as, rich):
    assessment_id = open_assessment(app)
    contributor = user(app, make_user(role="contributor", country="KEN", name="Otieno"))
    login_as(role="focal_point", country="KEN")
    assert "Otieno" in client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    prefix = f"u{contributor.id}"
    response = client.post(f"/assessments/{assessment_id}/assignments/{contributor.id}",
                           data={f"{prefix}-scopes": ["data", "crisis"]})
    assert response.status_code == 302
    with app.app_context():
        scopes = set(db.session.scalars(db.select(Assignment.scope_id).filter_by(user_id=contributor.id)))
    assert scopes == {"data", "crisis"}
    html = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert "Assigned: 1.2 Data [en]; 2. Crisis [en]" in html


def _assign(client, assessment_id, contributor, scopes):
    return client.post(f"/assessments/{assessment_id}/assignments/{contributor.id}",
                       data={f"u{contributor.id}-scopes": scopes})


def _assignment_events(app) -> list:
    from mgf_assess.core.models import AuditEvent

    with app.app_context():
        query = db.select(AuditEvent).filter(AuditEvent.action.like("assignment.%")).order_by(AuditEvent.id)
        return [(event.action, event.old_value, event.new_value) for event in db.session.scalars(query)]


def test_saving_assignments_again_keeps_ticked_scopes_and_audits_the_difference(app, client, make_user, login_as,
                                                                                  rich):
    assessment_id = open_assessment(app)
    contributor = user(app, make_user(role="contributor", country="KEN", name="Otieno"))
    login_as(role="focal_point", country="KEN")
    assert _assign(client, assessment_id, contributor, ["data", "crisis"]).status_code == 302
    unchanged = _assign(client, assessment_id, contributor, ["data", "crisis"])  # was a 500 (UNIQUE)
    assert unchanged.status_code == 302
    assert "Nothing changed" in client.get(unchanged.headers["Location"]).get_data(as_text=True)
    assert _assign(client, assessment_id, contributor, ["crisis", "services"]).status_code == 302
    with app.app_context():
        scopes = set(db.session.scalars(db.select(Assignment.scope_id).filter_by(user_id=contributor.id)))
    assert scopes == {"crisis", "services"}
    who = {"user": contributor.id}
    assert _assignment_events(app) == [  # the unchanged save wrote nothing
        ("assignment.change", None, {**who, "added": ["crisis", "data"], "removed": []}),
        ("assignment.change", None, {**who, "added": ["services"], "removed": ["data"]})]


def test_assignments_of_a_submitted_assessment_cannot_change(app, client, make_user, login_as, rich):
    assessment_id = open_assessment(app)
    contributor = user(app, make_user(role="contributor", country="KEN"))
    with app.app_context():
        db.session.get(Assessment, assessment_id).state = "submitted"
        db.session.commit()
    login_as(role="focal_point", country="KEN")
    response = _assign(client, assessment_id, contributor, ["data"])
    assert response.status_code == 302
    assert "assignments cannot change now" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert _assignment_events(app) == []


def test_contributor_of_another_country_cannot_be_assigned(app, client, make_user, login_as, rich):
    assessment_id = open_assessment(app)
    stranger = user(app, make_user(role="contributor", country="MEX"))
    login_as(role="focal_point", country="KEN")
    client.post(f"/assessments/{assessment_id}/assignments/{stranger.id}", data={f"u{stranger.id}-scopes": ["data"]})
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Assignment.id))) == 0


def test_contributor_cannot_assign(app, client, make_user, login_as, rich):
    assessment_id = open_assessment(app)
    other = user(app, make_user(role="contributor", country="KEN"))
    login_as(role="contributor", country="KEN")
    response = client.post(f"/assessments/{assessment_id}/assignments/{other.id}", data={})
    assert response.status_code == 403


# ---- carry-forward -------------------------------------------------------------------------

def test_carry_forward_preview_apply_and_confirm(app, client, login_as, rich):
    old_id = open_assessment(app, cycle=2022)
    save(app, old_id, "q_yes", "yes")
    save(app, old_id, "q_number", 12)
    new_id = open_assessment(app, cycle=2026)
    login_as(role="focal_point", country="KEN")
    overview = client.get(f"/assessments/{new_id}").get_data(as_text=True)
    assert "2 answers can be carried over" in overview
    preview = client.get(f"/assessments/{new_id}/carry-forward").get_data(as_text=True)
    assert "the earlier question was not answered" in preview and "Carry 2 answers over" in preview
    assert client.post(f"/assessments/{new_id}/carry-forward").status_code == 302
    assert stored(app, new_id, "q_yes").carried_over
    section = client.get(f"/assessments/{new_id}/areas/services").get_data(as_text=True)
    assert "Carried over — please confirm" in section
    assert f'action="/assessments/{new_id}/answers/q_yes/confirm"' in section
    assert client.post(f"/assessments/{new_id}/answers/q_yes/confirm").status_code == 302
    answer = stored(app, new_id, "q_yes")
    assert not answer.carried_over and answer.revision == 2
    assert "Carried over — please confirm" not in client.get(f"/assessments/{new_id}/areas/services").get_data(
        as_text=True)
    assert "Start from the previous cycle" not in client.get(f"/assessments/{new_id}").get_data(as_text=True)


def test_changing_a_carried_answer_confirms_it(app, client, login_as, rich):
    old_id = open_assessment(app, cycle=2022)
    save(app, old_id, "q_yes", "yes")
    new_id = open_assessment(app, cycle=2026)
    login_as(role="focal_point", country="KEN")
    client.post(f"/assessments/{new_id}/carry-forward")
    client.post(f"/assessments/{new_id}/areas/services",
                data={"q_yes-value": "no", "q_yes-status": "answered", "q_yes-base_revision": "1"})
    answer = stored(app, new_id, "q_yes")
    assert answer.value == "no" and not answer.carried_over


def test_no_carry_forward_without_earlier_assessment(app, client, login_as, rich):
    assessment_id = open_assessment(app)
    login_as(role="focal_point", country="KEN")
    assert "Start from the previous cycle" not in client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert client.get(f"/assessments/{assessment_id}/carry-forward").status_code == 404


# ---- submission ----------------------------------------------------------------------------

def test_submit_lists_missing_items_with_links(app, client, login_as, rich):
    assessment_id = open_assessment(app)
    save(app, assessment_id, "q_yes", "yes")
    login_as(role="focal_point", country="KEN")
    html = client.get(f"/assessments/{assessment_id}/submit").get_data(as_text=True)
    assert f'href="/assessments/{assessment_id}/areas/services#q-q_choice"' in html
    assert f'href="/assessments/{assessment_id}/areas/plans#q-q_plan"' in html
    assert "#q-q_text" not in html  # optional
    missing = html[html.index('id="missing"'):html.index("</section>", html.index('id="missing"'))]
    assert "#q-q_yes" not in missing  # answered (its evidence is listed apart)
    assert "#q-q_plan_tested" not in html  # not relevant
    response = client.post(f"/assessments/{assessment_id}/submit", data={"comment": "done"})
    assert response.status_code == 422 and state(app, assessment_id) == "draft"


def test_submit_then_everything_is_read_only(app, client, login_as, rich):
    assessment_id = open_assessment(app)
    _answer_all(app, assessment_id)
    login_as(role="focal_point", country="KEN")
    assert "Ready to submit" in client.get(f"/assessments/{assessment_id}/submit").get_data(as_text=True)
    response = client.post(f"/assessments/{assessment_id}/submit", data={"comment": "Reviewed by the committee"})
    assert response.status_code == 302 and state(app, assessment_id) == "submitted"
    section = client.get(f"/assessments/{assessment_id}/areas/services").get_data(as_text=True)
    assert 'id="section-form"' not in section and "can no longer be changed" in section
    refused = client.post(f"/assessments/{assessment_id}/areas/services",
                          data={"q_yes-value": "no", "q_yes-base_revision": "1"})
    assert refused.status_code == 403 and stored(app, assessment_id, "q_yes").value == "yes"
    assert client.get(f"/assessments/{assessment_id}/submit").status_code == 403


def test_contributor_cannot_submit(app, client, login_as, rich):
    assessment_id = open_assessment(app)
    _answer_all(app, assessment_id)
    login_as(role="contributor", country="KEN")
    assert client.post(f"/assessments/{assessment_id}/submit", data={}).status_code == 403
    assert state(app, assessment_id) == "draft"


def _section_of(html: str, section_id: str) -> str:
    start = html.index(f'id="{section_id}"')
    return html[start:html.index("</section>", start)]


def test_submit_refuses_unconfirmed_answers_and_missing_required_evidence(app, client, login_as, rich):
    old_id = open_assessment(app, cycle=2022)
    save(app, old_id, "q_choice", "b")
    new_id = open_assessment(app, cycle=2026)
    login_as(role="focal_point", country="KEN")
    client.post(f"/assessments/{new_id}/carry-forward")
    for qid, value in [("q_yes", "yes"), ("q_multi", ["x"]), ("q_number", 3), ("q_percent", 60), ("q_plan", "no")]:
        save(app, new_id, qid, value)
    html = client.get(f"/assessments/{new_id}/submit").get_data(as_text=True)
    assert "cannot be submitted yet" in html and 'id="missing"' not in html and "Ready to submit" not in html
    unconfirmed = _section_of(html, "unconfirmed")
    assert "1 answer carried over from the previous cycle is not confirmed yet" in unconfirmed
    assert f'href="/assessments/{new_id}/areas/services#q-q_choice"' in unconfirmed
    evidence = _section_of(html, "evidence-missing")
    assert "1 answer needs evidence" in evidence and f'href="/assessments/{new_id}/areas/services#q-q_yes"' in evidence
    overview = client.get(f"/assessments/{new_id}").get_data(as_text=True)
    assert "1 carried-over answer is not confirmed yet." in overview
    assert "1 answer still needs the evidence the questionnaire requires." in overview
    refused = client.post(f"/assessments/{new_id}/submit", data={"comment": "done"})  # went through before
    assert refused.status_code == 422 and state(app, new_id) == "draft"
    assert 'id="unconfirmed"' in refused.get_data(as_text=True)
    client.post(f"/assessments/{new_id}/answers/q_choice/confirm")
    add_evidence(app, new_id, "q_yes")
    assert "Ready to submit" in client.get(f"/assessments/{new_id}/submit").get_data(as_text=True)
    assert client.post(f"/assessments/{new_id}/submit", data={}).status_code == 302
    assert state(app, new_id) == "submitted"


def test_a_hidden_question_needs_neither_confirmation_nor_evidence(app, client, login_as, rich):
    old_id = open_assessment(app, cycle=2022)
    save(app, old_id, "q_plan", "yes")
    save(app, old_id, "q_plan_tested", "yes")
    new_id = open_assessment(app, cycle=2026)
    login_as(role="focal_point", country="KEN")
    client.post(f"/assessments/{new_id}/carry-forward")
    _answer_all(app, new_id)  # q_plan becomes "no": q_plan_tested is hidden, still carried over
    assert stored(app, new_id, "q_plan_tested").carried_over
    html = client.get(f"/assessments/{new_id}/submit").get_data(as_text=True)
    assert "Ready to submit" in html and "#q-q_plan_tested" not in html


def test_submit_page_warns_about_optional_evidence_without_blocking(app, client, login_as, rich):
    assessment_id = open_assessment(app)
    _answer_all(app, assessment_id)
    login_as(role="focal_point", country="KEN")
    html = client.get(f"/assessments/{assessment_id}/submit").get_data(as_text=True)
    warning = _section_of(html, "evidence-suggested")
    assert "Ready to submit" in html and "5 answers have no evidence" in warning
    assert f'href="/assessments/{assessment_id}/areas/services#q-q_choice"' in warning
    assert "#q-q_yes" not in warning and "#q-q_text" not in warning  # evidenced / evidence: none
    add_evidence(app, assessment_id, "q_choice")
    assert "4 answers have no evidence" in client.get(f"/assessments/{assessment_id}/submit").get_data(as_text=True)
    assert client.post(f"/assessments/{assessment_id}/submit", data={}).status_code == 302
