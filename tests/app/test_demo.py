"""`mgf demo`: countries in every region, both cycles in their states (every workflow state, 2019
mostly validated), evidence, the Kenyan draft with its contributor, the review's content
(queries open and resolved, replies, internal comments, overrides, evidence verdicts), the
demo evaluator's work, publication, idempotence, determinism, and scores for every assessment.

The demo is seeded once for the module (it takes a few seconds); the tests only read it, except
the determinism test, which empties the database and seeds again, ending in the same state.
"""

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import empty_tables
from sqlalchemy import func

from mgf_assess.assessments.models import Answer, Assessment, Assignment, Evidence
from mgf_assess.assessments.scoring_bridge import definition_for, score_assessment
from mgf_assess.assessments.workflow import STATES
from mgf_assess.auth.models import User
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db
from mgf_assess.mail.models import OutboxMessage
from mgf_assess.notifications.models import Notification
from mgf_assess.results.models import ScoreSnapshot
from mgf_assess.review.models import ReviewComment, ReviewMark, ScoreOverride

REGIONS = {"002", "019", "142", "150", "009"}  # Africa, Americas, Asia, Europe, Oceania
MAPPING = Path("mgf") / "mappings" / "2015.1-to-2026.1.yaml"


@pytest.fixture(scope="module")
def demo(_schema, database_url, tmp_path_factory):
    """An application whose database holds the demo data; yields (app, output of the command)."""
    from mgf_assess import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret-key-not-for-production",
                      "SQLALCHEMY_DATABASE_URI": database_url, "FAST_PASSWORD_HASHING": True,
                      "UPLOAD_FOLDER": str(tmp_path_factory.mktemp("demo") / "uploads")})
    try:
        result = app.test_cli_runner().invoke(args=["mgf", "demo"])
        assert result.exit_code == 0, result.output
        yield app, result.output
    finally:  # leave the database empty for the other modules, even when seeding failed
        with app.app_context():
            db.session.remove()
            empty_tables(db)
            db.engine.dispose()


@pytest.fixture
def ctx(demo):
    app, _output = demo
    with app.app_context():
        yield app


def _assessments() -> list[Assessment]:
    return list(db.session.scalars(db.select(Assessment).order_by(Assessment.country_code, Assessment.cycle)))


def _count(model, **filters) -> int:
    return db.session.scalar(db.select(func.count()).select_from(model).filter_by(**filters))


def test_countries_in_every_region_and_summary(demo, ctx):
    countries = {a.country for a in _assessments()}
    assert len(countries) >= 30
    assert {c.region_code for c in countries} == REGIONS
    assert len({c.sub_region_code for c in countries}) >= 10
    assert {"KEN", "MEX", "SEN", "JOR"} <= {c.code for c in countries}
    output = demo[1]
    assert "countries in 5 regions" in output and "focal.ken@demo.mgf" in output


def _states() -> dict[int, dict[str, int]]:
    by_cycle: dict[int, dict[str, int]] = {}
    for assessment in _assessments():
        states = by_cycle.setdefault(assessment.cycle, {})
        states[assessment.state] = states.get(assessment.state, 0) + 1
    return by_cycle


def test_both_cycles_versions_and_every_state(ctx):
    assert all((a.cycle, a.questionnaire.version) in {(2019, "2015.1"), (2026, "2026.1")} for a in _assessments())
    by_cycle = _states()
    assert set(by_cycle) == {2019, 2026}
    assert by_cycle[2019]["validated"] >= 0.8 * sum(by_cycle[2019].values())  # 2019: validated for most
    assert set(by_cycle[2026]) == set(STATES)  # 2026: a mix of every state
    assert by_cycle[2026]["draft"] >= 10 and by_cycle[2026]["validated"] >= 5


@pytest.mark.parametrize(("state", "kinds"), [
    ("submitted", {"submitted"}), ("in_review", {"submitted"}), ("returned", {"submitted"}),
    ("reviewed", {"submitted", "reviewed"}), ("validated", {"submitted", "reviewed", "validated"})])
def test_each_state_has_the_snapshots_of_its_transitions(ctx, state, kinds):
    found = [a for a in _assessments() if a.state == state and a.cycle == 2026]
    assert found
    for assessment in found:
        query = db.select(ScoreSnapshot.kind).filter_by(assessment_id=assessment.id)
        assert set(db.session.scalars(query)) == kinds, assessment.country_code


def _demo_assessment(code: str, cycle: int = 2026) -> Assessment:
    return db.session.scalar(db.select(Assessment).filter_by(country_code=code, cycle=cycle))


def test_kenya_2026_is_a_draft_with_work_for_the_contributor(ctx):
    kenya = _demo_assessment("KEN")
    assignments = list(db.session.scalars(db.select(Assignment).filter_by(assessment_id=kenya.id)))
    assert kenya.state == "draft" and 1 <= len(assignments) <= 2
    assert {a.user.email for a in assignments} == {"contributor.ken@demo.mgf"}
    scopes = {a.scope_id for a in assignments}
    in_scopes = [q.id for _d, area, q in definition_for(kenya).iter_questions() if area.id in scopes]
    answered = {a.question_id for a in db.session.scalars(db.select(Answer).filter_by(assessment_id=kenya.id))}
    assert set(in_scopes) - answered, "the contributor's areas should still have open questions"
    total = len(definition_for(kenya).question_map)
    assert 0 < len(answered) < total


def test_the_demo_focal_points_and_evaluator_have_work_waiting(ctx):
    states = {code: _demo_assessment(code).state for code in ("KEN", "MEX", "SEN", "JOR")}
    # Kenya is filled in, Mexico awaits the review, Senegal is in it, Jordan awaits validation.
    assert states == {"KEN": "draft", "MEX": "submitted", "SEN": "in_review", "JOR": "reviewed"}
    senegal = _demo_assessment("SEN")
    evaluator = db.session.scalar(db.select(User).filter_by(email="evaluator@demo.mgf"))
    queries = _roots(senegal, kind="query")
    assert {q.status for q in queries} == {"open", "resolved"}
    assert {q.author_id for q in queries} == {evaluator.id}
    assert _count(Notification, user_id=evaluator.id) > 0
    if (Path(ctx.config["QUESTIONNAIRES_FOLDER"]) / MAPPING).is_file():  # the mapping may not exist yet
        carried = [a for a in _assessments() if a.carried_from_id is not None]
        assert len(carried) >= 5 and all(a.state == "draft" and a.cycle == 2026 for a in carried)


def _roots(assessment: Assessment, **filters) -> list[ReviewComment]:
    query = db.select(ReviewComment).filter_by(assessment_id=assessment.id, reply_to_id=None, **filters)
    return list(db.session.scalars(query))


def _replies(root: ReviewComment) -> list[ReviewComment]:
    return list(db.session.scalars(db.select(ReviewComment).filter_by(reply_to_id=root.id)))


def test_country_replies_are_in_the_focal_points_language(ctx):
    senegal = _demo_assessment("SEN")
    focal = db.session.scalar(db.select(User).filter_by(email="focal.sen@demo.mgf"))
    replies = [reply for root in _roots(senegal, kind="query") for reply in _replies(root)]
    assert replies and all(reply.author_id == focal.id for reply in replies)
    assert any(" le " in reply.text or " la " in reply.text for reply in replies)  # written in French


def test_review_content_in_every_reviewed_assessment(ctx):
    for assessment in _assessments():
        if assessment.state in ("draft", "submitted"):
            assert _count(ReviewComment, assessment_id=assessment.id) == 0
            assert _count(ScoreOverride, assessment_id=assessment.id) == 0
            continue
        roots = _roots(assessment)
        assert any(root.internal for root in roots) and any(root.kind == "query" for root in roots)
        assert _count(ScoreOverride, assessment_id=assessment.id) >= 1
        assert _count(ReviewMark, assessment_id=assessment.id) >= 5
        assert _count(Evidence, assessment_id=assessment.id, accepted=True) >= 1


@pytest.mark.parametrize("state", ["reviewed", "validated"])
def test_a_finished_review_resolved_its_queries_and_judged_all_evidence(ctx, state):
    for assessment in (a for a in _assessments() if a.state == state):
        assert {q.status for q in _roots(assessment, kind="query")} == {"resolved"}
        assert all(_replies(q) for q in _roots(assessment, kind="query"))
        assert _count(Evidence, assessment_id=assessment.id, accepted=None) == 0


def test_queries_open_and_resolved_rejections_with_notes_and_overrides_justified(ctx):
    query = db.select(ReviewComment).filter_by(kind="query", reply_to_id=None)
    statuses = {root.status for root in db.session.scalars(query)}
    assert statuses == {"open", "resolved"}
    rejected = list(db.session.scalars(db.select(Evidence).filter_by(accepted=False)))
    assert rejected and all(item.review_note and item.reviewed_by_id for item in rejected)
    overrides = list(db.session.scalars(db.select(ScoreOverride)))
    assert len(overrides) >= 20 and all(o.justification and 0 <= o.score <= 100 for o in overrides)
    returned = [a for a in _assessments() if a.state == "returned"]
    assert returned and all(_roots(a, kind="query", status="open") for a in returned)


def test_every_review_write_is_audited(ctx):
    assert _count(AuditEvent, action="override.set") == _count(ScoreOverride)
    assert _count(AuditEvent, action="comment.create") == _count(ReviewComment)
    assert _count(AuditEvent, action="review.mark") == _count(ReviewMark)
    reviewed = db.session.scalar(db.select(func.count()).select_from(Evidence).filter(Evidence.accepted.is_not(None)))
    assert _count(AuditEvent, action="evidence.review") == reviewed
    assert _count(AuditEvent, action="assessment.reopen") == 1


def test_the_history_notifies_in_the_application_but_sends_no_mail(demo, ctx):
    assert _count(Notification) > 0
    assert _count(OutboxMessage, kind="notification", status="pending") == 0
    assert _count(OutboxMessage, kind="notification", status="withheld") == _count(Notification)
    withheld = db.session.scalars(db.select(OutboxMessage).filter_by(status="withheld")).first()
    assert withheld.body_text == withheld.body_html == "" and "demo" in withheld.last_error
    assert "mails about the demo's history withheld" in demo[1]


def test_the_demo_publishes_most_validated_results(demo, ctx):
    validated = [a for a in _assessments() if a.state == "validated"]
    published = [a for a in validated if a.published_at is not None]
    assert len(published) >= 0.5 * len(validated) and any(a.cycle == 2026 for a in published)
    assert all(a.state == "validated" for a in _assessments() if a.published_at is not None)
    assert "validated assessments published" in demo[1] and "Demo reviews:" in demo[1]


def test_evidence_with_citations_links_and_files(ctx):
    items = list(db.session.scalars(db.select(Evidence)))
    assert len(items) >= 5 * len(_assessments())
    assert any(item.url and item.url.startswith("https://example.org/") for item in items)
    files = [item for item in items if item.stored_name]
    assert {item.content_type for item in files} == {"application/pdf", "image/png"}
    for item in files:
        data = (Path(ctx.config["UPLOAD_FOLDER"]) / item.stored_name).read_bytes()
        assert data.startswith((b"%PDF-", b"\x89PNG")) and len(data) == item.size


def test_every_assessment_scores_and_scores_differ(ctx):
    overall = []
    for assessment in _assessments():
        result = score_assessment(assessment)
        if assessment.state == "validated" and assessment.cycle == 2019:
            overall.append(result["overall"]["score"])
    assert max(overall) - min(overall) >= 30 and len(set(overall)) >= 20


def test_answers_respect_statuses_and_relevance(ctx):
    answers = list(db.session.scalars(db.select(Answer)))
    assert all(a.justification for a in answers if a.status == "na")
    assert any(a.status == "unknown" for a in answers) and any(a.status == "na" for a in answers)
    for assessment in _assessments():
        # Only answers carried over (still to confirm) may sit on questions relevance now hides.
        entered = {a.question_id for a in answers if a.assessment_id == assessment.id and not a.carried_over}
        for domain in score_assessment(assessment)["domains"]:
            hidden = {q["id"] for area in domain["areas"] for q in area["questions"]
                      if q["status"] == "not_relevant"}
            assert not hidden & entered, (assessment.country_code, hidden & entered)
    assert all(a.value for a in answers if a.question_id == "wog_migration_profile")


def test_one_seeding_audit_event_per_assessment_and_one_per_review(ctx):
    assert _count(AuditEvent, action="assessment.demo_seed") == len(_assessments())
    reviewed = [a for a in _assessments() if a.state not in ("draft", "submitted")]
    assert _count(AuditEvent, action="assessment.demo_review") == len(reviewed)


def _totals() -> tuple:
    models = (Assessment, Answer, Evidence, Assignment, ScoreSnapshot, AuditEvent, User, ReviewComment,
              ScoreOverride, ReviewMark, Notification)
    verdicts = db.select(func.count()).select_from(Evidence).filter(Evidence.accepted.is_not(None))
    return (*(_count(model) for model in models), db.session.scalar(verdicts))


def test_second_run_adds_nothing(demo, ctx):
    before = _totals()
    db.session.rollback()  # end the read: SQLite transactions take the write lock up front
    result = ctx.test_cli_runner().invoke(args=["mgf", "demo"])
    assert result.exit_code == 0, result.output
    assert "Demo assessments: 0 added" in result.output and "Demo reviews: 0 added" in result.output
    assert "0 validated assessments published" in result.output and _totals() == before


def _digest() -> str:
    """A fingerprint of everything seeded that does not depend on ids or the clock."""
    query = db.select(Assessment.country_code, Assessment.cycle, Assessment.state, Answer.question_id,
                      Answer.status, Answer.value, Answer.justification, Answer.carried_over,
                      Answer.carry_note).join(Answer, Answer.assessment_id == Assessment.id)
    rows = [json.dumps(list(row), sort_keys=True, default=str) for row in db.session.execute(query)]
    query = db.select(Assessment.country_code, Assessment.cycle, Evidence.question_id, Evidence.kind,
                      Evidence.citation, Evidence.url, Evidence.file_name, Evidence.size).join(Evidence)
    rows += [json.dumps(list(row), default=str) for row in db.session.execute(query)]
    query = db.select(Assessment.country_code, Assessment.cycle, Evidence.question_id, Evidence.citation,
                      Evidence.accepted, Evidence.review_note).join(Evidence)
    rows += [json.dumps(list(row), default=str) for row in db.session.execute(query)]
    query = db.select(Assessment.country_code, Assessment.cycle, Assessment.published_at.is_(None),
                      ReviewComment.question_id, ReviewComment.kind, ReviewComment.status, ReviewComment.internal,
                      ReviewComment.reply_to_id.is_(None), ReviewComment.text).join(ReviewComment)
    rows += [json.dumps(list(row), default=str) for row in db.session.execute(query)]
    query = db.select(Assessment.country_code, Assessment.cycle, ScoreOverride.question_id, ScoreOverride.score,
                      ScoreOverride.justification).join(ScoreOverride)
    rows += [json.dumps(list(row), default=str) for row in db.session.execute(query)]
    return hashlib.sha256("\n".join(sorted(rows)).encode()).hexdigest()


def test_seeding_is_deterministic(ctx):
    first = _digest()
    db.session.rollback()
    empty_tables(db)  # a fresh database again (countries are reference data, kept)
    result = ctx.test_cli_runner().invoke(args=["mgf", "demo"])
    assert result.exit_code == 0, result.output
    assert _count(Assessment) > 60 and _digest() == first


# ---------------------------------------------------------------- the generators alone (no database)


def _question(qid, qtype, **extra) -> dict:
    return {"id": qid, "type": qtype, "label": {"en": qid}, **extra}


def _definition(questions: list[dict]):
    from scoring.api import Definition

    return Definition.model_validate({
        "format_version": 1, "id": "demo", "version": "1", "status": "published", "title": {"en": "Demo"},
        "bands": [{"code": "low", "min": 0, "label": {"en": "Low"}}], "target_band": "low",
        "domains": [{"id": "dom", "title": {"en": "D"}, "areas": [{"id": "area", "title": {"en": "A"},
                                                                    "questions": questions}]}]})


def test_generator_gives_valid_answers_of_every_type():
    from mgf_assess.demo.answers import Profile, answers_for

    options = [{"code": "a", "label": {"en": "A"}}, {"code": "b", "label": {"en": "B"}}]
    definition = _definition([
        _question("kind", "single_choice", options=options), _question("since", "date"),
        _question("note", "text"), _question("roles", "multi_choice", options=options),
        _question("gap", "number", scoring={"method": "linear", "best": 0, "worst": 10}),
        _question("share", "percent", scoring={"method": "linear", "best": 100, "worst": 0}),
        _question("count", "number"), _question("ok", "yes_no", relevant="${kind} = 'a'")])
    for code in ("KEN", "MEX", "SEN", "JOR", "DEU", "PHL"):
        answers = answers_for(definition, Profile(code, code, 2026, ("origin",)))
        assert {"kind", "since", "note", "roles", "gap", "share", "count"} <= set(answers)
        assert ("ok" in answers) == (answers["kind"].value == "a")
        assert 0 <= answers["gap"].value <= 10 and str(answers["since"].value) < "2026"


def test_numbers_reach_every_step_of_the_shipped_scales():
    from mgf_assess.config import REPO_ROOT
    from mgf_assess.demo.numbers import numeric_value
    from scoring.api import load_definition, matched_threshold

    for version in ("2015.1", "2026.1"):
        definition = load_definition(REPO_ROOT / "questionnaires" / "mgf" / f"{version}.yaml")
        for question in definition.question_map.values():
            if question.scoring is None or question.scoring.method != "thresholds":
                continue
            for index, threshold in enumerate(question.scoring.thresholds):
                for u in (0.0, 0.5, 0.99):
                    value = numeric_value(question, float(threshold.score), u)
                    assert matched_threshold(question, Decimal(str(value))) == index, (question.id, value)

