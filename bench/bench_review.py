"""Review speed: the evaluators' review queue with 600 assessments, and a section page in
review mode.

The application runs on a temporary SQLite database with the shipped questionnaires. 600
assessments (UN member states × cycles) are seeded directly as rows, in every state the queue
lists (submitted, in review, returned, reviewed, validated), with a submission event in the
audit log each, and open, resolved and internal queries and comments on a third of those in
review or returned. Measurements, each against ``/login`` (anonymous) in the same run:

* ``/review`` as an admin (all 600) — target under 150 ms;
* the largest section page of a Kenyan ``mgf 2026.1`` assessment in review, every question
  answered, with score overrides and comment threads, as the evaluator of Kenya sees it.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.bench_comparisons import _answers
from bench.common import Result, median_time

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-password-1"
ASSESSMENTS = 600
STATES = ("submitted", "in_review", "returned", "reviewed", "validated")
CYCLES = (2026, 2024, 2022, 2020)
REPEAT = 20
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        app = _app(Path(folder))
        with app.app_context():
            _seed_queue()
            section = _seed_review()
        return [_queue_page(app), _section_page(app, section)]


def _app(folder: Path):
    from mgf_assess import create_app
    from mgf_assess.core.operations import load_countries
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires import operations as qops

    app = create_app({"TESTING": True, "SECRET_KEY": "bench-only", "FAST_PASSWORD_HASHING": True,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}", "WTF_CSRF_ENABLED": False,
                      "UPLOAD_FOLDER": str(folder / "uploads"), "QUESTIONNAIRES_FOLDER": str(ROOT / "questionnaires"),
                      "MFA_REQUIRED_ROLES": ""})
    with app.app_context():
        db.create_all()
        load_countries()
        qops.load_folder(ROOT / "questionnaires")
        db.session.commit()
    return app


def _seed_queue() -> None:
    """600 assessments across countries, cycles and the queue's states, with their threads."""
    from mgf_assess.assessments.models import Assessment
    from mgf_assess.auth import operations as accounts
    from mgf_assess.core import audit
    from mgf_assess.core.models import Country
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires.queries import version_or_none

    version = version_or_none("mgf", "2026.1")
    codes = list(db.session.scalars(db.select(Country.code).filter_by(un_member=True).order_by(Country.code)))
    pairs = [(code, cycle) for cycle in CYCLES for code in codes if (code, cycle) != ("KEN", 2026)]
    for number, (code, cycle) in enumerate(pairs[:ASSESSMENTS]):
        submitted = START + timedelta(hours=7 * number)
        assessment = Assessment(country_code=code, family="mgf", questionnaire_version_id=version.id, cycle=cycle,
                                state=STATES[number % len(STATES)], submitted_at=submitted, updated_at=submitted)
        db.session.add(assessment)
        db.session.flush()
        audit.record(None, "assessment.submit", "assessment", assessment.id, country=code)
        if assessment.state in ("in_review", "returned") and number % 3 == 0:
            _threads(assessment, number % 4 + 1)
    accounts.create_user(None, email="admin@bench.example", name="Admin", role="admin", country=None,
                         password=PASSWORD)
    db.session.commit()


def _threads(assessment, count: int) -> None:
    """``count`` open queries with a reply each, a resolved query and an internal comment."""
    from mgf_assess.extensions import db
    from mgf_assess.review.models import ReviewComment

    def message(kind, status=None, internal=False, reply_to=None):
        item = ReviewComment(assessment_id=assessment.id, question_id=f"q{count}", kind=kind, status=status,
                             internal=internal, reply_to_id=reply_to, text="Please cite the decree.")
        db.session.add(item)
        db.session.flush()
        return item

    for _ in range(count):
        message("query", reply_to=message("query", "open").id)
    message("query", "resolved")
    message("comment", internal=True)


def _seed_review() -> str:
    """Kenya's 2026 assessment in review, every question answered, overrides on every fifth
    scored question, a thread on every third; its evaluator. Returns the largest section's URL."""
    from mgf_assess.assessments.models import Answer, Assessment
    from mgf_assess.auth import operations as accounts
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires.definitions import definition_of
    from mgf_assess.questionnaires.queries import version_or_none
    from mgf_assess.review.models import ReviewComment, ScoreOverride
    from mgf_assess.review.queries import scored_questions

    version = version_or_none("mgf", "2026.1")
    definition = definition_of(version)
    scored = scored_questions(definition)
    assessment = Assessment(country_code="KEN", family="mgf", questionnaire_version_id=version.id, cycle=2026,
                            state="in_review", submitted_at=START)
    db.session.add(assessment)
    db.session.flush()
    for index, (qid, value) in enumerate(_answers(definition, "KEN")["answers"].items()):
        db.session.add(Answer(assessment_id=assessment.id, question_id=qid, value=value, status="answered"))
        if index % 5 == 0 and qid in scored:
            db.session.add(ScoreOverride(assessment_id=assessment.id, question_id=qid, score=50,
                                         justification="Seen in the implementing regulation."))
        if index % 3 == 0:
            db.session.add(ReviewComment(assessment_id=assessment.id, question_id=qid, kind="query", status="open",
                                         text="Which decree puts this in force?"))
    user = accounts.create_user(None, email="evaluator@bench.example", name="Evaluator", role="evaluator",
                                country=None, password=PASSWORD)
    accounts.set_evaluator_countries(None, user, ["KEN"])
    db.session.commit()
    area = max((a for d in definition.domains for a in d.areas), key=lambda a: len(a.questions))
    return f"/assessments/{assessment.id}/areas/{area.id}"


def _login_time(app) -> float:
    anonymous = app.test_client()
    return median_time(lambda: anonymous.get("/login"), REPEAT)


def _signed_in(app, email: str):
    client = app.test_client()
    client.post("/login", data={"email": email, "password": PASSWORD})
    return client


def _queue_page(app) -> Result:
    client = _signed_in(app, "admin@bench.example")
    response = client.get("/review")
    assert response.status_code == 200 and response.data.count(b"<tr>") >= ASSESSMENTS, response.status_code
    page = median_time(lambda: client.get("/review"), REPEAT)
    return Result(f"review queue /review, admin, {ASSESSMENTS} assessments ({len(response.data) // 1024} KiB)",
                  page, "/login", _login_time(app), "< 150 ms")


def _section_page(app, url: str) -> Result:
    client = _signed_in(app, "evaluator@bench.example")
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    page = median_time(lambda: client.get(url), REPEAT)
    return Result(f"section page in review, evaluator ({url.rsplit('/', 1)[-1]}, {len(response.data) // 1024} KiB)",
                  page, "/login", _login_time(app))
