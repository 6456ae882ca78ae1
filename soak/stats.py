"""Latency figures: percentiles and the summary of one kind of request."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(values: Sequence[float], share: float) -> float | None:
    """The nearest-rank percentile (``share`` from 0 to 1) of ``values``; None when empty.

    Nearest rank, not interpolation: the figure is always a latency that was measured, and
    p95 of 20 samples is the 19th fastest, so one slow request in 20 does not hide."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def summary(latencies: Sequence[float]) -> dict:
    """Count, p50, p95 and maximum of a list of latencies in seconds."""
    return {"count": len(latencies), "p50": percentile(latencies, 0.50),
            "p95": percentile(latencies, 0.95), "max": max(latencies) if latencies else None}
