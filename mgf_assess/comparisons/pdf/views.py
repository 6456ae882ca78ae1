"""The views of the PDF: profiles (table, paged heatmap, radars), corridor, distribution and
regions, change (summary, paged dumbbells, rows), ranking and peer learning."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak

from mgf_assess.comparisons.charts import chart_drawings
from mgf_assess.comparisons.charts.dumbbell import dumbbell_rows
from mgf_assess.comparisons.charts.render import dumbbell_drawing, heatmap_drawing
from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import Comparison
from mgf_assess.reports.pdf.styles import CONTENT_WIDTH
from mgf_assess.reports.pdf.text import Writer

H, F, M = labels.HEADINGS, labels.FIELDS, labels.MARKS
ROWS_PER_DRAWING = 38  # heatmap rows that fit on one page
DUMBBELLS_PER_DRAWING = 48
MAX_HEIGHT = 180 * mm  # what is left of a page below a heading
EMPTY = "—"


def views_story(comparison: Comparison, writer: Writer) -> list:
    drawings = chart_drawings(comparison)
    story = profiles(comparison, writer, drawings) + corridor(comparison, writer)
    story += distribution(comparison, writer, drawings) + regions(comparison, writer) + change(comparison, writer)
    return story + ranking(comparison, writer) + peers(comparison, writer)


def _centred(drawing):
    """The drawing centred, scaled down (never up) to fit the page's width and height."""
    factor = min(1.0, CONTENT_WIDTH / drawing.width, MAX_HEIGHT / drawing.height)
    if factor < 1.0:
        drawing.scale(factor, factor)
        drawing.width, drawing.height = drawing.width * factor, drawing.height * factor
    drawing.hAlign = "CENTER"
    return drawing


def _chunks(items, size: int = ROWS_PER_DRAWING):
    return [items[start:start + size] for start in range(0, len(items), size)]


def profiles(comparison: Comparison, writer: Writer, drawings: dict) -> list:
    story = [writer.heading(labels.text(H, "profiles"), "h1", 0, "profiles")]
    if not comparison.profiles:
        return story + [writer.para(labels.text(M, "nothing")), PageBreak()]
    header = [labels.text(F, "country"), *[n.title for n in comparison.nodes]]
    rows = [[[writer.para(p.name, "cell_bold"), writer.para(p.region_name, "cell_muted")],
             *[_cell(writer, p.cells.get(n.id)) for n in comparison.nodes]] for p in comparison.profiles]
    story.append(writer.table(header, rows, [34 * mm, *[None] * len(comparison.nodes)]))
    for chunk in _chunks(comparison.profiles):
        story += [PageBreak(), writer.para(labels.text(H, "heatmap"), "h2"), _centred(heatmap_drawing(comparison, chunk))]
    if drawings["radars"] is not None:
        story += [PageBreak(), writer.para(labels.text(H, "radars"), "h2"), _centred(drawings["radars"])]
    return story + [PageBreak()]


def _cell(writer: Writer, cell) -> list:
    if cell is None or cell.score is None:
        return [writer.para(EMPTY, "cell_muted")]
    return [writer.para(writer.score(cell.score), "cell_bold"), writer.para(cell.band_label, "cell_muted")]


def corridor(comparison: Comparison, writer: Writer) -> list:
    view = comparison.corridor
    if view is None:
        return []
    route = " → ".join(f"{name} ({role})" for _code, name, _role, role in view.members)
    header = [labels.text(F, k) for k in ("domain", "band", "score", "holder")]
    rows = [[w.title, w.band_label or EMPTY, writer.score(w.score), ", ".join(n for _, n in w.holders) or EMPTY]
            for w in view.weakest]
    return [writer.heading(labels.text(H, "corridor", name=view.name), "h1", 0, "corridor"), writer.para(route),
            *writer.subheading(labels.text(H, "weakest")), writer.table(header, rows, [None, 40 * mm, 18 * mm, 50 * mm]),
            PageBreak()]


def _aggregate_row(writer: Writer, title: str, figures, bands) -> list:
    if figures.suppressed:
        return [title, labels.text(M, "suppressed"), *[""] * (len(bands) + 2)]
    counts = dict(figures.bands)
    return [title, writer.number(figures.n), *[f"{writer.number(counts.get(b.code, 0))}" for b in bands],
            f"{writer.number(figures.meeting)} ({writer.share(figures.share_meeting)})",
            f"{writer.score(figures.median)} [{writer.score(figures.q1)}–{writer.score(figures.q3)}]"]


def distribution(comparison: Comparison, writer: Writer, drawings: dict) -> list:
    world = comparison.distribution[0]
    header = [labels.text(F, "node"), labels.text(F, "states"), *[b.label for b in comparison.bands],
              labels.text(F, "meeting"), f"{labels.text(F, 'median')} [{labels.text(F, 'iqr')}]"]
    rows = [_aggregate_row(writer, n.title, world.aggregates[n.id], comparison.bands) for n in comparison.nodes]
    widths = [None, 16 * mm, *[16 * mm] * len(comparison.bands), 24 * mm, 30 * mm]
    return [writer.heading(labels.text(H, "distribution"), "h1", 0, "distribution"),
            writer.para(labels.text(labels.METHOD, "shares"), "muted"),
            KeepTogether([writer.para(labels.text(H, "distribution_chart"), "h3"), _centred(drawings["bars"])]),
            *writer.subheading(world.name), writer.table(header, rows, widths), PageBreak()]


def regions(comparison: Comparison, writer: Writer) -> list:
    """Per region and sub-region: the share meeting the target at each node, and n."""
    story = [writer.heading(labels.text(H, "regions"), "h1", 0, "regions"),
             writer.para(labels.text(labels.METHOD, "regions"), "muted")]
    header = [labels.text(F, "region"), *[f"{n.title} ({labels.text(F, 'meeting')})" for n in comparison.nodes]]
    rows = []
    for group in comparison.distribution[1:]:
        name = group.name if group.level == "region" else f"   {group.name}"
        rows.append([writer.para(name, "cell_bold" if group.level == "region" else "cell"),
                     *[_meeting(writer, group.aggregates[n.id]) for n in comparison.nodes]])
    if not rows:
        return story + [writer.para(labels.text(M, "nothing")), PageBreak()]
    return story + [writer.table(header, rows, [40 * mm, *[None] * len(comparison.nodes)]), PageBreak()]


def _meeting(writer: Writer, figures) -> str:
    if figures.suppressed:
        return labels.text(M, "suppressed")
    return f"{writer.share(figures.share_meeting)} (n = {writer.number(figures.n)})" if figures.n else EMPTY


def change(comparison: Comparison, writer: Writer) -> list:
    """The summary per domain, the dumbbells of each domain, then one row per country with
    every domain's change (baseline → current, delta, comparability and coverage)."""
    story = [writer.heading(labels.text(H, "change"), "h1", 0, "change")]
    if not comparison.baseline:
        return story + [writer.para(labels.text(M, "no_change")), PageBreak()]
    header = [labels.text(F, k) for k in ("domain", "states", "improved", "same", "declined")]
    rows = [[s.title, labels.text(M, "suppressed"), "", "", ""] if s.suppressed else
            [s.title, writer.number(s.n), *[f"{writer.number(getattr(s, k))} ({writer.share(s.share(k))})"
                                            for k in ("improved", "same", "declined")]]
            for s in comparison.change_summary]
    story += [*writer.subheading(labels.text(H, "change_summary")),
              writer.table(header, rows, [None, 16 * mm, 30 * mm, 30 * mm, 30 * mm])]
    for node in comparison.domains:
        story += _dumbbells(comparison, writer, node)
    return story + _change_table(comparison, writer) + [PageBreak()]


def _dumbbells(comparison: Comparison, writer: Writer, node) -> list:
    rows = dumbbell_rows(comparison, node.id)
    if not rows:
        return []
    story = writer.subheading(labels.text(H, "dumbbell", domain=node.title), "h3", room=70 * mm)
    for index, chunk in enumerate(_chunks(rows, DUMBBELLS_PER_DRAWING)):
        story += [PageBreak()] * (index > 0) + [_centred(dumbbell_drawing(comparison, chunk))]
    return story


def _change_table(comparison: Comparison, writer: Writer) -> list:
    """Countries × domains: each cell the change of one domain, or "not comparable"."""
    by_country: dict[str, dict] = {}
    for row in comparison.change:
        by_country.setdefault(row.country, {"name": row.name})[row.domain] = row
    header = [labels.text(F, "country"), *[n.title for n in comparison.domains]]
    rows = [[entry["name"], *[_change_cell(writer, entry.get(n.id)) for n in comparison.domains]]
            for entry in by_country.values()]
    if not rows:
        return [writer.para(labels.text(M, "nothing"))]
    return [PageBreak(), writer.para(labels.text(H, "change"), "h2"),
            writer.para(f"{labels.text(F, 'baseline')} → {labels.text(F, 'current')} "
                        f"({labels.text(F, 'delta')}) · {labels.text(F, 'comparability')} · "
                        f"{labels.text(F, 'coverage')}", "muted"),
            writer.table(header, rows, [30 * mm, *[None] * len(comparison.domains)])]


def _change_cell(writer: Writer, row) -> list:
    if row is None:
        return [writer.para(EMPTY, "cell_muted")]
    coverage = f"{row.comparability_label} · {row.questions}/{row.total}"
    if row.delta is None:
        return [writer.para(coverage, "cell_muted")]
    figures = f"{writer.score(row.baseline)} → {writer.score(row.current)} ({writer.score(row.delta)})"
    return [writer.para(figures, "cell"), writer.para(coverage, "cell_muted")]


def ranking(comparison: Comparison, writer: Writer) -> list:
    found = comparison.ranking
    if found is None:
        return []
    rows = [[str(r.rank), r.name, writer.score(r.score), r.band_label] for r in found.rows]
    return [writer.heading(f"{labels.text(H, 'ranking')}: {found.title}", "h1", 0, "ranking"),
            writer.para(labels.text(M, "no_ranking", node=found.node), "mark"),
            writer.table([labels.text(F, k) for k in ("rank", "country", "score", "band")], rows,
                         [14 * mm, None, 20 * mm, 45 * mm]), PageBreak()]


def peers(comparison: Comparison, writer: Writer) -> list:
    found = comparison.peers
    title = labels.text(H, "peers") + (f": {found.name}" if found else "")
    story = [writer.heading(title, "h1", 0, "peers")]
    if found is None:
        asked = comparison.request_query.get("peer")
        note = labels.text(M, "peer_unavailable", country=asked) if asked else labels.text(M, "no_peers")
        return story + [writer.para(note), PageBreak()]
    if not found.nodes:
        return story + [writer.para(labels.text(M, "peers_none", country=found.name)), PageBreak()]
    for node in found.nodes:
        story += [*writer.subheading(f"{node.title} ({writer.score(node.score)} · {node.band_label})", "h3"),
                  *writer.bullets([f"{r.priority_label}: {r.text}" for r in node.recommendations], "muted")]
        rows = [[p.name, writer.score(p.score), p.band_label] for p in node.peers]
        story.append(writer.table([labels.text(F, k) for k in ("country", "score", "band")], rows,
                                  [None, 20 * mm, 45 * mm]) if rows else writer.para(labels.text(M, "nothing"), "muted"))
        if node.more:
            story.append(writer.para(labels.text(M, "more_peers", n=node.more), "muted"))
    return story + [PageBreak()]
