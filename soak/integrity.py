"""Integrity after a run, with the server stopped: the database's own check (SQLite), the
application's audit-chain check (``mgf audit verify``), and row checks: each answer agrees with
its latest audited change, each stored file is on disk."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from soak.checks import canonical
from soak.databases import answer_history, connected, evidence_files, stored_answers
from soak.instance import mgf


def check(kind: str, env: dict, assessments: list[int]) -> dict:
    """Every check's findings (empty lists and "ok" when sound) and whether all passed."""
    result = {"audit_verify": _audit_verify(env)}
    with connected(env["DATABASE_URL"]) as connection:
        if kind == "sqlite":
            result["integrity_check"] = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
            result["foreign_key_check"] = [list(row) for row in connection.execute(text("PRAGMA foreign_key_check"))]
        result["answers_unlike_history"] = _answers_unlike_history(connection, assessments)
        result["files_missing"] = sorted(evidence for evidence, name in evidence_files(connection).items()
                                         if not (Path(env["UPLOAD_FOLDER"]) / name).is_file())
    result["ok"] = _passed(result)
    return result


def _audit_verify(env: dict) -> dict:
    done = mgf(env, "audit", "verify", check=False)
    lines = (done.stdout.strip() or done.stderr.strip()).splitlines()  # stderr: warnings, unless it failed
    return {"exit": done.returncode, "said": lines[-1] if lines else ""}


def _answers_unlike_history(connection, assessments: list[int]) -> list[str]:
    """Answers whose revision and value differ from their latest audited change."""
    latest = {}
    for key, revision, value, _id in answer_history(connection, assessments):
        latest[key] = (revision, canonical(value))
    return [f"{key[0]}:{key[1]}" for key, (revision, value) in sorted(stored_answers(connection, assessments).items())
            if key in latest and latest[key] != (revision, canonical(value))]


def _passed(result: dict) -> bool:
    return (result["audit_verify"]["exit"] == 0 and result.get("integrity_check", ["ok"]) == ["ok"]
            and not result.get("foreign_key_check") and not result["answers_unlike_history"]
            and not result["files_missing"])
