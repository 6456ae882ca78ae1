"""``python -m soak``: run the load and crash scenarios, print the tables, write the figures as JSON."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from soak import output, scenario
from soak.figures import failed_run
from soak.instance import ROOT, seeded
from soak.server import WORKERS

# Seconds measured on a busy 2-core machine (each run reports its phases):
SEED_SECONDS = 60  # mgf init and mgf demo, every database side by side
START_SECONDS = 30  # per database: a copy of the demo, tokens, gunicorn's start, and at the end
#                     its stop and the integrity checks
RUN_OVERHEAD = 20  # per run besides its load: signing the users in, looking the writes up, and
#                    for a crash run the load going on after the restart


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m soak", description=__doc__)
    parser.add_argument("--duration", type=float, default=60, help="seconds of load per run (default 60)")
    parser.add_argument("--users", type=int, default=20, help="simulated users (default 20)")
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean seconds a user waits between two requests (uniform, ±50%%; default 1)")
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--crash", action=argparse.BooleanOptionalAction, default=None,
                        help="--crash: crash runs only; --no-crash: load runs only (default: both)")
    parser.add_argument("--budget", type=float, default=480,
                        help="seconds the whole soak may take; a run that no longer fits is skipped (default 480)")
    parser.add_argument("--output", type=Path, help="the JSON of the figures (default instance/soak-<time>.json)")
    return parser.parse_args(argv)


def plan_runs(options: argparse.Namespace) -> list[tuple[str, bool]]:
    """(database, crash) of every run asked for, in order."""
    databases = ["sqlite", "postgresql"] if options.database == "both" else [options.database]
    crashes = [False, True] if options.crash is None else [options.crash]
    return [(database, crash) for database in databases for crash in crashes]


def main(argv: list[str] | None = None) -> int:
    options = arguments(argv)
    print(f"mgf-assess soak: {options.users} users, {options.duration:g} s per run, think time "
          f"{options.think:g} s ±50%, gunicorn with {WORKERS} workers on 127.0.0.1", flush=True)
    began, runs = time.monotonic(), []
    deadline, planned = began + options.budget, plan_runs(options)
    if _fits(options, deadline, SEED_SECONDS + START_SECONDS):
        with seeded(list(dict.fromkeys(database for database, _crash in planned))) as seeds:
            for database in seeds:
                runs.extend(_runs_of(database, [c for d, c in planned if d == database], seeds[database],
                                     options, deadline))
    done = {(run["database"], run["crash"]) for run in runs}
    print(f"\nthe soak took {time.monotonic() - began:.0f} s")
    return _finish(options, runs, [_name(*run) for run in planned if run not in done])


def _runs_of(database: str, crashes: list[bool], seed, options: argparse.Namespace, deadline: float) -> list[dict]:
    """The runs of one database that fit in the budget (a failure is reported as a failed run)."""
    settings = scenario.Settings(options.duration, options.users, options.think)
    if not _fits(options, deadline, START_SECONDS):
        return []
    try:
        runs = scenario.run_database(database, crashes, settings, seed, lambda: _fits(options, deadline, 10))
    except Exception as error:  # reported as a failed run; the other database still goes ahead
        runs = [failed_run(database, crashes[0], error)]
    for run in runs:
        print("\n".join(output.run_table(run)), flush=True)
    return runs


def _name(database: str, crash: bool) -> str:
    return f"{database} {'crash' if crash else 'load'}"


def _fits(options: argparse.Namespace, deadline: float, more: float) -> bool:
    """Whether one more run (after ``more`` seconds of seeding) still fits in the budget."""
    return time.monotonic() + more + options.duration + RUN_OVERHEAD <= deadline


def _finish(options: argparse.Namespace, runs: list[dict], skipped: list[str]) -> int:
    print("\n".join(output.summary_table(runs)) + output.headline(runs))
    if skipped:
        print(f"SKIPPED (over the --budget of {options.budget:g} s): {', '.join(skipped)}")
    path = options.output or ROOT / "instance" / f"soak-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    settings = {k: v for k, v in vars(options).items() if k != "output"}
    path.write_text(json.dumps({"settings": settings, "runs": runs, "skipped": skipped}, indent=2, default=str))
    print(f"figures: {path}")
    failed = skipped or any(not target["pass"] for run in runs for target in run["targets"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
