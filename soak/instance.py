"""A fresh instance for one run: its environment, ``mgf init`` and ``mgf demo`` as the README
runs them, then the plan of the simulated users (accounts, tokens, their assessment, the
questions they may answer and the revisions those are at)."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from soak.databases import connected, scratch, stored_answers

ROOT = Path(__file__).resolve().parents[1]
DEMO_PASSWORD = "copper-lantern-meadow-violin"  # README, "Demo sign-ins"
# Accounts that sign in with a password alone (no two-step verification) and whose country
# has a 2026 draft: two of Kenya's demo team, and focal points the soak adds for Guatemala and
# Jamaica (the demo's other drafts have no account; its Mexican and Jordanian assessments are
# in review), one with Spanish pages and reports. (e-mail, country, language); None: a demo account.
ACCOUNTS = (("focal.ken@demo.mgf", None, None), ("contributor.ken@demo.mgf", None, None),
            ("focal.gtm@soak.example", "GTM", "es"), ("focal.jam@soak.example", "JAM", "en"))
# Question types a simulated user answers (always-relevant questions without a constraint)
TYPES = ("yes_no", "number", "percent", "text", "date", "single_choice", "multi_choice")


@dataclass
class Account:
    """A demo account in the plan: its API token, the draft it works on and what it may answer."""

    email: str
    token: str
    assessment: int
    areas: list[str]
    questions: list[dict]
    revisions: dict[str, int] = field(default_factory=dict)


def environment(folder: Path, url: str) -> dict:
    """The server's and the commands' environment: production settings on plain http."""
    return {**os.environ, "MGF_ENV": "production", "SECRET_KEY": secrets.token_hex(32), "DATABASE_URL": url,
            "MGF_INSTANCE_PATH": str(folder / "instance"), "UPLOAD_FOLDER": str(folder / "instance" / "uploads"),
            "SECURE_COOKIES": "0", "FLASK_APP": "wsgi"}


def mgf(env: dict, *arguments: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``flask --app wsgi mgf ARGUMENTS`` with the run's environment."""
    command = [str(Path(sys.executable).parent / "flask"), "--app", "wsgi", "mgf", *arguments]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=check, timeout=300)


@dataclass(frozen=True)
class Seeded:
    """A database and upload folder just seeded with ``mgf init`` and ``mgf demo``, which each
    run of that database copies (seeding takes a while: once per database, not per run)."""

    url: str
    uploads: Path
    seconds: float


@contextmanager
def seeded(kinds: list[str]) -> Iterator[dict[str, Seeded]]:
    """``mgf init`` then ``mgf demo`` into a fresh instance folder and database of each kind, the
    databases seeded side by side (before any load, so nothing measured runs meanwhile)."""
    with ExitStack() as stack:
        places = [_place(stack, kind) for kind in kinds]
        with ThreadPoolExecutor(max_workers=len(kinds) or 1) as pool:
            yield dict(zip(kinds, pool.map(_seed, places), strict=True))


def _place(stack: ExitStack, kind: str) -> dict:
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="mgf-soak-seed-")))
    return environment(folder, stack.enter_context(scratch(kind, folder)))


def _seed(env: dict) -> Seeded:
    began = time.monotonic()
    Path(env["UPLOAD_FOLDER"]).mkdir(parents=True)
    mgf(env, "init")
    mgf(env, "demo")
    return Seeded(env["DATABASE_URL"], Path(env["UPLOAD_FOLDER"]), time.monotonic() - began)


def copy_uploads(seed: Seeded, env: dict) -> None:
    """The demo's evidence files, into the run's upload folder."""
    shutil.copytree(seed.uploads, env["UPLOAD_FOLDER"])


def plan(env: dict) -> list[Account]:
    """Each account's token (the operation ``mgf users token`` calls), draft and questions."""
    from mgf_assess import create_app
    from mgf_assess.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": env["DATABASE_URL"], "SECRET_KEY": env["SECRET_KEY"],
                      "UPLOAD_FOLDER": env["UPLOAD_FOLDER"], "PRODUCTION": False})
    try:
        with app.app_context():
            accounts = [_account(_user(*row)) for row in ACCOUNTS]
            db.session.commit()
            return accounts
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def _user(email: str, country: str | None, language: str | None):
    """The demo account, or the soak's focal point of ``country``, created on first use."""
    from mgf_assess.auth import operations
    from mgf_assess.auth.queries import user_by_email

    user = user_by_email(email)
    if user is None and country is not None:
        user = operations.create_user(None, email=email, name=f"Soak focal point {country}", role="focal_point",
                                      password=DEMO_PASSWORD, country=country, language=language)
    return user


def _account(user) -> Account:
    from mgf_assess.assessments import queries
    from mgf_assess.assessments.scoring_bridge import definition_for
    from mgf_assess.auth import operations

    email = user.email
    assessment = next(a for a in queries.visible_assessments(user) if a.state == "draft")
    definition = definition_for(assessment)
    stored = queries.answers_of(assessment)
    questions = list(_writable(user, assessment, definition))
    return Account(email, operations.create_token(None, user, "soak")[1], assessment.id,
                   [area.id for domain in definition.domains for area in domain.areas], questions,
                   {q["id"]: stored[q["id"]].revision if q["id"] in stored else 0 for q in questions})


def refresh_revisions(accounts: list[Account], url: str) -> None:
    """Each account's revisions as stored now (a second run starts where the first one left)."""
    with connected(url) as connection:
        stored = stored_answers(connection, sorted({account.assessment for account in accounts}))
    for account in accounts:
        account.revisions = {qid: stored.get((account.assessment, qid), (0, None))[0] for qid in account.revisions}


def _writable(user, assessment, definition):
    """The questions the user may answer that a soak can answer at any time, described as data."""
    from mgf_assess.assessments.access import AnswerTarget
    from mgf_assess.core import policy

    for domain, area, question in definition.iter_questions():
        if question.type not in TYPES or question.relevant or question.constraint:
            continue
        if policy.can(user, "answer.edit", AnswerTarget(assessment, domain.id, area.id)):
            yield {"id": question.id, "type": question.type, "options": [o.code for o in question.options],
                   "evidence": question.evidence != "none",
                   "min": _number(question.min), "max": _number(question.max)}


def _number(value) -> float | None:
    return None if value is None else float(value)
