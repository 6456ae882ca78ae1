"""The evaluators' review queue: who may open it, what it lists and counts, in few queries."""

from contextlib import contextmanager
from datetime import date, timedelta

import pytest
import qrich
import queue_support as rs
from conftest import login
from sqlalchemy import event

from mgf_assess.core import audit
from mgf_assess.core.models import AuditEvent
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.review.queue import review_queue

TODAY = date(2026, 3, 11)


@pytest.fixture
def rich(app, tmp_path):
    with app.app_context():
        qrich.load(app, tmp_path / "q")
    return app


@pytest.mark.parametrize(("role", "status"), [
    ("admin", 200), ("evaluator", 200), ("focal_point", 403), ("contributor", 403), ("analyst", 403)])
def test_only_evaluators_and_admins_open_the_queue(client, make_user, role, status):
    country = "KEN" if role in ("focal_point", "contributor") else None
    login(client, make_user(role=role, country=country, evaluated=("KEN",) if role == "evaluator" else ()))
    assert client.get("/review").status_code == status
    navigation = client.get("/").get_data(as_text=True)
    assert ('href="/review"' in navigation) == (status == 200)


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/review")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def _user(app, make_user, **kwargs):
    from mgf_assess.auth.models import User

    email = make_user(**kwargs)
    return db.session.scalar(db.select(User).filter_by(email=email))


def test_groups_counts_and_activity(rich, make_user):
    with rich.app_context():
        waiting = rs.in_state("submitted", "KEN")
        reviewing = rs.in_state("in_review", "MEX", submitted=rs.SUBMITTED - timedelta(days=5))
        rs.in_state("returned", "SEN", cycle=2025)
        rs.in_state("validated", "KEN", cycle=2019)
        rs.in_state("draft", "MEX", cycle=2019)  # never listed
        rs.in_state("submitted", "DEU")  # not an evaluated country
        latest = utcnow() + timedelta(hours=1)  # later than the assessments' creation events
        rs.thread(reviewing, replies=2)
        rs.thread(reviewing, internal=True, at=latest)
        rs.thread(reviewing, status="resolved")
        rs.thread(reviewing, kind="comment")
        user = _user(rich, make_user, role="evaluator", country=None, evaluated=("KEN", "MEX", "SEN"))
        groups = {g.state: g.items for g in review_queue(user, TODAY)}
        assert list(groups) == ["submitted", "in_review", "returned", "reviewed", "validated"]
        assert [(i.assessment.country_code, i.assessment.cycle) for i in groups["submitted"]] == [("KEN", 2026)]
        assert groups["reviewed"] == () and len(groups["validated"]) == 1 and len(groups["returned"]) == 1
        item = groups["in_review"][0]
        assert item.open_queries == 2 and item.last_activity == latest and item.days_since_submission == 15
        first = groups["submitted"][0]
        assert first.assessment.id == waiting.id and first.open_queries == 0
        assert first.last_activity == _created_at(waiting) and first.days_since_submission == 10
        assert first.first_area == "r_services"


def _created_at(assessment):
    query = db.select(AuditEvent.at).filter_by(object_type="assessment", object_id=str(assessment.id))
    return db.session.scalar(query)


def test_an_admin_sees_every_country(rich, make_user):
    with rich.app_context():
        rs.in_state("submitted", "KEN")
        rs.in_state("reviewed", "DEU")
        user = _user(rich, make_user, role="admin", country=None)
        listed = {i.assessment.country_code for g in review_queue(user, TODAY) for i in g.items}
        assert listed == {"KEN", "DEU"}


def test_last_activity_counts_overrides_evidence_and_transitions(rich, make_user):
    from mgf_assess.assessments import evidence

    with rich.app_context():
        assessment = rs.in_state("in_review", "KEN")
        user = _user(rich, make_user, role="evaluator", country=None, evaluated=("KEN",))
        before = review_queue(user, TODAY)[1].items[0].last_activity
        rs.override(assessment)
        after_override = review_queue(user, TODAY)[1].items[0].last_activity
        assert after_override > before
        assessment.state = "returned"
        evidence.add_evidence(None, assessment, "r_health", kind="law", citation="Act 1")
        db.session.commit()
        after_evidence = review_queue(user, TODAY)[2].items[0].last_activity
        assert after_evidence > after_override
        audit.record(None, "assessment.return", "assessment", assessment.id, country="KEN")
        db.session.commit()
        assert review_queue(user, TODAY)[2].items[0].last_activity > after_evidence


@contextmanager
def counted_queries():
    statements = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _page_queries(client, rich, cycles: range) -> int:
    with rich.app_context():
        for index in cycles:
            assessment = rs.in_state(("submitted", "in_review", "returned")[index % 3], "KEN", cycle=2000 + index)
            rs.thread(assessment)
            rs.override(assessment)
        client.get("/review")  # warm: definitions parsed, the user's session known
        with counted_queries() as statements:
            assert client.get("/review").status_code == 200
        return len(statements)


def test_the_page_runs_the_same_queries_for_3_or_12_assessments(rich, client, make_user, tmp_path):
    login(client, make_user(role="admin", country=None))
    few = _page_queries(client, rich, range(3))
    many = _page_queries(client, rich, range(3, 12))  # 12 in all
    assert few == many <= 5  # the queue's three, and at most the signed-in user's


def test_the_page_lists_localized_names_with_links(rich, client, make_user):
    with rich.app_context():
        assessment = rs.in_state("in_review", "DEU")
        rs.thread(assessment)
        number = assessment.id
    login(client, make_user(role="admin", country=None, language="fr"))
    html = client.get("/review").get_data(as_text=True)
    assert "Allemagne" in html and f'/assessments/{number}"' in html
    assert f"/assessments/{number}/areas/r_services" in html
    assert '<span class="badge badge--warn">1</span>' in html


def test_an_empty_queue_says_why_and_what_to_do(client, make_user):
    login(client, make_user(role="evaluator", country=None, evaluated=("KEN",)))
    html = client.get("/review").get_data(as_text=True)
    assert "There is nothing to review yet." in html
    assert "ask an administrator" in html and 'href="/assessments/"' in html
