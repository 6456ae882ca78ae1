"""API speed: answer saves by 8 concurrent clients over HTTP, the largest section page, and
one client submitting an assessment from scratch (answers, required evidence, submission).

Saves go through ``PUT /api/v1/assessments/{id}/answers/{qid}`` (token, access policy,
validation, revision and state checks, audit record, commit); the baseline is a bare Flask
endpoint, defined here, updating one row of the same database, served and called the same way
in the same run. Both are reported as time per save (wall time / saves), so the ratio is the
inverse of the throughput ratio: x4.00 means a quarter of the bare endpoint's throughput.

SQLite runs in a temporary folder; PostgreSQL in a database created on the local server for the
run and dropped afterwards (or ``BENCH_DATABASE_URL``, a scratch database whose tables are
dropped and recreated). ``BENCH_API_SECONDS`` sets the duration of each measurement (default
3 s; seven pairs of measurements per database). Targets: at least a quarter of the bare
endpoint's throughput (x4.00 time per save at most) and a p95 save latency of 100 ms at most.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask, request
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from werkzeug.serving import WSGIRequestHandler, make_server

from bench.common import Result, median_time

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 8
SECONDS = float(os.environ.get("BENCH_API_SECONDS", "3"))
PAIRS = 7
PASSWORD = "bench-password-1"


def run() -> list[Result]:
    """Save throughput on SQLite and PostgreSQL (when one is reachable), then the section page."""
    with tempfile.TemporaryDirectory() as folder, scratch_postgresql() as postgresql:
        databases = [("SQLite", f"sqlite:///{folder}/bench.sqlite3")]
        if postgresql:
            databases.append(("PostgreSQL", postgresql))
        results = []
        for label, url in databases:
            app, setup = prepared_app(url, folder)
            results.extend(save_throughput(label, app, setup))
            if label == "SQLite":
                results.extend(section_page(app, setup))
                results.extend(submission_round(app, setup))
            dispose(app)
        return results


@contextmanager
def scratch_postgresql():
    """``BENCH_DATABASE_URL`` if set; else a database created for this run on the local
    PostgreSQL server (``BENCH_POSTGRES_SERVER``) and dropped afterwards; None when there is
    no server to reach."""
    if os.environ.get("BENCH_DATABASE_URL"):
        yield os.environ["BENCH_DATABASE_URL"]
        return
    server = os.environ.get("BENCH_POSTGRES_SERVER", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    name = f"mgf_bench_{os.getpid()}"
    try:
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}"))
    except Exception as error:  # no server: SQLite only, and say so
        print(f"PostgreSQL: skipped ({type(error).__name__}: no server at {server})")
        yield None
        return
    try:
        yield str(make_url(server).set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


# ---- the application, its data --------------------------------------------------------------

def prepared_app(url: str, folder: str):
    """A fresh schema with the shipped questionnaires, one Kenyan draft, 8 users with tokens."""
    from mgf_assess import create_app
    from mgf_assess.core.operations import load_countries
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires import operations as qops

    app = create_app({"SECRET_KEY": "bench-only", "SQLALCHEMY_DATABASE_URI": url, "FAST_PASSWORD_HASHING": True,
                      "UPLOAD_FOLDER": f"{folder}/uploads", "WTF_CSRF_ENABLED": False,
                      "MAIL_BACKGROUND": False})  # no sender thread outliving its scratch database
    with app.app_context():
        db.drop_all()
        db.create_all()
        load_countries()
        qops.load_folder(ROOT / "questionnaires")
        db.session.commit()
        return app, _people_and_assessment(app)


def _people_and_assessment(app) -> dict:
    from mgf_assess.assessments import operations
    from mgf_assess.assessments.scoring_bridge import definition_for
    from mgf_assess.auth import operations as accounts
    from mgf_assess.extensions import db

    version = _largest_published_version()
    assessment = operations.create_assessment(None, country="KEN", family=version.family,
                                              version=version.version, cycle=2026)
    tokens, emails = [], []
    for number in range(CLIENTS):
        user = accounts.create_user(None, email=f"focal{number}@bench.example", name=f"Focal {number}",
                                    role="focal_point", country="KEN", password=PASSWORD)
        tokens.append(accounts.create_token(None, user, "bench")[1])
        emails.append(user.email)
    definition = definition_for(assessment)
    db.session.commit()
    return {"assessment": assessment.id, "tokens": tokens, "emails": emails, "definition": definition}


def _largest_published_version():
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires.models import QuestionnaireVersion

    versions = db.session.scalars(db.select(QuestionnaireVersion).filter_by(status="published"))
    return max(versions, key=lambda version: len(version.source))


def dispose(app) -> None:
    from mgf_assess.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


# ---- saves: the API against a bare endpoint ----------------------------------------------------

@dataclass(frozen=True)
class Round:
    """One measurement of a server under 8 clients: wall time per request and the 95th
    percentile of the clients' request latencies."""

    per_request: float
    p95: float


def save_throughput(label: str, app, setup: dict) -> list[Result]:
    """Saves of the API against the bare endpoint, measured back to back in PAIRS pairs; the
    pair with the median throughput ratio is reported, with the API's p95 latency of that
    pair. The machine's other work changes its speed from one minute to the next, so each
    ratio compares two measurements taken at the same moment, and the median ignores the pairs
    a sudden change split."""
    questions = list(_answerable(setup["definition"]))[:CLIENTS]
    bare_app, engine = bare_flask_app(app.config["SQLALCHEMY_DATABASE_URI"], setup["assessment"])
    pairs = []
    for _pair in range(PAIRS):
        bare = _measure(bare_app, lambda n: _bare_requests())
        pairs.append((_measure(app, lambda n: _api_requests(setup, n, *questions[n])), bare))
    engine.dispose()
    api, bare = sorted(pairs, key=lambda pair: pair[0].per_request / pair[1].per_request)[len(pairs) // 2]
    return [Result(f"answer save via the API, {CLIENTS} clients, {label} ({1 / api.per_request:.0f}/s)",
                   api.per_request, f"bare one-row update ({1 / bare.per_request:.0f}/s)", bare.per_request,
                   target="<= x4.00 (>= 0.25 of its throughput)"),
            Result(f"  p95 latency of those saves, {label}", api.p95, "bare endpoint's p95", bare.p95,
                   target="<= 100 ms")]


SAMPLES = {"yes_no": lambda q: "yes", "number": lambda q: 12, "percent": lambda q: 50,
           "text": lambda q: "bench", "date": lambda q: "2026-01-31",
           "single_choice": lambda q: q.options[0].code, "multi_choice": lambda q: [q.options[0].code]}


def _answerable(definition):
    """(question id, a valid value) of every question that is always relevant, in order."""
    for _domain, _area, question in definition.iter_questions():
        if question.type in SAMPLES and not question.relevant:
            yield question.id, SAMPLES[question.type](question)


def _api_requests(setup: dict, number: int, qid: str, value):
    """Endless PUTs of one client, each based on the revision the previous one returned (the
    first one learns the current revision from its 409 when an earlier round saved it)."""
    headers = {"Authorization": f"Bearer {setup['tokens'][number]}", "Content-Type": "application/json"}
    path, revision = f"/api/v1/assessments/{setup['assessment']}/answers/{qid}", 0
    while True:
        status, body = yield "PUT", path, headers, {"value": value, "base_revision": revision}
        if status not in (200, 409):
            raise RuntimeError(f"API save failed: {status} {body}")
        revision = body["revision"] if status == 200 else body["current"]["revision"]


def _bare_requests():
    headers = {"Content-Type": "application/json"}
    while True:
        status, body = yield "PUT", "/bare", headers, {"value": "bench", "base_revision": 0}
        if status != 200:
            raise RuntimeError(f"bare endpoint failed: {status} {body}")


def bare_flask_app(url: str, assessment_id: int):
    """A Flask app without extensions: one endpoint updating one row of the same database."""
    from mgf_assess.database import tune_sqlite

    engine = create_engine(url, **({"connect_args": {"check_same_thread": False}} if url.startswith("sqlite") else {}))
    if url.startswith("sqlite"):
        tune_sqlite(engine)  # the same WAL, busy timeout and write transactions as the application
    app = Flask("bare")

    @app.put("/bare")
    def bare():
        body = request.get_json()
        with engine.begin() as connection:
            connection.execute(text("UPDATE assessments SET updated_at = :now WHERE id = :id"),
                               {"now": datetime.now(UTC).replace(tzinfo=None), "id": assessment_id})
        return {"value": body["value"], "revision": 1}

    return app, engine


def _measure(app, requests_of) -> Round:
    """Serve ``app`` over HTTP, run 8 clients for SECONDS: wall time per request and p95."""
    latencies: list[list[float]] = [[] for _ in range(CLIENTS)]
    errors: list = []
    with serving(app) as port:
        deadline = time.monotonic() + SECONDS
        elapsed = _run_all([threading.Thread(target=_client, args=(port, requests_of(n), deadline, latencies[n], errors))
                            for n in range(CLIENTS)])
    if errors:
        raise errors[0]
    every = sorted(latency for client in latencies for latency in client)
    return Round(elapsed / max(len(every), 1), every[int(0.95 * (len(every) - 1))] if every else 0.0)


def _run_all(threads: list[threading.Thread]) -> float:
    """Start every thread, wait for all, return the wall time."""
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def _client(port: int, requests, deadline: float, latencies: list[float], errors: list) -> None:
    import http.client

    try:
        method, path, headers, body = next(requests)
        while time.monotonic() < deadline:
            start = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request(method, path, body=json.dumps(body), headers=headers)
            response = connection.getresponse()
            reply = json.loads(response.read())
            connection.close()
            latencies.append(time.perf_counter() - start)
            method, path, headers, body = requests.send((response.status, reply))
    except BaseException as error:  # reported by the caller: a failing bench must say so
        errors.append(error)


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args) -> None:  # one line per request would drown the results
        pass


@contextmanager
def serving(app):
    """Serve ``app`` on a free port of 127.0.0.1, one thread per request, while in the block."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        thread.join()


# ---- the largest section page ----------------------------------------------------------------

def section_page(app, setup: dict) -> list[Result]:
    """Render time of the section page with the most questions, if the application has one."""
    client = app.test_client()
    client.post("/login", data={"email": setup["emails"][0], "password": PASSWORD})
    url = next((url for url in _section_urls(app, setup) if client.get(url).status_code == 200), None)
    if url is None:
        print("section page: skipped (the application has no section page answering 200 yet)")
        return []
    bare = Flask("bare_page")
    bare.add_url_rule("/page", "page", lambda: "<!doctype html><title>bare</title><p>bare page</p>")
    bare_client = bare.test_client()
    return [Result(f"render the largest section page ({url})", median_time(lambda: client.get(url), 20),
                   "bare Flask page (test client)", median_time(lambda: bare_client.get("/page"), 20))]


def _section_urls(app, setup: dict):
    """URLs of the GET routes of the assessment pages named like a section, built with the
    domains and areas of the questionnaire, those with the most questions first."""
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("assessments.")
             and "section" in rule.endpoint and "GET" in (rule.methods or ())]
    adapter = app.url_map.bind("localhost")
    for rule in rules:
        for values in _candidate_values(rule.arguments, setup):
            try:
                yield adapter.build(rule.endpoint, values)
            except Exception:  # this route takes other arguments: try the next candidate
                continue


def _candidate_values(arguments, setup: dict):
    definition = setup["definition"]
    sections = sorted([(sum(len(a.questions) for a in d.areas), d.id) for d in definition.domains] +
                      [(len(a.questions), a.id) for d in definition.domains for a in d.areas], reverse=True)
    fixed = {name: setup["assessment"] for name in arguments if "assessment" in name or name == "id"}
    free = [name for name in arguments if name not in fixed]
    if len(free) == 1:
        for _count, section_id in sections:
            yield {**fixed, free[0]: section_id}


# ---- a whole submission through the API --------------------------------------------------------

def submission_round(app, setup: dict) -> list[Result]:
    """One API client submitting a new assessment of the largest questionnaire from scratch, as
    a client would: ask to submit, answer what the refusal lists as missing and attach the
    evidence it lists as required, until the submission goes through (answers can make more
    questions relevant). Reported per request, against the bare page of ``section_page``."""
    client = app.test_client()
    headers = {"Authorization": f"Bearer {setup['tokens'][0]}"}
    version = setup["definition"]
    created = client.post("/api/v1/assessments", headers=headers, json={
        "country": "KEN", "questionnaire": version.id, "version": version.version, "cycle": 2027})
    base = f"/api/v1/assessments/{created.get_json()['id']}"
    start, requests = time.perf_counter(), 1
    for _round in range(10):
        response = client.post(f"{base}/transitions", headers=headers, json={"action": "submit"})
        requests += 1
        if response.status_code == 200:
            break
        requests += _fill(client, base, headers, setup["definition"], response.get_json()["error"])
    else:
        raise RuntimeError(f"the API submission never went through: {response.status_code} {response.get_json()}")
    per_request = (time.perf_counter() - start) / requests
    bare = Flask("bare_round")
    bare.add_url_rule("/page", "page", lambda: "<!doctype html><title>bare</title><p>bare page</p>")
    bare_client = bare.test_client()
    return [Result(f"submit via the API from scratch ({requests} requests: answers, evidence, submit)",
                   per_request, "bare Flask page (test client)", median_time(lambda: bare_client.get("/page"), 20))]


def _fill(client, base: str, headers: dict, definition, refusal: dict) -> int:
    """Answer the missing questions and attach the required evidence a refused submission
    lists; returns the number of requests made."""
    for item in refusal["missing"]:
        question = definition.question_map[item["question"]]
        response = client.put(f"{base}/answers/{question.id}", headers=headers,
                              json={"value": SAMPLES[question.type](question), "base_revision": 0})
        _expect(response, 200)
    for item in refusal["evidence_missing"]:
        response = client.post(f"{base}/answers/{item['question']}/evidence", headers=headers,
                               json={"kind": "law", "citation": f"Bench Act 2026, section {item['question']}"})
        _expect(response, 201)
    return len(refusal["missing"]) + len(refusal["evidence_missing"])


def _expect(response, status: int) -> None:
    if response.status_code != status:
        raise RuntimeError(f"API call failed: {response.status_code} {response.get_json()}")
