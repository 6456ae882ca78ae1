"""Shared helpers for benchmarks: timing, and one printed line per measurement."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """One measurement: its median time, the baseline's, and the target if any."""

    name: str
    seconds: float
    baseline_name: str | None = None
    baseline_seconds: float | None = None
    target: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.baseline_seconds:
            return None
        return self.seconds / self.baseline_seconds

    def line(self) -> str:
        text = f"{self.name:<58} {format_seconds(self.seconds):>10}"
        if self.ratio is not None:
            text += f"   x{self.ratio:7.2f} vs {self.baseline_name} ({format_seconds(self.baseline_seconds)})"
        if self.target:
            text += f"   target: {self.target}"
        return text


def format_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def median_time(function: Callable[[], object], repeat: int = 20) -> float:
    """Median wall time of ``repeat`` calls of ``function`` (after one warm-up call)."""
    function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)
