"""Column headings of the comparison's sheets, in the comparison's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import Comparison

F = labels.FIELDS
HEADERS = {
    "country": _l("Country code"), "country_name": F["country"], "region_name": F["region"],
    "subregion_name": F["subregion"], "role": F["role"], "version": F["version"], "snapshot": F["snapshot"],
    "group": _l("Group code"), "group_name": _l("Group"), "level": F["level"], "parent": _l("Part of"),
    "node": _l("Node id"), "node_title": F["node"], "target": F["target"], "n": F["states"],
    "meeting": F["meeting"], "share_meeting": _l("Share meeting the target"), "median": F["median"],
    "q1": F["q1"], "q3": F["q3"], "suppressed": _l("Withheld"), "domain": _l("Domain id"),
    "domain_title": F["domain"], "baseline": F["baseline"], "current": F["current"], "delta": F["delta"],
    "baseline_band": _l("Baseline band"), "current_band": _l("Current band"), "movement": F["movement"],
    "comparability": F["comparability"], "questions": _l("Questions compared"), "total": _l("Questions in the domain"),
    "rank": F["rank"], "score": F["score"], "band": F["band"], "for_country": _l("Peers of"),
    "recommendations": F["recommendations"], "peer": _l("Peer code"), "peer_name": _l("Peer"),
    "proximity": _l("Proximity"), "peer_score": _l("Peer's score"), "peer_band": _l("Peer's band"),
    "item": _l("Item"), "value": _l("Value"),
}


def header_text(comparison: Comparison, key: str) -> str:
    """The heading of ``key``; ``node:score``, ``band:count`` and the like name their node or band."""
    if ":" not in key:
        return labels.text(HEADERS, key)
    subject, part = key.split(":", 1)
    name = next((n.title for n in comparison.nodes if n.id == subject), None) or comparison.band_label(subject) or subject
    words = {"score": F["score"], "band": F["band"], "count": F["states"], "share": F["share"]}
    return f"{name} — {labels.text(words, part)}"
