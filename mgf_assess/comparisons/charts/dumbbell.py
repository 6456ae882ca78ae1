"""Dumbbells of one domain: per country, the baseline score and the current one on a 0–100
axis, joined by a line; countries without a comparable change are left out."""

from __future__ import annotations

from mgf_assess.comparisons.charts.palette import BASELINE, CURRENT, INK, MUTED, RULE
from mgf_assess.comparisons.data.model import ChangeRow, Comparison
from mgf_assess.reports.data.formatting import score_text

NAME_WIDTH, AXIS_WIDTH, ROW, TOP = 150.0, 300.0, 12.0, 24.0


def dumbbell_rows(comparison: Comparison, domain: str) -> list[ChangeRow]:
    return [row for row in comparison.change if row.domain == domain and row.delta is not None]


def dumbbell_size(count: int) -> tuple[float, float]:
    return NAME_WIDTH + AXIS_WIDTH + 20, TOP + count * ROW + 22


def _x(value) -> float:
    return NAME_WIDTH + AXIS_WIDTH * float(value) / 100


def draw_dumbbell(canvas, comparison: Comparison, rows: list[ChangeRow], legend: tuple[str, str]) -> None:
    for tick in (0, 25, 50, 75, 100):
        canvas.line(_x(tick), TOP - 4, _x(tick), TOP + len(rows) * ROW, RULE, 0.5)
        canvas.text(_x(tick), TOP - 8, str(tick), 6.5, "middle", fill=MUTED)
    for index, row in enumerate(rows):
        y = TOP + index * ROW + ROW / 2
        canvas.text(NAME_WIDTH - 6, y + 3, row.name, 7.5, "end")
        canvas.line(_x(row.baseline), y, _x(row.current), y, MUTED, 1.6)
        canvas.circle(_x(row.baseline), y, 3.2, BASELINE)
        canvas.circle(_x(row.current), y, 3.2, CURRENT)
    bottom = TOP + len(rows) * ROW + 12
    canvas.circle(NAME_WIDTH + 4, bottom, 3.2, BASELINE)
    canvas.text(NAME_WIDTH + 12, bottom + 3, legend[0], 7.5, fill=INK)
    canvas.circle(NAME_WIDTH + 120, bottom, 3.2, CURRENT)
    canvas.text(NAME_WIDTH + 128, bottom + 3, legend[1], 7.5, fill=INK)


def dumbbell_description(comparison: Comparison, rows: list[ChangeRow]) -> str:
    language = comparison.language
    return " ".join(f"{r.name}: {score_text(r.baseline, language)} → {score_text(r.current, language)}."
                    for r in rows)
