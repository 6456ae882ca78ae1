"""One run: a fresh instance on one database, gunicorn, the simulated users for the duration
(with, for a crash run, the server's process group killed midway and restarted), then the
acknowledged writes and the integrity checks."""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from soak import instance, integrity, verify
from soak.client import Client
from soak.databases import scratch
from soak.figures import figures
from soak.ledger import Ledger
from soak.server import WORKERS, Gunicorn, free_port
from soak.users import Deadline, SimulatedUser

OUTAGE_PAUSE = 2.0  # seconds between the kill and the restart: the outage users run into
AFTER_RESTART = 15.0  # seconds of load at least once the restarted server answers


@dataclass(frozen=True)
class Settings:
    """What every run of one soak shares."""

    duration: float
    users: int
    think: float


def run_database(database: str, crashes: list[bool], settings: Settings, seed: instance.Seeded,
                 fits: Callable[[], bool]) -> list[dict]:
    """The runs of one database (load, crash) one after the other on one copy of the seeded
    demo and one server (started once; a crash run restarts it), each with its own users and
    ledger, checked as it ends; the integrity checks once, with the server stopped, reported
    with the last run. A run that no longer ``fits`` in the budget is left out."""
    with tempfile.TemporaryDirectory(prefix="mgf-soak-") as folder, scratch(database, Path(folder), seed.url) as url:
        env = instance.environment(Path(folder), url)
        instance.copy_uploads(seed, env)
        accounts = instance.plan(env)
        server, done = Gunicorn(env, free_port(), Path(folder) / "gunicorn.log"), []
        try:
            server.start()
            done = [_one_run(crash, server, accounts, settings, url) for crash in crashes if fits()]
        finally:
            server.stop()
        if done:
            done[-1]["integrity"] = integrity.check(database, env, sorted({a.assessment for a in accounts}))
        log = _tail(server.log)
    common = {"seed_seconds": round(seed.seconds, 1), "server_log_tail": log}
    return [figures(database, run["crash"], *run["outcome"], run.get("integrity"), {**run["events"], **common})
            for run in done]


def _one_run(crash: bool, server: Gunicorn, accounts: list, settings: Settings, url: str) -> dict:
    """One run's load, then its acknowledged writes looked up (the server still up)."""
    clock, ledger = Phases(), Ledger()
    instance.refresh_revisions(accounts, url)
    events = _load(server, ledger, accounts, settings, crash, clock)
    saves, uploads = verify.acknowledged_writes(ledger, accounts, url, server.base)
    clock.mark("verify")
    return {"crash": crash, "outcome": (ledger, saves, uploads),
            "events": {**events, "phase_seconds": clock.spent}}


class Phases:
    """Seconds spent in each phase of a run, in order (for the budget and the report)."""

    def __init__(self):
        self.last, self.spent = time.monotonic(), {}

    def mark(self, phase: str) -> None:
        now = time.monotonic()
        self.spent[phase], self.last = round(now - self.last, 1), now


def _load(server: Gunicorn, ledger: Ledger, accounts: list, settings: Settings, crash: bool, clock: Phases) -> dict:
    """Sign every user in, let them act for the duration, crash and restart midway if asked."""
    client = Client(server.base, ledger)
    users = [SimulatedUser(n, accounts[n % len(accounts)], client, settings.think) for n in range(settings.users)]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:  # as many at once as there are workers
        list(pool.map(SimulatedUser.sign_in, users))
    clock.mark("sign_in")
    started, before, cpu = time.monotonic(), os.getloadavg()[0], server.cpu_seconds()
    deadline = Deadline(started + settings.duration)
    threads = [threading.Thread(target=user.run, args=(deadline,), daemon=True) for user in users]
    for thread in threads:
        thread.start()
    events = _crash_midway(server, ledger, started, deadline) if crash else {}
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    busy = None if crash else round((server.cpu_seconds() - cpu) / elapsed, 2)  # a kill loses the workers' counts
    clock.mark("load")
    return {**events, "load_seconds": round(elapsed, 1), "load_average": [before, os.getloadavg()[0]],
            "server_cores_busy": busy}


def _crash_midway(server: Gunicorn, ledger: Ledger, started: float, deadline: Deadline) -> dict:
    """kill -9 the server's process group halfway, restart it after OUTAGE_PAUSE; the load goes
    on for at least AFTER_RESTART seconds once it answers again, so the restarted server is
    tested too (however long its workers took to start)."""
    planned = deadline.at
    time.sleep(max(0.0, started + (planned - started) / 2 - time.monotonic()))
    deadline.at = float("inf")  # nobody stops while the server is down
    killed = server.crash()
    time.sleep(OUTAGE_PAUSE)
    try:
        ready = server.start()
    finally:
        deadline.at = planned
    ledger.outage = (killed, ready)
    deadline.at = max(planned, ready + AFTER_RESTART)
    return {"killed_at": round(killed - started, 1), "outage_seconds": round(ready - killed, 1)}


def _tail(log: Path, lines: int = 30) -> list[str]:
    """The last lines of the server's log (kept in the figures: the folder is removed)."""
    return log.read_text(errors="replace").splitlines()[-lines:] if log.exists() else []
