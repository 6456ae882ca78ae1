"""A comparison flattened into rows: the tidy long table (CSV, JSON) and the sheets (XLSX).

Keys are stable and language-independent; values are raw (``Decimal`` numbers, localized
texts). ``TIDY_KEYS`` is the tidy table's header.
"""

from __future__ import annotations

from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import Aggregate, Comparison, Profile

TIDY_KEYS = ["country", "country_name", "region", "region_name", "subregion", "subregion_name", "cycle",
             "questionnaire", "version", "assessment", "snapshot", "snapshot_kind", "source", "level", "domain",
             "node", "node_title", "score", "band", "band_label", "completeness", "confidence", "published"]


def tidy_rows(comparison: Comparison) -> list[dict]:
    """One row per country × cycle × node (overall, domains, areas), current cycle first."""
    titles = {node.id: node.title for node in comparison.nodes}
    rows = []
    for item in (*comparison.profiles, *comparison.baseline_profiles):
        rows += [_tidy(comparison, item, node_id, cell, titles) for node_id, cell in item.cells.items()
                 if node_id != "overall" or "overall" in titles]
    return rows


def _level(comparison: Comparison, node_id: str) -> tuple[str, str | None]:
    if node_id == "overall":
        return "overall", None
    if node_id in comparison.areas:
        return "area", comparison.areas[node_id][0]
    return "domain", node_id


def _tidy(comparison: Comparison, item: Profile, node_id: str, cell, titles: dict) -> dict:
    level, domain = _level(comparison, node_id)
    title = comparison.areas[node_id][1] if level == "area" else titles.get(node_id, node_id)
    return {"country": item.country, "country_name": item.name, "region": item.region,
            "region_name": item.region_name, "subregion": item.subregion, "subregion_name": item.subregion_name,
            "cycle": item.cycle, "questionnaire": comparison.questionnaire, "version": item.version,
            "assessment": item.assessment_id, "snapshot": item.snapshot_id, "snapshot_kind": item.snapshot_kind,
            "source": comparison.source, "level": level, "domain": domain, "node": node_id, "node_title": title,
            "score": cell.score, "band": cell.band, "band_label": cell.band_label,
            "completeness": cell.completeness, "confidence": cell.confidence, "published": item.public}


def profile_rows(comparison: Comparison) -> tuple[list[str], list[dict]]:
    """The Profiles sheet: one row per country, a score and a band column per node."""
    keys = ["country", "country_name", "region_name", "subregion_name", "role", "version", "snapshot"]
    for node in comparison.nodes:
        keys += [f"{node.id}:score", f"{node.id}:band"]
    rows = [{"country": p.country, "country_name": p.name, "region_name": p.region_name,
             "subregion_name": p.subregion_name, "role": p.role_label, "version": p.version, "snapshot": p.snapshot_id,
             **{f"{n.id}:score": p.cells[n.id].score for n in comparison.nodes if n.id in p.cells},
             **{f"{n.id}:band": p.cells[n.id].band_label for n in comparison.nodes if n.id in p.cells}}
            for p in comparison.profiles]
    return keys, rows


def aggregate_row(comparison: Comparison, group, node, figures: Aggregate) -> dict:
    row = {"group": group.code, "group_name": group.name, "level": labels.text(labels.LABELS["level"], group.level),
           "parent": group.parent or "", "node": node.id, "node_title": node.title, "target": node.target_label}
    if figures.suppressed:
        return {**row, "suppressed": labels.text(labels.MARKS, "suppressed")}
    counts = dict(figures.bands)
    for band in comparison.bands:
        row[f"{band.code}:count"], row[f"{band.code}:share"] = counts.get(band.code, 0), figures.share(band.code)
    return {**row, "n": figures.n, "meeting": figures.meeting, "share_meeting": figures.share_meeting,
            "median": figures.median, "q1": figures.q1, "q3": figures.q3, "suppressed": ""}


def aggregate_keys(comparison: Comparison) -> list[str]:
    keys = ["group", "group_name", "level", "parent", "node", "node_title", "target", "n"]
    for band in comparison.bands:
        keys += [f"{band.code}:count", f"{band.code}:share"]
    return keys + ["meeting", "share_meeting", "median", "q1", "q3", "suppressed"]


def distribution_rows(comparison: Comparison, regional: bool) -> list[dict]:
    groups = comparison.distribution[1:] if regional else comparison.distribution[:1]
    return [aggregate_row(comparison, g, n, g.aggregates[n.id]) for g in groups for n in comparison.nodes]


CHANGE_KEYS = ["country", "country_name", "domain", "domain_title", "baseline", "current", "delta", "baseline_band",
               "current_band", "movement", "comparability", "questions", "total"]


def change_rows(comparison: Comparison) -> list[dict]:
    return [{"country": r.country, "country_name": r.name, "domain": r.domain, "domain_title": r.domain_title,
             "baseline": r.baseline, "current": r.current, "delta": r.delta, "baseline_band": r.baseline_band_label,
             "current_band": r.current_band_label, "movement": r.movement_label,
             "comparability": r.comparability_label, "questions": r.questions, "total": r.total}
            for r in comparison.change]


PEER_KEYS = ["for_country", "node", "level", "node_title", "score", "band", "recommendations", "peer",
             "peer_name", "proximity", "peer_score", "peer_band"]


def peer_rows(comparison: Comparison) -> list[dict]:
    found = comparison.peers
    if found is None:
        return []
    rows = []
    for node in found.nodes:
        base = {"for_country": found.country, "node": node.id, "level": node.level, "node_title": node.title,
                "score": node.score, "band": node.band_label,
                "recommendations": " | ".join(f"{r.priority_label}: {r.text}" for r in node.recommendations)}
        rows += [{**base, "peer": p.country, "peer_name": p.name, "proximity": p.proximity, "peer_score": p.score,
                  "peer_band": p.band_label} for p in node.peers] or [base]
    return rows


def method_rows(comparison: Comparison) -> list[dict]:
    method = comparison.method
    rows = [{"item": labels.text(labels.HEADINGS, "method"), "value": sentence} for sentence in method.sentences]
    rows += [{"item": labels.text(labels.FIELDS, "version"), "value": ", ".join(method.versions)},
             {"item": labels.text(labels.FIELDS, "mapping"), "value": "; ".join(method.mappings)},
             {"item": labels.text(labels.FIELDS, "engine_version"), "value": method.engine_version}]
    assessment, snapshot = labels.text(labels.FIELDS, "assessment"), labels.text(labels.FIELDS, "snapshot")
    rows += [{"item": snapshot, "value": f"{s.name} ({s.country}) {s.cycle}: {s.version}, {assessment} "
                                         f"{s.assessment_id}, {snapshot} {s.snapshot_id} ({s.kind}), "
                                         f"{s.date.date().isoformat()}"}
             for s in method.snapshots]
    if comparison.preliminary:
        rows.insert(0, {"item": labels.text(labels.MARKS, "preliminary"), "value": ""})
    return rows
