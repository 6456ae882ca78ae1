"""pandas adapter: many score sets as one tidy DataFrame, for comparison reports.

One row per assessment × node. Scores are the reported values (2 decimals) as floats, with
NaN for a null score; completeness and confidence are rounded to 4 decimals like in JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from scoring.engine.aggregate import report
from scoring.engine.results import ScoreSet

LEVELS = ("overall", "domain", "area", "question")
COLUMNS = (
    "country",
    "cycle",
    "questionnaire",
    "version",
    "level",
    "domain",
    "node",
    "score",
    "self_score",
    "band",
    "self_band",
    "completeness",
    "confidence",
    "below_target",
)
FLOAT_COLUMNS = ("score", "self_score", "completeness", "confidence")


def results_frame(
    items: Iterable[tuple[object, object, ScoreSet]],
    levels: Sequence[str] = ("overall", "domain", "area"),
) -> pd.DataFrame:
    """A tidy frame from ``(country, cycle, scoreset)`` triples, rows in input then tree order.

    ``levels`` picks the node levels to include (``question`` adds one row per question).
    """
    unknown = set(levels) - set(LEVELS)
    if unknown:
        raise ValueError(f"unknown levels {sorted(unknown)}; levels are {', '.join(LEVELS)}")
    rows = [
        row
        for country, cycle, scoreset in items
        for row in node_rows(country, cycle, scoreset)
        if row["level"] in levels
    ]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame = frame.astype({column: "float64" for column in FLOAT_COLUMNS})
    return frame.astype({"below_target": "boolean"})


def node_rows(country: object, cycle: object, scoreset: ScoreSet) -> list[dict]:
    """One row dict per node of one score set, in tree order."""
    base = {
        "country": country,
        "cycle": cycle,
        "questionnaire": scoreset.questionnaire,
        "version": scoreset.version,
    }
    rows = [_row(base, "overall", None, "overall", scoreset.overall)]
    for domain in scoreset.domains:
        rows.append(_row(base, "domain", domain.id, domain.id, domain, domain.below_target))
        for area in domain.areas:
            rows.append(_row(base, "area", domain.id, area.id, area))
            rows.extend(_row(base, "question", domain.id, q.id, q) for q in area.questions)
    return rows


def _row(base: dict, level: str, domain: str | None, node_id: str, node, below=None) -> dict:
    # Questions carry a tally too, but completeness and confidence are node-level measures.
    tally = None if level == "question" else node.tally
    return {
        **base,
        "level": level,
        "domain": domain,
        "node": node_id,
        "score": _float(node.score),
        "self_score": _float(node.self_score),
        "band": node.band,
        "self_band": node.self_band,
        "completeness": None if tally is None else _float(report(tally.completeness, 4)),
        "confidence": None if tally is None else _float(report(tally.confidence, 4)),
        "below_target": below,
    }


def _float(value) -> float | None:
    return None if value is None else float(value)
