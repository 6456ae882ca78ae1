"""The workflow table and everything that reads it: the policy, the operation, the web endpoint.

The policy's transition rules are tested for every role, state and transition; the web endpoint
``POST /assessments/<id>/transitions`` for a representative set. A transition added to the
table in a test (``reopen_for_test``, comment required, no step) shows that a new entry is
offered, checked and audited with no other change.
"""

from types import SimpleNamespace

import pytest
import qfiles
from assess_helpers import open_assessment, publish, save, state

from mgf_assess.assessments import operations, steps, workflow
from mgf_assess.assessments.errors import NotEditable
from mgf_assess.assessments.models import Assessment
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.models import AuditEvent
from mgf_assess.core.policy.assessments import transition_rules
from mgf_assess.extensions import db

EXTRA = workflow.Transition(
    name="reopen_for_test", sources=frozenset({"submitted"}), target="draft", who="assessment.manage",
    label="Reopen (test)", refusal="This assessment is %(state)s: it cannot be reopened.",
    done="Reopened.", comment_required=True)


@pytest.fixture
def with_extra_transition(monkeypatch):
    table = {**workflow.TRANSITIONS, EXTRA.name: EXTRA}
    monkeypatch.setattr(workflow, "TRANSITIONS", table)
    for action, check in transition_rules(EXTRA).items():
        monkeypatch.setitem(policy.RULES, action, check)


@pytest.fixture
def demo(app, tmp_path):
    publish(app, tmp_path / "q", qfiles.definition(status="published"))


def _answered(app, country="KEN") -> int:
    assessment_id = open_assessment(app, country=country, family="demo")
    for qid in ("q_one", "q_two"):
        save(app, assessment_id, qid, "yes")
    return assessment_id


def _set_state(app, assessment_id, value) -> None:
    with app.app_context():
        db.session.get(Assessment, assessment_id).state = value
        db.session.commit()


# ---- the table -----------------------------------------------------------------------------

@pytest.mark.parametrize("item", list(workflow.TRANSITIONS.values()), ids=lambda item: item.name)
def test_each_transition_is_complete(item):
    assert item.sources and item.sources <= set(workflow.STATES) and item.target in workflow.STATES
    assert item.who in policy.RULES, f"{item.name}: no policy rule {item.who!r}"
    assert item.step is None or callable(getattr(steps, item.step, None)), f"{item.name}: no step {item.step!r}"
    assert str(item.label) and str(item.done) and "%(state)s" in str(item.refusal)


def test_every_state_has_a_label_and_a_badge():
    assert set(workflow.STATE_LABELS) == set(workflow.STATES) == set(workflow.STATE_BADGES)
    assert workflow.EDITABLE_STATES <= set(workflow.STATES) and workflow.VALIDATED_STATES <= set(workflow.STATES)


# ---- the policy, for every role, state and transition --------------------------------------

def _user(role, country="KEN", evaluated=()):
    codes = set(evaluated) if role == "evaluator" else ({country} if country else set())
    return SimpleNamespace(is_authenticated=True, is_active=True, role=role, country_code=country,
                           country_codes=codes)


USERS = {
    "admin": _user("admin", None), "focal point": _user("focal_point"), "other focal point": _user("focal_point", "MEX"),
    "contributor": _user("contributor"), "evaluator": _user("evaluator", None, ("KEN",)),
    "analyst": _user("analyst", None),
}
MAY_SUBMIT = {"admin", "focal point"}


@pytest.mark.parametrize("who", sorted(USERS))
@pytest.mark.parametrize("current", workflow.STATES)
def test_who_may_submit_in_which_state(who, current):
    assessment = SimpleNamespace(country_code="KEN", state=current)
    allowed = who in MAY_SUBMIT and current in ("draft", "returned")
    assert policy.can(USERS[who], "transition.submit", assessment) is allowed
    assert policy.can(USERS[who], "transition.submit.who", assessment) is (who in MAY_SUBMIT)
    assert ("submit" in [t.name for t in policy.transitions_for(USERS[who], assessment)]) is allowed


@pytest.mark.parametrize("current", workflow.STATES)
def test_editing_follows_the_editable_states(current):
    target = SimpleNamespace(assessment=SimpleNamespace(country_code="KEN", state=current), domain_id="d",
                             area_id="a", assigned_scopes=lambda user: {"a"})
    for who in ("admin", "focal point", "contributor"):
        assert policy.can(USERS[who], "answer.edit", target) is (current in workflow.EDITABLE_STATES)
        assert policy.can(USERS[who], "answer.author", target)


# ---- the operation -------------------------------------------------------------------------

def test_a_transition_is_audited_with_its_states_and_comment(app, demo):
    assessment_id = _answered(app)
    with app.app_context():
        done = operations.run_transition(None, db.session.get(Assessment, assessment_id), "submit", "  Ready  ")
        db.session.commit()
        event = db.session.scalar(db.select(AuditEvent).filter_by(action="assessment.submit"))
        assert (done.previous_state, done.state) == ("draft", "submitted") and done.snapshot is not None
        assert event.old_value == {"state": "draft"} and event.reason == "Ready"
        assert event.new_value == {"state": "submitted", "snapshot": done.snapshot.id}


def test_a_transition_from_the_wrong_state_changes_nothing(app, demo):
    assessment_id = _answered(app)
    _set_state(app, assessment_id, "in_review")
    with app.app_context(), pytest.raises(NotEditable, match="in_review"):
        operations.run_transition(None, db.session.get(Assessment, assessment_id), "submit")
    assert state(app, assessment_id) == "in_review"


def test_a_required_comment_is_checked(app, demo, with_extra_transition):
    assessment_id = _answered(app)
    _set_state(app, assessment_id, "submitted")
    with app.app_context():
        found = db.session.get(Assessment, assessment_id)
        with pytest.raises(OperationError) as refused:
            operations.run_transition(None, found, EXTRA.name, "   ")
        assert "comment" in refused.value.problems
        operations.run_transition(None, found, EXTRA.name, "Sent back by mistake")
        db.session.commit()
    assert state(app, assessment_id) == "draft"


# ---- the web endpoint ----------------------------------------------------------------------

def _post(client, assessment_id, action, comment=""):
    return client.post(f"/assessments/{assessment_id}/transitions", data={"action": action, "comment": comment})


def test_the_focal_point_submits_from_the_endpoint(app, client, login_as, demo):
    assessment_id = _answered(app)
    login_as(role="focal_point", country="KEN")
    response = _post(client, assessment_id, "submit", "Done")
    assert response.status_code == 302 and state(app, assessment_id) == "submitted"
    again = _post(client, assessment_id, "submit")
    assert again.status_code == 409 and "cannot be submitted" in again.get_data(as_text=True)


@pytest.mark.parametrize(("role", "country", "status"), [
    ("contributor", "KEN", 403), ("evaluator", None, 403), ("analyst", None, 404), ("focal_point", "MEX", 404)])
def test_others_may_not_submit(app, client, login_as, make_user, demo, role, country, status):
    assessment_id = _answered(app)
    login_as(role=role, country=country, **({"evaluated": ("KEN",)} if role == "evaluator" else {}))
    assert _post(client, assessment_id, "submit").status_code == status
    assert state(app, assessment_id) == "draft"


def test_an_unknown_action_is_a_bad_request(app, client, login_as, demo):
    assessment_id = _answered(app)
    login_as(role="focal_point", country="KEN")
    assert _post(client, assessment_id, "approve").status_code == 400


def test_an_incomplete_submission_shows_the_missing_questions(app, client, login_as, demo):
    assessment_id = open_assessment(app, family="demo")
    login_as(role="focal_point", country="KEN")
    response = _post(client, assessment_id, "submit")
    assert response.status_code == 422 and "missing an answer" in response.get_data(as_text=True)


def test_a_new_table_entry_gets_a_button_and_its_checks(app, client, login_as, demo, with_extra_transition):
    assessment_id = _answered(app)
    _set_state(app, assessment_id, "submitted")
    login_as(role="focal_point", country="KEN")
    page = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert 'name="action" value="reopen_for_test"' in page and "Reopen (test)" in page
    refused = _post(client, assessment_id, EXTRA.name)
    assert refused.status_code == 422 and state(app, assessment_id) == "submitted"
    assert _post(client, assessment_id, EXTRA.name, "Wrong version").status_code == 302
    assert state(app, assessment_id) == "draft"
    assert 'value="reopen_for_test"' not in client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
