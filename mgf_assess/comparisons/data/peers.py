"""Peer learning: where the chosen country is below its target, who meets it there.

For each domain, and each area, of the chosen country whose band is below the target (the
domain's target band; an area is measured against its domain's), the countries meeting or
exceeding it there: first those of the same sub-region, then of the same region, then the
rest, each by name. Only countries the user may see are listed (``PEERS_SHOWN`` per node, the
number of the others given), each with a link where the user may follow one. The chosen
country's open recommendations in that domain or area come with them.
"""

from __future__ import annotations

from mgf_assess.comparisons.data.model import Peer, PeerNode, Peers, Profile, Recommendation
from mgf_assess.comparisons.data.places import name_key
from mgf_assess.i18n import localized
from mgf_assess.reports.data import labels as report_labels
from scoring.api import Definition

PEERS_SHOWN = 10
PROXIMITY = {"subregion": 0, "region": 1, "other": 2}


def peers(chosen: Profile, others: list[Profile], definition: Definition, result: dict, language: str) -> Peers:
    """The peer-learning view of ``chosen`` among ``others`` (the profiles the user may see)."""
    bands = [band.code for band in definition.bands]
    nodes = []
    for domain in definition.domains:
        target = definition.domain_target(domain)
        for node_id, level, title in [(domain.id, "domain", domain.title),
                                      *((area.id, "area", area.title) for area in domain.areas)]:
            if _below(chosen, node_id, target, bands):
                nodes.append(_node(chosen, others, (node_id, level, localized(title, language)),
                                   target, definition, result, bands))
    return Peers(chosen.country, chosen.name, tuple(nodes))


def _below(profile: Profile, node_id: str, target: str, bands: list[str]) -> bool:
    cell = profile.cells.get(node_id)
    return cell is not None and cell.band in bands and bands.index(cell.band) < bands.index(target)


def _node(chosen: Profile, others: list[Profile], node: tuple, target: str, definition: Definition,
          result: dict, bands: list[str]) -> PeerNode:
    node_id, level, title = node
    meeting = [p for p in others if p.country != chosen.country and _meets(p, node_id, target, bands)]
    meeting.sort(key=lambda p: (PROXIMITY[_proximity(chosen, p)], name_key(p.name), p.country))
    listed = tuple(_peer(chosen, p, node_id) for p in meeting[:PEERS_SHOWN])
    cell = chosen.cells[node_id]
    target_label = next((b.label for b in definition.bands if b.code == target), {})
    return PeerNode(node_id, level, title, cell.score, cell.band_label, localized(target_label),
                    _recommendations(result, definition, node_id, level), listed,
                    max(len(meeting) - PEERS_SHOWN, 0))


def _meets(profile: Profile, node_id: str, target: str, bands: list[str]) -> bool:
    cell = profile.cells.get(node_id)
    return cell is not None and cell.band in bands and bands.index(cell.band) >= bands.index(target)


def _proximity(chosen: Profile, other: Profile) -> str:
    if other.subregion == chosen.subregion:
        return "subregion"
    return "region" if other.region == chosen.region else "other"


def _peer(chosen: Profile, other: Profile, node_id: str) -> Peer:
    cell = other.cells[node_id]
    return Peer(other.country, other.name, _proximity(chosen, other), cell.score, cell.band_label,
                other.public, other.report, other.assessment_id)


def _recommendations(result: dict, definition: Definition, node_id: str, level: str) -> tuple[Recommendation, ...]:
    """The chosen country's recommendations that fired in this domain or area."""
    texts = {rec.id: rec for _, _, q in definition.iter_questions() for rec in q.recommendations}
    key = "domain" if level == "domain" else "area"
    found = []
    for hit in result.get("recommendations", []):
        rec = texts.get(hit.get("id"))
        if rec is not None and hit.get(key) == node_id:
            found.append(Recommendation(rec.id, localized(rec.text), hit.get("priority", rec.priority),
                                        report_labels.text(report_labels.PRIORITY_LABELS, hit.get("priority", ""))))
    return tuple(found)
