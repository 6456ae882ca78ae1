"""Eight officials saving answers of one assessment at once, over real HTTP, for a while.

Each client reads its question's current revision, then saves with that ``base_revision``; half
of the clients also save a shared question now and then, which provokes 409 conflicts. Nothing
but those conflicts may go wrong, and every acknowledged save must be in the database: the last
one of each question in its row, every one of them in the audit log.
"""

from __future__ import annotations

import http.client
import json
import os
import threading
import time
from dataclasses import dataclass, field

import pytest
from api_support import bearer, open_assessment, publish, token_for
from werkzeug.serving import WSGIRequestHandler, make_server

from mgf_assess.assessments.models import Answer
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db

CLIENTS = 8
SHARED = "t_shared"
DURATION = float(os.environ.get("MGF_CONCURRENCY_SECONDS", "20"))


@dataclass
class Outcome:
    """What one client saw: acknowledged saves (question, revision, value), conflicts, errors."""

    saved: list[tuple[str, int, str]] = field(default_factory=list)
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args) -> None:  # thousands of access-log lines would hide the report
        pass


@pytest.fixture
def server(app):
    """The application served over HTTP on a free port of 127.0.0.1, one thread per request."""
    httpd = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_port
    httpd.shutdown()
    thread.join()


def _call(port: int, method: str, path: str, headers: dict, body: dict | None = None) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        data = json.dumps(body) if body is not None else None
        connection.request(method, path, body=data, headers={**headers, "Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"{}")
    finally:
        connection.close()


def _save_once(port, base, headers, qid, value, outcome: Outcome) -> None:
    status, body = _call(port, "GET", base, headers)
    if status != 200:
        outcome.errors.append(f"GET {status} {body}")
        return
    revision = body["answers"].get(qid, {}).get("revision", 0)
    status, body = _call(port, "PUT", f"{base}/answers/{qid}", headers,
                         {"value": value, "base_revision": revision})
    if status == 200 and body["revision"] == revision + 1 and body["value"] == value:
        outcome.saved.append((qid, body["revision"], value))
    elif status == 409 and qid == SHARED:  # someone else saved it between our read and our save
        outcome.conflicts += 1
    else:
        outcome.errors.append(f"PUT {qid} {status} {body}")


def _client(number: int, port: int, assessment_id: int, headers: dict, deadline: float, outcome: Outcome):
    base, step = f"/api/v1/assessments/{assessment_id}", 0
    while time.monotonic() < deadline:
        shares = number % 2 == 0 and step % 3 == 0
        qid = SHARED if shares else f"t_{number}"
        try:
            _save_once(port, base, headers, qid, f"client {number} save {step}", outcome)
        except Exception as error:  # a dropped connection is a failure to report, not to hide
            outcome.errors.append(f"{type(error).__name__}: {error}")
        step += 1


def _run_clients(port: int, assessment_id: int, tokens: list[str]) -> list[Outcome]:
    outcomes = [Outcome() for _ in tokens]
    deadline = time.monotonic() + DURATION
    threads = [threading.Thread(target=_client, args=(n, port, assessment_id, bearer(token), deadline, outcomes[n]))
               for n, token in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def _stored(assessment_id: int) -> tuple[dict, set]:
    """Each question's (revision, value) in its row, and every (question, revision, value) audited."""
    rows = db.session.scalars(db.select(Answer).filter_by(assessment_id=assessment_id))
    current = {row.question_id: (row.revision, row.value) for row in rows}
    events = db.session.scalars(db.select(AuditEvent).filter(
        AuditEvent.action == "answer.save", AuditEvent.object_id.like(f"{assessment_id}:%")))
    audited = {(e.object_id.split(":", 1)[1], e.new_value["revision"], e.new_value["value"]) for e in events}
    return current, audited


@pytest.mark.slow
def test_concurrent_saves_lose_nothing(app, server, tmp_path, make_user):
    publish(app, tmp_path / "q", text_questions=CLIENTS)
    assessment_id = open_assessment(app)
    tokens = [token_for(app, make_user(role="focal_point", country="KEN")) for _ in range(CLIENTS)]
    outcomes = _run_clients(server, assessment_id, tokens)
    errors = [error for outcome in outcomes for error in outcome.errors]
    saved = [save for outcome in outcomes for save in outcome.saved]
    assert not errors, errors[:5]
    assert saved and sum(outcome.conflicts for outcome in outcomes) > 0
    assert len(saved) == len(set((qid, revision) for qid, revision, _ in saved))  # no revision acknowledged twice
    with app.app_context():
        current, audited = _stored(assessment_id)
    assert set(saved) == audited  # every acknowledged save, and only those, was stored
    for qid, (revision, value) in current.items():
        assert (qid, revision, value) == max(save for save in saved if save[0] == qid)
