"""What changed since the return, on the pages: the overview's panel and the section filter."""

import re

import pytest
from conftest import login
from review_support import policy_user, reviewable, set_state, user

from mgf_assess.assessments import evidence, operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.extensions import db
from mgf_assess.review import recent
from mgf_assess.review.threads import operations as threads


@pytest.fixture
def people(app, make_user):
    app.config["MFA_REQUIRED_ROLES"] = ()
    return {"evaluator": make_user(role="evaluator", country=None, evaluated=("KEN",), name="Eva Luator"),
            "focal": make_user(role="focal_point", country="KEN", name="Fatima Focal")}


def _returned_and_resubmitted(app, folder, people) -> int:
    """An assessment the evaluator queried and returned, in which the focal point changed q_yes,
    added evidence on q_border and replied to the query on q_num, then submitted again."""
    assessment_id = reviewable(app, folder)
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        evaluator, focal = user(people["evaluator"]), user(people["focal"])
        query = threads.open_thread(evaluator, assessment, "q_num", kind="query", text="Where does 15 come from?")
        operations.run_transition(evaluator, assessment, "return", comment="Check q_yes and q_num")
        operations.save_answer(focal, assessment, "q_yes", {"value": "no"}, 1)
        evidence.add_evidence(focal, assessment, "q_border", kind="policy", citation="Border policy 2024")
        threads.reply(focal, assessment, query, "From the 2025 census.")
        db.session.commit()
    set_state(app, assessment_id, "submitted")
    return assessment_id


def _panel(page: str) -> str:
    found = re.search(r'<section class="panel changes".*?</section>', page, re.S)
    return found.group(0) if found else ""


def test_the_panel_lists_each_change_with_its_author(app, client, tmp_path, people):
    assessment_id = _returned_and_resubmitted(app, tmp_path / "q", people)
    login(client, people["evaluator"])
    panel = _panel(client.get(f"/assessments/{assessment_id}").get_data(as_text=True))
    assert "Changed since the return" in panel
    assert "1 answer changed" in panel and "1 piece of evidence added" in panel and "1 reply to a query" in panel
    answer = re.search(r'<li class="change" data-change="answer" data-question="q_yes">.*?</li>', panel, re.S).group(0)
    assert "#q-q_yes" in answer and "1.1.1 Question q_yes" in answer
    assert re.search(r'change__old">Yes<.*change__new">No<', answer, re.S) and "Fatima Focal" in answer
    assert "evidence added: Border policy 2024" in panel and 'data-change="reply" data-question="q_num"' in panel
    assert f"/assessments/{assessment_id}/areas/services?changed=return" in panel
    assert f"/assessments/{assessment_id}/areas/borders?changed=return" in panel


def test_a_contributor_sees_neither_the_panel_nor_the_filter(app, client, tmp_path, people, login_as):
    assessment_id = _returned_and_resubmitted(app, tmp_path / "q", people)
    login_as(role="contributor", country="KEN")
    response = client.get(f"/assessments/{assessment_id}")
    assert response.status_code == 200 and not _panel(response.get_data(as_text=True))
    section = client.get(f"/assessments/{assessment_id}/areas/services?changed=return").get_data(as_text=True)
    assert "Show all questions" not in section and 'id="q-q_na"' in section


@pytest.mark.parametrize(("role", "own", "shown"), [("admin", True, True), ("evaluator", True, True),
                                                    ("evaluator", False, False), ("focal_point", True, True),
                                                    ("focal_point", False, False), ("contributor", True, False),
                                                    ("analyst", True, False)])
def test_who_may_see_the_changes(app, tmp_path, people, role, own, shown):
    assessment_id = _returned_and_resubmitted(app, tmp_path / "q", people)
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        panel = recent.changes_panel(policy_user(role, own), assessment, definition_for(assessment))
        assert (panel is not None) == shown
        assert (recent.shown_changes(policy_user(role, own), assessment) is not None) == shown


@pytest.mark.parametrize("state", ["in_review", "returned", "validated"])
def test_the_panel_is_shown_once_submitted_again_and_never_without_a_return(app, client, tmp_path, people, state):
    never = reviewable(app, tmp_path / "q", country="KEN")
    login(client, people["evaluator"])
    assert not _panel(client.get(f"/assessments/{never}").get_data(as_text=True))
    with app.app_context():
        assessment = db.session.get(Assessment, never)
        operations.run_transition(user(people["evaluator"]), assessment, "return", comment="Look again")
        db.session.commit()
    set_state(app, never, state)
    shown = bool(_panel(client.get(f"/assessments/{never}").get_data(as_text=True)))
    assert shown == (state == "in_review")


def test_the_focal_point_sees_the_panel_too(app, client, tmp_path, people):
    assessment_id = _returned_and_resubmitted(app, tmp_path / "q", people)
    login(client, people["focal"])
    assert "1 answer changed" in _panel(client.get(f"/assessments/{assessment_id}").get_data(as_text=True))


def test_the_section_filter_shows_only_the_changed_questions(app, client, tmp_path, people):
    assessment_id = _returned_and_resubmitted(app, tmp_path / "q", people)
    login(client, people["evaluator"])
    url = f"/assessments/{assessment_id}/areas/services"
    everything = client.get(url).get_data(as_text=True)
    assert f"{url}?changed=return" in everything and 'id="q-q_na"' in everything
    only = client.get(f"{url}?changed=return").get_data(as_text=True)
    assert 'id="q-q_yes"' in only and 'id="q-q_num"' in only and 'id="q-q_na"' not in only
    assert "Before the return: Yes" in only and "reply to a query" in only
    assert f'href="{url}"' in only and "Show all questions" in only
    assert "1.1.3" in only  # the questions keep their numbers
    borders = client.get(f"/assessments/{assessment_id}/areas/borders?changed=return").get_data(as_text=True)
    assert 'id="q-q_border"' in borders and 'id="q-q_note"' not in borders and "evidence added" in borders


def test_the_panel_lists_at_most_its_limit_and_says_how_many_more(app, client, tmp_path, people, monkeypatch):
    monkeypatch.setattr(recent, "PANEL_LIMIT", 2)
    assessment_id = _returned_and_resubmitted(app, tmp_path / "q", people)
    login(client, people["evaluator"])
    panel = _panel(client.get(f"/assessments/{assessment_id}").get_data(as_text=True))
    assert panel.count('<li class="change"') == 2 and "And 1 more change" in panel
    assert "1 reply to a query" in panel  # the counts are of every change
    assert f"/assessments/{assessment_id}/areas/services?changed=return" in panel
