"""One run: a fresh instance on one database, gunicorn, the simulated users for the duration
(with, for a crash run, the server's process group killed midway and restarted), then the
acknowledged writes and the integrity checks."""

from __future__ import annotations

import os
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from soak import instance, integrity, verify
from soak.client import Client
from soak.databases import scratch
from soak.figures import figures
from soak.ledger import Ledger
from soak.server import Gunicorn, free_port
from soak.users import Deadline, SimulatedUser

OUTAGE_PAUSE = 2.0  # seconds between the kill and the restart: the outage users run into
AFTER_RESTART = 15.0  # seconds of load at least once the restarted server answers


@dataclass(frozen=True)
class Settings:
    """What every run of one soak shares."""

    duration: float
    users: int
    think: float


def run(database: str, crash: bool, settings: Settings, seed: instance.Seeded) -> dict:
    """Run one scenario on a copy of the seeded database and return its figures."""
    with tempfile.TemporaryDirectory(prefix="mgf-soak-") as folder, scratch(database, Path(folder), seed.url) as url:
        env = instance.environment(Path(folder), url)
        began = time.monotonic()
        instance.copy_uploads(seed, env)
        accounts = instance.plan(env)
        server = Gunicorn(env, free_port(), Path(folder) / "gunicorn.log")
        ledger = Ledger()
        setup = time.monotonic() - began
        try:
            server.start()
            events = _load(server, ledger, accounts, settings, crash)
            saves, uploads = verify.acknowledged_writes(ledger, accounts, url, server.base)
        finally:
            server.stop()
        checks = integrity.check(database, env, sorted({a.assessment for a in accounts}))
        log = _tail(server.log)
    return figures(database, crash, ledger, saves, uploads, checks,
                   {**events, "setup_seconds": round(setup, 1), "seed_seconds": round(seed.seconds, 1),
                    "server_log_tail": log})


def _load(server: Gunicorn, ledger: Ledger, accounts: list, settings: Settings, crash: bool) -> dict:
    """Sign every user in, let them act for the duration, crash and restart midway if asked."""
    client = Client(server.base, ledger)
    users = [SimulatedUser(n, accounts[n % len(accounts)], client, settings.think) for n in range(settings.users)]
    for user in users:
        user.sign_in()
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
