"""The readable report of a soak: one table per run, then one line per run and target."""

from __future__ import annotations

from soak.figures import lost_writes

NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def title(run: dict) -> str:
    return f"{NAMES[run['database']]}, {'crash' if run['crash'] else 'load'}"


def milliseconds(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.0f} ms"


def run_table(run: dict) -> list[str]:
    """The requests table, writes, integrity and crash lines of one run."""
    if "failed" in run:
        return [f"\n== {title(run)} " + "=" * 60, f"the run failed: {run['failed']}"]
    lines = [f"\n== {title(run)} " + "=" * 60,
             f"{'kind':<15}{'ok':>6}{'conflict':>9}{'errors':>7}{'outage':>7}{'waited':>7}"
             f"{'p50':>9}{'p95':>9}{'max':>9}{'p95 all':>9}"]
    for kind, row in run["requests"].items():
        lines.append(f"{kind:<15}{row['ok']:>6}{row['handled']:>9}{row['error']:>7}{row['outage']:>7}{row['waited']:>7}"
                     f"{milliseconds(row['p50']):>9}{milliseconds(row['p95']):>9}{milliseconds(row['max']):>9}"
                     f"{milliseconds(row['p95_all']):>9}")
    return lines + _writes_lines(run["writes"]) + _integrity_lines(run) + _event_lines(run)


def _writes_lines(writes: dict) -> list[str]:
    return [f"saves:   {writes['saves_acknowledged']} acknowledged, {len(writes['saves_lost'])} not in the "
            f"history, {len(writes['saves_behind'])} newer than stored "
            f"({writes['saves_stored_unacknowledged']} questions stored past their last acknowledged save)",
            f"uploads: {writes['uploads_acknowledged']} acknowledged, {len(writes['uploads_missing'])} not stored, "
            f"{len(writes['uploads_unreadable'])} not downloadable as sent"]


def _integrity_lines(run: dict) -> list[str]:
    checks = run["integrity"]
    if checks is None:
        return ["integrity: checked once the database's last run is over (with the server stopped)"]
    parts = [f"mgf audit verify: exit {checks['audit_verify']['exit']} ({checks['audit_verify']['said']})"]
    if "integrity_check" in checks:
        parts.append(f"PRAGMA integrity_check: {' '.join(checks['integrity_check'])}; "
                     f"foreign_key_check: {len(checks['foreign_key_check'])} rows")
    parts.append(f"answers unlike their history: {len(checks['answers_unlike_history'])}; "
                 f"files missing: {len(checks['files_missing'])}")
    return ["integrity: " + "; ".join(parts)]


def _event_lines(run: dict) -> list[str]:
    phases = ", ".join(f"{phase} {seconds} s" for phase, seconds in run["phase_seconds"].items())
    lines = [f"seconds: {phases} (the demo was seeded in {run['seed_seconds']} s); "
             f"machine load average {run['load_average'][0]:.1f} before, {run['load_average'][1]:.1f} after"
             + (f"; gunicorn used {run['server_cores_busy']} cores on average" if run["server_cores_busy"] else "")]
    if run["crash"]:
        waits = [row["longest_wait"] for row in run["requests"].values() if row["longest_wait"] is not None]
        lines.append(f"crash: kill -9 of the process group at {run['killed_at']} s; answering again "
                     f"{run['outage_seconds']} s later; {run['outage_failures']} requests failed during the outage, "
                     f"{sum(row['waited'] for row in run['requests'].values())} were answered after waiting "
                     f"through it (longest {milliseconds(max(waits, default=None))}: left out of p50/p95, "
                     "counted in 'p95 all')")
    return lines + [f"error: {sample}" for sample in run["error_samples"]]


def summary_table(runs: list[dict]) -> list[str]:
    """One line per run and target: PASS or FAIL with the figure."""
    lines = ["\n== targets " + "=" * 60]
    for run in runs:
        for target in run["targets"]:
            value = target["value"]
            shown = milliseconds(value) if "p95" in target["target"] and value is not None else value
            lines.append(f"{'PASS' if target['pass'] else 'FAIL'}  {title(run):<18} {target['target']:<32} {shown}")
    return lines


def headline(runs: list[dict]) -> str:
    """Totals over the runs."""
    done = [run for run in runs if "failed" not in run]
    return (f"\ntotal: {sum(r['errors'] for r in done)} errors, "
            f"{sum(lost_writes(r['writes']) for r in done)} lost writes, "
            f"{sum(r['outage_failures'] for r in done)} requests failed during outages, "
            f"{len(runs) - len(done)} runs failed, "
            f"{sum(not t['pass'] for r in runs for t in r['targets'])} targets failed")
