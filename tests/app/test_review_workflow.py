"""The review's transitions (start_review, return, accept, validate, reopen): the policy for every
role, own and other country, and state; the operation; the API and the overview's buttons."""

import pytest
from api_support import bearer, token_for
from review_support import ROLES, actions, add_query, policy_user, reviewable, set_state, user

from mgf_assess.assessments import operations, workflow
from mgf_assess.assessments.errors import NotEditable, OpenQueries
from mgf_assess.assessments.models import Assessment
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.models import AuditEvent
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.results.models import ScoreSnapshot

REVIEW = ("start_review", "return", "accept", "validate", "reopen")
SOURCES = {"start_review": "submitted", "return": "in_review", "accept": "in_review", "validate": "reviewed",
           "reopen": "validated"}


def _may(name: str, role: str, own: bool) -> bool:
    """Who may make each review transition, whatever the state."""
    if name == "reopen":
        return role == "admin"
    if name == "validate":
        return role == "admin" or (role == "focal_point" and own)
    return role == "admin" or (role == "evaluator" and own)


@pytest.mark.parametrize("name", REVIEW)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("own", [True, False], ids=["own", "other"])
@pytest.mark.parametrize("state", workflow.STATES)
def test_who_may_make_each_review_transition_in_which_state(name, role, own, state):
    user_ = policy_user(role, own)
    assessment = type("A", (), {"country_code": "KEN", "state": state, "published_at": None})()
    allowed = _may(name, role, own)
    assert policy.can(user_, f"transition.{name}.who", assessment) is allowed
    assert policy.can(user_, f"transition.{name}", assessment) is (allowed and state == SOURCES[name])
    assert (name in [t.name for t in policy.transitions_for(user_, assessment)]) is (allowed and state == SOURCES[name])


@pytest.mark.parametrize("name", REVIEW)
def test_each_review_transition_goes_where_the_workflow_says(name):
    item = workflow.TRANSITIONS[name]
    assert item.sources == {SOURCES[name]}
    assert item.comment_required is (name in ("return", "reopen"))


# ---- the operation -------------------------------------------------------------------------

def _run(app, assessment_id, name, comment=None, actor_email=None):
    with app.app_context():
        actor = user(actor_email) if actor_email else None
        done = operations.run_transition(actor, db.session.get(Assessment, assessment_id), name, comment)
        db.session.commit()
        return done.previous_state, done.state, done.snapshot.kind if done.snapshot else None


def test_the_whole_review_cycle_is_audited(app, tmp_path):
    assessment_id = reviewable(app, tmp_path / "q", "submitted")
    assert _run(app, assessment_id, "start_review") == ("submitted", "in_review", None)
    assert _run(app, assessment_id, "return", "Explain q_yes") == ("in_review", "returned", None)
    set_state(app, assessment_id, "in_review")
    assert _run(app, assessment_id, "accept") == ("in_review", "reviewed", "reviewed")
    assert _run(app, assessment_id, "validate") == ("reviewed", "validated", "validated")
    assert _run(app, assessment_id, "reopen", "Wrong figures") == ("validated", "in_review", None)
    assert actions(app, "assessment.")[-5:] == ["assessment.start_review", "assessment.return", "assessment.accept",
                                               "assessment.validate", "assessment.reopen"]
    with app.app_context():
        event = db.session.scalars(db.select(AuditEvent).filter_by(action="assessment.reopen")).one()
        assert event.reason == "Wrong figures" and event.old_value == {"state": "validated"}


@pytest.mark.parametrize("name", ["return", "reopen"])
def test_return_and_reopen_need_a_reason(app, tmp_path, name):
    assessment_id = reviewable(app, tmp_path / "q", SOURCES[name])
    with app.app_context(), pytest.raises(OperationError) as refused:
        operations.run_transition(None, db.session.get(Assessment, assessment_id), name, "  ")
    assert "comment" in refused.value.problems


def test_accept_is_refused_while_a_query_is_open(app, tmp_path):
    assessment_id = reviewable(app, tmp_path / "q")
    open_one = add_query(app, assessment_id, "q_yes")
    add_query(app, assessment_id, "q_na", status="resolved")
    add_query(app, assessment_id, "q_yes", reply_to_id=open_one)  # a reply is not a query of its own
    with app.app_context():
        with pytest.raises(OpenQueries) as refused:
            operations.run_transition(None, db.session.get(Assessment, assessment_id), "accept")
        assert [query.id for query in refused.value.queries] == [open_one]
        db.session.rollback()
    assert _state(app, assessment_id) == "in_review"


def test_accept_keeps_self_assessed_and_validated_scores(app, tmp_path):
    assessment_id = reviewable(app, tmp_path / "q")
    _run(app, assessment_id, "accept")
    with app.app_context():
        snapshot = db.session.scalars(db.select(ScoreSnapshot).filter_by(assessment_id=assessment_id)).one()
        overall = snapshot.result["overall"]
        assert snapshot.kind == "reviewed" and overall["score"] is not None and "self_score" in overall


def test_reopen_withdraws_the_publication_first(app, tmp_path):
    assessment_id = reviewable(app, tmp_path / "q", "validated")
    with app.app_context():
        db.session.get(Assessment, assessment_id).published_at = utcnow()
        db.session.commit()
    _run(app, assessment_id, "reopen", "A figure was wrong")
    with app.app_context():
        assert db.session.get(Assessment, assessment_id).published_at is None
    assert actions(app, "assessment.")[-2:] == ["assessment.unpublish", "assessment.reopen"]


@pytest.mark.parametrize("name", REVIEW)
def test_a_review_transition_from_another_state_changes_nothing(app, tmp_path, name):
    assessment_id = reviewable(app, tmp_path / "q", "draft")
    with app.app_context(), pytest.raises(NotEditable, match="draft"):
        operations.run_transition(None, db.session.get(Assessment, assessment_id), name, "Reason")
    assert _state(app, assessment_id) == "draft"


def _state(app, assessment_id):
    with app.app_context():
        return db.session.get(Assessment, assessment_id).state


# ---- over HTTP -----------------------------------------------------------------------------

@pytest.fixture
def api_as(app, client, make_user):
    """Factory: post a transition through the API as a new user of ``role``."""

    def post(role, assessment_id, action, comment=None, country="KEN"):
        country_of = country if role in ("focal_point", "contributor") else None
        email = make_user(role=role, country=country_of, evaluated=(country,) if role == "evaluator" else ())
        body = {"action": action} | ({"comment": comment} if comment is not None else {})
        return client.post(f"/api/v1/assessments/{assessment_id}/transitions", json=body,
                           headers=bearer(token_for(app, email)))

    return post


@pytest.mark.parametrize(("role", "country", "state", "action", "comment", "status"), [
    ("evaluator", "KEN", "submitted", "start_review", None, 200),
    ("evaluator", "MEX", "submitted", "start_review", None, 404),
    ("focal_point", "KEN", "submitted", "start_review", None, 403),
    ("evaluator", "KEN", "draft", "start_review", None, 409),
    ("evaluator", "KEN", "in_review", "return", None, 422),
    ("evaluator", "KEN", "in_review", "return", "Explain q_yes", 200),
    ("contributor", "KEN", "in_review", "accept", None, 403),
    ("evaluator", "KEN", "in_review", "accept", None, 200),
    ("focal_point", "KEN", "reviewed", "validate", None, 200),
    ("evaluator", "KEN", "reviewed", "validate", None, 403),
    ("focal_point", "KEN", "in_review", "validate", None, 409),
    ("admin", "KEN", "validated", "reopen", "Wrong figures", 200),
    ("evaluator", "KEN", "validated", "reopen", "Wrong figures", 403),
    ("focal_point", "KEN", "validated", "reopen", "Wrong figures", 403),
])
def test_review_transitions_over_the_api(app, tmp_path, api_as, role, country, state, action, comment, status):
    assessment_id = reviewable(app, tmp_path / "q", state)
    response = api_as(role, assessment_id, action, comment, country)
    assert response.status_code == status, response.get_json()
    target = workflow.TRANSITIONS[action].target
    assert _state(app, assessment_id) == (target if status == 200 else state)


def test_accept_over_the_api_lists_the_open_queries(app, tmp_path, api_as):
    assessment_id = reviewable(app, tmp_path / "q")
    query_id = add_query(app, assessment_id, "q_num")
    response = api_as("evaluator", assessment_id, "accept")
    error = response.get_json()["error"]
    assert response.status_code == 422 and "open" in error["title"]
    assert error["open_queries"] == [{"id": query_id, "question": "q_num", "text": "Please explain q_num."}]
    assert _state(app, assessment_id) == "in_review"


def test_the_overview_offers_the_evaluator_the_review_buttons(app, client, tmp_path, login_as):
    assessment_id = reviewable(app, tmp_path / "q")
    app.config["MFA_REQUIRED_ROLES"] = ()
    login_as(role="evaluator", country=None, evaluated=("KEN",))
    page = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert 'value="return"' in page and 'value="accept"' in page and 'value="start_review"' not in page
    assert 'id="comment-return"' in page and 'name="comment" rows="2" maxlength="10000" required' in page
    refused = client.post(f"/assessments/{assessment_id}/transitions", data={"action": "return", "comment": ""})
    assert refused.status_code == 422 and _state(app, assessment_id) == "in_review"
    add_query(app, assessment_id)
    waiting = client.post(f"/assessments/{assessment_id}/transitions", data={"action": "accept"})
    assert waiting.status_code == 422 and "1 query is still open" in waiting.get_data(as_text=True)
    done = client.post(f"/assessments/{assessment_id}/transitions", data={"action": "return", "comment": "See q_yes"})
    assert done.status_code == 302 and _state(app, assessment_id) == "returned"


@pytest.mark.parametrize(("role", "state", "action", "comment", "target"), [
    ("focal_point", "reviewed", "validate", "", "validated"),
    ("admin", "validated", "reopen", "A figure was wrong", "in_review"),
    ("evaluator", "submitted", "start_review", "", "in_review")])
def test_the_overview_buttons_of_each_role(app, client, tmp_path, login_as, role, state, action, comment, target):
    assessment_id = reviewable(app, tmp_path / "q", state)
    app.config["MFA_REQUIRED_ROLES"] = ()
    login_as(role=role, country="KEN" if role == "focal_point" else None,
             **({"evaluated": ("KEN",)} if role == "evaluator" else {}))
    page = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert f'value="{action}"' in page
    if comment:
        assert client.post(f"/assessments/{assessment_id}/transitions", data={"action": action}).status_code == 422
    done = client.post(f"/assessments/{assessment_id}/transitions", data={"action": action, "comment": comment})
    assert done.status_code == 302 and _state(app, assessment_id) == target


def test_another_countrys_evaluator_gets_404_on_the_page(app, client, tmp_path, login_as):
    assessment_id = reviewable(app, tmp_path / "q", "submitted")
    app.config["MFA_REQUIRED_ROLES"] = ()
    login_as(role="evaluator", country=None, evaluated=("MEX",))
    response = client.post(f"/assessments/{assessment_id}/transitions", data={"action": "start_review"})
    assert response.status_code == 404 and _state(app, assessment_id) == "submitted"
