"""The heatmap: countries × nodes, each cell coloured by its band and showing its score.

Colour is never the only carrier: the score is written in the cell, the band is in the
legend and in the data table beside the chart.
"""

from __future__ import annotations

from mgf_assess.comparisons.charts.canvas import width_of, wrap
from mgf_assess.comparisons.charts.palette import EMPTY, INK, MUTED, band_colours, text_on
from mgf_assess.comparisons.data.model import Comparison, Profile
from mgf_assess.reports.data.formatting import score_text

NAME_WIDTH, CELL_WIDTH, ROW_HEIGHT, HEAD_SIZE = 150.0, 62.0, 16.0, 7.0
LEGEND_HEIGHT = 26.0


def heatmap_size(comparison: Comparison, rows: int) -> tuple[float, float]:
    head = _head_height(comparison)
    return NAME_WIDTH + CELL_WIDTH * len(comparison.nodes), head + rows * ROW_HEIGHT + LEGEND_HEIGHT


def _head_height(comparison: Comparison) -> float:
    lines = max((len(wrap(n.title, HEAD_SIZE, CELL_WIDTH - 4, True)) for n in comparison.nodes), default=1)
    return 8 + lines * (HEAD_SIZE + 2)


def draw_heatmap(canvas, comparison: Comparison, profiles: tuple[Profile, ...]) -> None:
    """Header row of node titles, one row per profile, and the band legend."""
    colours = dict(zip([b.code for b in comparison.bands], band_colours(len(comparison.bands)), strict=True))
    inks = {fill: text_on(fill) for fill in [*colours.values(), EMPTY]}
    head = _head_height(comparison)
    for column, node in enumerate(comparison.nodes):
        x = NAME_WIDTH + column * CELL_WIDTH + CELL_WIDTH / 2
        for index, line in enumerate(wrap(node.title, HEAD_SIZE, CELL_WIDTH - 4, True)):
            canvas.text(x, 8 + index * (HEAD_SIZE + 2), line, HEAD_SIZE, "middle", bold=True)
    for row, item in enumerate(profiles):
        top = head + row * ROW_HEIGHT
        canvas.text(NAME_WIDTH - 6, top + ROW_HEIGHT - 4.5, item.name, 7.5, "end")
        for column, node in enumerate(comparison.nodes):
            cell = item.cells.get(node.id)
            fill = colours.get(cell.band, EMPTY) if cell else EMPTY
            x = NAME_WIDTH + column * CELL_WIDTH
            canvas.rect(x + 1, top + 1, CELL_WIDTH - 2, ROW_HEIGHT - 2, fill)
            value = score_text(cell.score if cell else None, comparison.language)
            canvas.text(x + CELL_WIDTH / 2, top + ROW_HEIGHT - 4.5, value, 7, "middle", fill=inks[fill])
    draw_legend(canvas, comparison, head + len(profiles) * ROW_HEIGHT + 8)


def draw_legend(canvas, comparison: Comparison, top: float, left: float = 4.0) -> None:
    """One swatch and label per band, in a row."""
    x = left
    for band, colour in zip(comparison.bands, band_colours(len(comparison.bands)), strict=True):
        canvas.rect(x, top, 10, 10, colour, MUTED)
        canvas.text(x + 14, top + 8.5, band.label, 7.5, fill=INK)
        x += 24 + width_of(band.label, 7.5)


def heatmap_description(comparison: Comparison, profiles: tuple[Profile, ...]) -> str:
    """Every country's score and band at every node, for screen readers (a short summary past
    a dozen countries: the data table beside the chart holds every value)."""
    if len(profiles) > 12:
        return f"{len(profiles)} × {len(comparison.nodes)}: " + ", ".join(n.title for n in comparison.nodes) + "."
    parts = []
    for item in profiles:
        values = "; ".join(f"{node.title} {score_text(item.cells[node.id].score, comparison.language)} "
                           f"{item.cells[node.id].band_label}".strip()
                           for node in comparison.nodes if node.id in item.cells)
        parts.append(f"{item.name}: {values}.")
    return " ".join(parts)
