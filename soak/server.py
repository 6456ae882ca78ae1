"""gunicorn on 127.0.0.1 as ``make serve`` runs it, in a process group of its own so that a
crash run can kill the master and every worker at once (``kill -9 -PGID``)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from soak.instance import ROOT

WORKERS = 4
READY_SECONDS = 60  # the longest a start may take before the run gives up


def free_port() -> int:
    """A port of 127.0.0.1 nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """One gunicorn server of a run: start, wait until it answers, crash, stop."""

    def __init__(self, env: dict, port: int, log: Path):
        self.env, self.port, self.log = env, port, log
        self.process: subprocess.Popen | None = None
        self.starts = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> float:
        """Start the server and wait until /healthz answers 200; returns the moment it did."""
        command = [str(Path(sys.executable).parent / "gunicorn"), "--workers", str(WORKERS),
                   "--bind", f"127.0.0.1:{self.port}", "--error-logfile", str(self.log),
                   "--no-control-socket", "wsgi:app"]  # no shared control socket: other servers may run
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)
        self.starts += 1
        return self._wait_ready()

    def _wait_ready(self) -> float:
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}:\n{self._log_tail()}")
            try:
                if requests.get(f"{self.base}/healthz", timeout=2).status_code == 200:
                    return time.monotonic()
            except requests.RequestException:
                pass  # not listening yet
            time.sleep(0.05)
        raise RuntimeError(f"gunicorn did not answer within {READY_SECONDS} s:\n{self._log_tail()}")

    def _log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:]) if self.log.exists() else ""

    def cpu_seconds(self) -> float:
        """CPU time (user and system) the server's processes have used so far: the master and
        its live workers, read from /proc (0 where /proc is not available)."""
        total, ticks = 0.0, os.sysconf("SC_CLK_TCK")
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # the process ended meanwhile
            if self.process is not None and int(fields[2]) == self.process.pid:  # its process group
                total += (int(fields[11]) + int(fields[12])) / ticks
        return total

    def crash(self) -> float:
        """``kill -9`` the whole process group (master and workers); returns the moment."""
        moment = time.monotonic()
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        _wait_gone(self.process.pid)
        return moment

    def stop(self) -> None:
        """Stop (SIGINT: gunicorn's quick shutdown; the load is over, nothing is in flight),
        killing the group if it has not stopped in 30 s."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def _wait_gone(group: int, seconds: float = 5) -> None:
    """Wait (a few seconds at most) until no process of the group is left, workers included."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)
