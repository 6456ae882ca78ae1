"""Stacked bars: per node, the share of states in each band (one bar of 100 %), and the
number of states beside it; a withheld aggregate is written out instead of drawn."""

from __future__ import annotations

from mgf_assess.comparisons.charts.canvas import wrap
from mgf_assess.comparisons.charts.heatmap import draw_legend
from mgf_assess.comparisons.charts.palette import INK, MUTED, band_colours, text_on
from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import Comparison, Group
from mgf_assess.reports.data.formatting import share_text

LABEL_WIDTH, BAR_WIDTH, ROW, BAR = 150.0, 320.0, 30.0, 16.0


def bars_size(comparison: Comparison) -> tuple[float, float]:
    return LABEL_WIDTH + BAR_WIDTH + 60, len(comparison.nodes) * ROW + 30


def draw_bars(canvas, comparison: Comparison, group: Group) -> None:
    colours = band_colours(len(comparison.bands))
    for row, node in enumerate(comparison.nodes):
        top, figures = row * ROW + 6, group.aggregates[node.id]
        for index, line in enumerate(wrap(node.title, 7.5, LABEL_WIDTH - 10, limit=2)):
            canvas.text(LABEL_WIDTH - 8, top + 8 + index * 9, line, 7.5, "end")
        if figures.suppressed or not figures.n:
            note = labels.text(labels.MARKS, "suppressed") if figures.suppressed else "—"
            canvas.text(LABEL_WIDTH, top + 12, note, 7.5, fill=MUTED)
            continue
        x = LABEL_WIDTH
        for (code, count), colour in zip(figures.bands, colours, strict=True):
            width = BAR_WIDTH * count / figures.n
            canvas.rect(x, top, width, BAR, colour)
            if width > 26:
                canvas.text(x + width / 2, top + 11, share_text(figures.share(code), comparison.language)
                            .replace("\u00a0", " "), 6.5, "middle", fill=text_on(colour))
            x += width
        canvas.text(LABEL_WIDTH + BAR_WIDTH + 6, top + 11, f"n = {figures.n}", 7, fill=INK)
    draw_legend(canvas, comparison, len(comparison.nodes) * ROW + 12)


def bars_description(comparison: Comparison, group: Group) -> str:
    parts = []
    for node in comparison.nodes:
        figures = group.aggregates[node.id]
        if figures.suppressed:
            parts.append(f"{node.title}: {labels.text(labels.MARKS, 'suppressed')}.")
            continue
        shares = "; ".join(f"{b.label} {share_text(figures.share(b.code), comparison.language)}"
                           for b in comparison.bands)
        parts.append(f"{node.title} (n = {figures.n}): {shares}.")
    return " ".join(parts)
