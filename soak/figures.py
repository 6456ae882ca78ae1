"""The figures of one run: requests per kind (outcomes, p50, p95), acknowledged against stored
writes, integrity, and each target's verdict."""

from __future__ import annotations

from dataclasses import asdict

from soak.checks import SaveCheck, UploadCheck
from soak.ledger import Ledger, classify
from soak.stats import summary

PAGE_KINDS = ("page:overview", "page:section", "page:report")
PAGE_P95, PDF_P95 = 0.5, 3.0  # seconds
OUTCOMES = ("ok", "handled", "error", "outage")


def figures(database: str, crash: bool, ledger: Ledger, saves: SaveCheck, uploads: UploadCheck,
            checks: dict | None, events: dict) -> dict:
    """Everything a run reports, as JSON-ready data (``checks``: the integrity checks, made once
    per database after its last run; None for the runs before it)."""
    kinds = requests_by_kind(ledger)
    writes = _writes(saves, uploads)
    result = {"database": database, "crash": crash, "requests": kinds, "errors": sum(k["error"] for k in kinds.values()),
              "outage_failures": sum(k["outage"] for k in kinds.values()), "error_samples": _error_samples(ledger),
              "writes": writes, "integrity": checks, **events}
    result["targets"] = targets(result)
    return result


def failed_run(database: str, crash: bool, error: Exception) -> dict:
    """A run that could not be completed (the server did not start, a check could not run)."""
    return {"database": database, "crash": crash, "failed": f"{type(error).__name__}: {error}",
            "targets": [{"target": "the run completes", "value": type(error).__name__, "pass": False}]}


def requests_by_kind(ledger: Ledger) -> dict:
    """Per kind of request: how many ended each way, and latencies. p50 and p95 are of the
    requests answered outside the outage; those answered after waiting through it (queued while
    the restarted workers booted) are counted as ``waited``, with ``p95_all`` including them."""
    grouped: dict[str, dict] = {}
    for call in ledger.calls:
        entry = grouped.setdefault(call.kind, {**dict.fromkeys(OUTCOMES, 0), "waited": 0,
                                               "kept": [], "waits": [], "all": []})
        outcome = classify(ledger, call)
        entry[outcome] += 1
        if outcome in ("ok", "handled"):
            waited = ledger.during_outage(call)
            entry["waited"] += waited
            entry["waits" if waited else "kept"].append(call.seconds)
            entry["all"].append(call.seconds)
    return {kind: _kind_figures(entry) for kind, entry in sorted(grouped.items())}


def _kind_figures(entry: dict) -> dict:
    counts = {key: entry[key] for key in (*OUTCOMES, "waited")}
    return {**counts, **summary(entry["kept"]), "p95_all": summary(entry["all"])["p95"],
            "longest_wait": max(entry["waits"], default=None)}


def _error_samples(ledger: Ledger, limit: int = 10) -> list[str]:
    errors = [call for call in ledger.calls if classify(ledger, call) == "error"]
    return [f"{call.kind} {call.status}: {call.detail}" for call in errors[:limit]]


def _writes(saves: SaveCheck, uploads: UploadCheck) -> dict:
    return {"saves_acknowledged": saves.acknowledged, "saves_lost": [asdict(s) for s in saves.lost],
            "saves_behind": saves.behind, "saves_stored_unacknowledged": len(saves.unacknowledged),
            "uploads_acknowledged": uploads.acknowledged, "uploads_missing": [asdict(u) for u in uploads.missing],
            "uploads_unreadable": [asdict(u) for u in uploads.unreadable]}


def lost_writes(writes: dict) -> int:
    """Acknowledged writes not found as acknowledged (saves lost or behind, uploads missing or unreadable)."""
    return sum(len(writes[key]) for key in ("saves_lost", "saves_behind", "uploads_missing", "uploads_unreadable"))


def targets(result: dict) -> list[dict]:
    """Each target with its figure and verdict."""
    found = [("errors = 0", result["errors"], result["errors"] == 0),
             ("lost writes = 0", lost_writes(result["writes"]), lost_writes(result["writes"]) == 0)]
    if result["integrity"] is not None:
        passed = result["integrity"]["ok"]
        found.append(("integrity checks pass", "ok" if passed else "FAILED", passed))
    for kind, limit in [*((kind, PAGE_P95) for kind in PAGE_KINDS), ("download:pdf", PDF_P95)]:
        p95 = result["requests"].get(kind, {}).get("p95")
        found.append((f"p95 {kind} < {limit:g} s", p95, p95 is not None and p95 < limit))
    return [{"target": name, "value": value, "pass": passed} for name, value, passed in found]
