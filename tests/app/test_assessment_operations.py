"""Assessment operations: opening, saving with revisions, conflicts, submission, carry-forward."""

import pytest
import qfiles

from mgf_assess.assessments import carry, evidence, operations
from mgf_assess.assessments.access import answer_target
from mgf_assess.assessments.errors import AnswerConflict, AnswerProblems, NotEditable, NotReady
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.auth.models import User
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db
from mgf_assess.questionnaires import operations as qops
from mgf_assess.results.models import ScoreSnapshot


@pytest.fixture
def published(app, tmp_path):
    folder = tmp_path / "q"
    qfiles.write(folder, qfiles.definition(status="published"))
    app.config["QUESTIONNAIRES_FOLDER"] = str(folder)
    with app.app_context():
        qops.load_folder(folder)
        db.session.commit()
    return folder


def _open(cycle=2026, country="KEN"):
    return operations.create_assessment(None, country=country, family="demo", version="1.0", cycle=cycle)


def test_one_assessment_per_country_family_cycle(app, published):
    with app.app_context():
        _open()
        with pytest.raises(OperationError, match="already has"):
            _open()
        assert _open(country="MEX").id


def test_only_published_versions(app, tmp_path):
    folder = tmp_path / "q"
    qfiles.write(folder, qfiles.definition(status="draft"))
    with app.app_context():
        qops.load_folder(folder)
        with pytest.raises(OperationError, match="not a published"):
            _open()


def test_save_answer_revisions_and_conflict(app, published):
    with app.app_context():
        assessment = _open()
        first = operations.save_answer(None, assessment, "q_one", {"value": "yes"}, 0)
        assert first.revision == 1
        second = operations.save_answer(None, assessment, "q_one", {"value": "no"}, 1)
        assert second.revision == 2 and second.value == "no"
        with pytest.raises(AnswerConflict) as conflict:
            operations.save_answer(None, assessment, "q_one", {"value": "yes"}, 1)
        assert conflict.value.current.value == "no"
        db.session.commit()
        assert db.session.scalar(db.select(db.func.count()).where(AuditEvent.action == "answer.save")) == 2


def test_invalid_answer_lists_problems_and_stores_nothing(app, published):
    with app.app_context():
        assessment = _open()
        with pytest.raises(AnswerProblems) as problems:
            operations.save_answer(None, assessment, "q_one", {"value": "perhaps"}, 0)
        assert problems.value.items and problems.value.items[0]["location"]
        with pytest.raises(AnswerProblems):
            operations.save_answer(None, assessment, "q_one", {"value": None, "status": "na"}, 0)
        assert db.session.scalar(db.select(db.func.count(Answer.id))) == 0


def test_submit_lists_missing_then_snapshots_and_freezes(app, published):
    with app.app_context():
        assessment = _open()
        operations.save_answer(None, assessment, "q_one", {"value": "yes"}, 0)
        with pytest.raises(NotReady) as refused:
            operations.submit(None, assessment)
        assert [m["question"] for m in refused.value.readiness.missing] == ["q_two"]
        operations.save_answer(None, assessment, "q_two", {"value": "no"}, 0)
        snapshot = operations.submit(None, assessment)
        assert assessment.state == "submitted" and snapshot.result["overall"]["score"] == 50.0
        assert snapshot.definition_hash == assessment.questionnaire.content_hash and snapshot.engine_version
        with pytest.raises(NotEditable):
            operations.save_answer(None, assessment, "q_one", {"value": "no"}, 1)
        db.session.commit()
        assert db.session.scalar(db.select(db.func.count(ScoreSnapshot.id))) == 1


def test_contributor_edits_only_assigned_scopes(app, published, make_user):
    email = make_user(role="contributor", country="KEN")
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        assessment = _open()
        definition = definition_for(assessment)
        target = answer_target(assessment, definition, "q_one")
        assert not policy.can(user, "answer.edit", target)
        operations.set_assignments(None, assessment, user, ["area"])
        assert policy.can(user, "answer.edit", target)
        with pytest.raises(OperationError):
            operations.set_assignments(None, assessment, user, ["nope"])


def test_carry_forward_marks_answers_for_confirmation(app, published):
    with app.app_context():
        old = _open(cycle=2019)
        operations.save_answer(None, old, "q_one", {"value": "yes"}, 0)
        new = _open(cycle=2026)
        plan = carry.plan(new)
        assert plan.previous.id == old.id and plan.carried == 1
        assert carry.apply(None, new) == 1
        answer = db.session.scalar(db.select(Answer).filter_by(assessment_id=new.id))
        assert answer.carried_over and answer.value == "yes"
        with pytest.raises(AnswerConflict):  # based on a revision that is not the current one
            operations.confirm_answer(None, new, "q_one", 2)
        operations.confirm_answer(None, new, "q_one", 1)
        assert not answer.carried_over and answer.revision == 2
        events = db.session.scalars(db.select(AuditEvent.action).where(AuditEvent.object_id == f"{new.id}:q_one"))
        assert list(events) == ["answer.carry_forward", "answer.confirm"]


def test_evidence_file_checked_by_content(app, published):
    with app.app_context():
        assessment = _open()
        with pytest.raises(OperationError, match="not accepted"):
            evidence.add_evidence(None, assessment, "q_one", kind="law", citation="Act",
                                  upload=("act.pdf", b"MZ\x90\x00 not a pdf"))
        item = evidence.add_evidence(None, assessment, "q_one", kind="law", citation="Act 12",
                                     upload=("act.pdf", b"%PDF-1.4 hello"))
        assert item.content_type == "application/pdf" and item.stored_name != "act.pdf"
        db.session.commit()
        assert db.session.get(Assessment, assessment.id)
