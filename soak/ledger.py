"""What the simulated users saw: every request with its timing and outcome, and every write
the server acknowledged. Shared by the users' threads (appends under one lock)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

OK, HANDLED, FAILED = "ok", "handled", "failed"


@dataclass(frozen=True)
class Call:
    """One request: its kind (``page:section``), monotonic start and end, HTTP status (None when
    no response came), and outcome: ok, handled (an answered conflict) or failed."""

    kind: str
    started: float
    ended: float
    status: int | None
    outcome: str
    detail: str = ""

    @property
    def seconds(self) -> float:
        return self.ended - self.started


@dataclass(frozen=True)
class AckedSave:
    """A save the server answered with success: the answer's revision and value it reported."""

    assessment: int
    question: str
    revision: int
    value: object
    user: int


@dataclass(frozen=True)
class AckedUpload:
    """An evidence file the server answered 201 to, and the digest of what was sent."""

    assessment: int
    evidence: int
    sha256: str
    account: str


@dataclass
class Ledger:
    """Every call and acknowledgement of one run, and the outage window of a crash run."""

    calls: list[Call] = field(default_factory=list)
    saves: list[AckedSave] = field(default_factory=list)
    uploads: list[AckedUpload] = field(default_factory=list)
    outage: tuple[float, float] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)

    def ack_save(self, save: AckedSave) -> None:
        with self._lock:
            self.saves.append(save)

    def ack_upload(self, upload: AckedUpload) -> None:
        with self._lock:
            self.uploads.append(upload)

    def during_outage(self, call: Call) -> bool:
        """Whether the call overlapped the time the server was down (killed, not yet answering)."""
        if self.outage is None:
            return False
        down, up = self.outage
        return call.started <= up and call.ended >= down


def classify(ledger: Ledger, call: Call) -> str:
    """ok, handled, outage (failed while the server was down: not an error) or error."""
    if call.outcome != FAILED:
        return call.outcome
    return "outage" if ledger.during_outage(call) else "error"
