"""Helpers of the backup and export tests: scratch databases of the test database's kind, an
application on one of them, a seeded assessment (answers, evidence files, review comments,
score overrides, a snapshot), and every table's rows."""

from __future__ import annotations

import contextlib
import uuid
from decimal import Decimal

import qfiles
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PDF = b"%PDF-1.4 minimal test document "
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@contextlib.contextmanager
def scratch_database(database_url: str, folder):
    """A new, empty database of the same kind as ``database_url``, dropped afterwards."""
    if database_url.startswith("sqlite"):
        yield "sqlite:///" + str(folder / f"{uuid.uuid4().hex[:8]}.sqlite3")
        return
    name = f"mgf_backup_{uuid.uuid4().hex[:8]}"
    admin = create_engine(make_url(database_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(database_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def make_app(url: str, folder, **extra):
    """The application on database ``url`` with its files under ``folder``."""
    from mgf_assess import create_app

    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "SQLALCHEMY_DATABASE_URI": url,
                       "UPLOAD_FOLDER": str(folder), "FAST_PASSWORD_HASHING": True, "MFA_REQUIRED_ROLES": "",
                       "MAIL_BACKGROUND": False, **extra})


def migrate(app) -> None:
    """Create the schema with the migrations (as ``mgf init``) and load the countries."""
    from flask_migrate import upgrade

    from mgf_assess.core.operations import load_countries
    from mgf_assess.extensions import db

    with app.app_context():
        upgrade()
        load_countries()
        db.session.commit()


def seed(app, folder) -> int:
    """A Kenyan assessment with answers, evidence (two files), review comments (one internal),
    a score override and a snapshot; returns its id."""
    from assess_helpers import open_assessment, publish, save

    from mgf_assess.assessments import evidence
    from mgf_assess.assessments.models import Assessment
    from mgf_assess.auth import operations
    from mgf_assess.extensions import db

    publish(app, folder, qfiles.rich_definition())
    assessment_id = open_assessment(app)
    with app.app_context():
        operations.create_user(None, email="focal@example.org", name="Focal Point", role="focal_point",
                               country="KEN", password="correct-horse-battery")
        db.session.commit()
    save(app, assessment_id, "q_yes", {"value": "yes"}, "focal@example.org")
    save(app, assessment_id, "q_choice", {"value": "a"})
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        evidence.add_evidence(None, assessment, "q_yes", kind="law", citation="Migration Act 2011",
                              url="https://example.org/act", upload=("act 2011.pdf", PDF))
        evidence.add_evidence(None, assessment, "q_choice", kind="statistics", citation="Census",
                              upload=("chart.png", PNG))
        evidence.add_evidence(None, assessment, "q_choice", kind="policy", citation="Policy 2020")
        _review(assessment)
        db.session.commit()
    return assessment_id


def _review(assessment) -> None:
    from mgf_assess.assessments.scoring_bridge import score_assessment
    from mgf_assess.extensions import db
    from mgf_assess.results.operations import record_snapshot
    from mgf_assess.review.models import ReviewComment, ScoreOverride

    query = ReviewComment(assessment_id=assessment.id, question_id="q_yes", kind="query", status="open",
                          text="Which article of the act?")
    db.session.add(query)
    db.session.flush()
    db.session.add_all([
        ReviewComment(assessment_id=assessment.id, question_id="q_yes", kind="comment", reply_to_id=query.id,
                      text="Article 12."),
        ReviewComment(assessment_id=assessment.id, question_id="q_choice", kind="comment", internal=True,
                      text="INTERNAL: check with the regional office"),
        ScoreOverride(assessment_id=assessment.id, question_id="q_choice", score=Decimal("75.00"),
                      justification="The census shows more than claimed."),
    ])
    db.session.flush()
    record_snapshot(None, assessment, "submitted", score_assessment(assessment))


def all_rows(app, skip_actions=(), skip_tables=()) -> dict[str, list[tuple]]:
    """Every row of every table of the schema, in primary-key order (audit events whose action
    is in ``skip_actions`` left out)."""
    from mgf_assess.core.models import AuditEvent
    from mgf_assess.extensions import db

    rows = {}
    for table in db.metadata.sorted_tables:
        if table.name in skip_tables:
            continue
        query = db.select(table).order_by(*table.primary_key.columns)
        if table is AuditEvent.__table__ and skip_actions:
            query = query.where(AuditEvent.action.not_in(skip_actions))
        rows[table.name] = [tuple(row) for row in db.session.execute(query)]
    return rows
