"""Small-multiple radars: one small radar of domain scores per country, up to ``MAX_RADARS``."""

from __future__ import annotations

import math

from mgf_assess.comparisons.charts.canvas import wrap
from mgf_assess.comparisons.charts.palette import CURRENT, INK, RULE
from mgf_assess.comparisons.data.model import Comparison, Profile
from mgf_assess.reports.data.formatting import score_text

MAX_RADARS = 12
TILE, RADIUS, COLUMNS = 170.0, 52.0, 3
RINGS = (25, 50, 75, 100)


def radar_profiles(comparison: Comparison) -> tuple[Profile, ...]:
    """The profiles drawn as radars: all of them up to ``MAX_RADARS`` with 3 domains or more."""
    if len(comparison.domains) < 3 or not 0 < len(comparison.profiles) <= MAX_RADARS:
        return ()
    return comparison.profiles


def radars_size(count: int) -> tuple[float, float]:
    return TILE * min(count, COLUMNS), TILE * math.ceil(count / COLUMNS)


def draw_radars(canvas, comparison: Comparison, profiles: tuple[Profile, ...]) -> None:
    domains = comparison.domains
    step = 2 * math.pi / len(domains)
    angles = [-math.pi / 2 + i * step for i in range(len(domains))]
    for index, item in enumerate(profiles):
        left, top = (index % COLUMNS) * TILE, (index // COLUMNS) * TILE
        centre = (left + TILE / 2, top + TILE / 2 + 8)
        canvas.text(centre[0], top + 12, item.name, 8.5, "middle", bold=True)
        _grid(canvas, centre, angles)
        values = [item.cells[d.id].score if d.id in item.cells else None for d in domains]
        points = [_point(centre, a, float(v or 0)) for a, v in zip(angles, values, strict=True)]
        canvas.polygon(points, CURRENT, CURRENT, 0.18)
        for point, value in zip(points, values, strict=True):
            if value is not None:
                canvas.circle(point[0], point[1], 1.8, CURRENT)
        for angle, domain in zip(angles, domains, strict=True):
            x, y = _point(centre, angle, 118)
            anchor = "start" if math.cos(angle) > 0.3 else "end" if math.cos(angle) < -0.3 else "middle"
            lines = wrap(domain.title, 6, 56, limit=2)
            for number, line in enumerate(lines):  # two short lines at most, centred on the spoke
                canvas.text(x, y + 3 + (number - (len(lines) - 1) / 2) * 7, line, 6, anchor, fill=INK)


def _point(centre, angle: float, value: float) -> tuple[float, float]:
    distance = RADIUS * value / 100
    return centre[0] + distance * math.cos(angle), centre[1] + distance * math.sin(angle)


def _grid(canvas, centre, angles) -> None:
    for ring in RINGS:
        canvas.polygon([_point(centre, a, ring) for a in angles], RULE)
    for angle in angles:
        x, y = _point(centre, angle, 100)
        canvas.line(centre[0], centre[1], x, y, RULE, 0.5)


def radars_description(comparison: Comparison, profiles: tuple[Profile, ...]) -> str:
    return " ".join(
        f"{p.name}: " + "; ".join(f"{d.title} {score_text(p.cells[d.id].score if d.id in p.cells else None, comparison.language)}"
                                 for d in comparison.domains) + "." for p in profiles)
