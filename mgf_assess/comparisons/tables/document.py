"""The comparison as the API's JSON document (``GET /api/v1/comparisons``).

Codes rather than words (band, comparability, movement); scores as numbers (two decimals),
shares as fractions from 0 to 1. A withheld aggregate is ``{"suppressed": true}`` with no
count, share or median. Only countries the caller may see appear in ``countries``,
``change``, ``ranking`` and ``peers``.
"""

from __future__ import annotations

from decimal import Decimal

from mgf_assess.comparisons.data.model import Aggregate, ChangeSummary, Comparison, Profile


def number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def api_document(comparison: Comparison) -> dict:
    return {
        "questionnaire": comparison.questionnaire, "cycle": comparison.cycle, "baseline": comparison.baseline,
        "source": comparison.source, "preliminary": comparison.preliminary,
        "countries": [_country(comparison, p) for p in comparison.profiles],
        "distribution": _distribution(comparison),
        "change": [{"country": r.country, "domain": r.domain, "baseline": number(r.baseline),
                    "current": number(r.current), "delta": number(r.delta), "comparability": r.comparability,
                    "coverage": {"questions": r.questions, "total": r.total}, "movement": r.movement,
                    "baseline_band": r.baseline_band, "current_band": r.current_band} for r in comparison.change],
        "change_summary": {s.domain: _summary(s) for s in comparison.change_summary},
        "ranking": _ranking(comparison), "peers": _peers(comparison), "corridor": _corridor(comparison),
        "counted": {"states": comparison.population, "not_shown": comparison.hidden},
        "snapshots": [{"country": s.country, "cycle": s.cycle, "version": s.version, "assessment": s.assessment_id,
                       "snapshot": s.snapshot_id, "kind": s.kind, "created_at": s.date.isoformat()}
                      for s in comparison.method.snapshots],
    }


def _figures(cell) -> dict:
    return {"score": number(cell.score), "band": cell.band, "completeness": number(cell.completeness),
            "confidence": number(cell.confidence)}


def _country(comparison: Comparison, item: Profile) -> dict:
    overall = item.cells.get("overall")
    has_overall = any(node.id == "overall" for node in comparison.nodes)
    return {"country": item.country, "region": item.region, "subregion": item.subregion, "version": item.version,
            "snapshot": item.snapshot_id, "published": item.public,
            "overall": {"score": number(overall.score), "band": overall.band} if overall and has_overall else None,
            "domains": {node.id: _figures(item.cells[node.id]) for node in comparison.domains if node.id in item.cells},
            **({"role": item.role} if item.role else {})}


def _entry(figures: Aggregate) -> dict:
    if figures.suppressed:
        return {"suppressed": True}
    return {"n": figures.n, "bands": dict(figures.bands), "share_meeting": number(figures.share_meeting),
            "median": number(figures.median), "q1": number(figures.q1), "q3": number(figures.q3)}


def _distribution(comparison: Comparison) -> dict:
    groups = comparison.distribution
    return {"global": {node: _entry(a) for node, a in groups[0].aggregates.items()},
            "regions": {g.code: {node: _entry(a) for node, a in g.aggregates.items()} for g in groups[1:]},
            "region_levels": {g.code: {"level": g.level, "parent": g.parent} for g in groups[1:]}}


def _summary(summary: ChangeSummary) -> dict:
    if summary.suppressed:
        return {"suppressed": True}
    return {"n": summary.n, "improved": summary.improved, "same": summary.same, "declined": summary.declined}


def _ranking(comparison: Comparison) -> dict | None:
    found = comparison.ranking
    if found is None:
        return None
    return {"node": found.node, "note": "MGI does not rank countries; this ranking was asked for.",
            "rows": [{"rank": r.rank, "country": r.country, "score": number(r.score)} for r in found.rows]}


def _peers(comparison: Comparison) -> dict | None:
    found = comparison.peers
    if found is None:
        return None
    return {"country": found.country, "nodes": [
        {"node": n.id, "level": n.level, "score": number(n.score), "recommendations": [r.id for r in n.recommendations],
         "peers": [{"country": p.country, "proximity": p.proximity, "score": number(p.score)} for p in n.peers],
         "more": n.more} for n in found.nodes]}


def _corridor(comparison: Comparison) -> dict | None:
    view = comparison.corridor
    if view is None:
        return None
    return {"name": view.name, "countries": [{"country": code, "role": role} for code, _n, role, _l in view.members],
            "weakest": {w.node: {"band": w.band, "score": number(w.score), "countries": [c for c, _ in w.holders]}
                        for w in view.weakest}}
