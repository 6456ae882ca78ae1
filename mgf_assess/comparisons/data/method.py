"""The method section and annex: how the comparison was made and what it rests on."""

from __future__ import annotations

from mgf_assess.assessments.workflow import STATE_LABELS
from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import Method, SnapshotUse
from mgf_assess.comparisons.data.request import ComparisonRequest
from mgf_assess.comparisons.data.sources import Entry
from scoring.api import ENGINE_VERSION

M = labels.METHOD


def method(request: ComparisonRequest, shown: list[Entry], population: int, source_label: str,
           mappings: tuple[str, ...], language: str) -> Method:
    """Sentences in the comparison's language, versions, mappings and the snapshots shown."""
    sentences = [labels.text(M, "scope", questionnaire=request.questionnaire, cycle=request.cycle,
                             source=source_label, count=population)]
    if request.baseline is not None:
        sentences.append(labels.text(M, "baseline", cycle=request.baseline))
    keys = ["profiles", "shares", "median", "regions", "suppression", "na"]
    if request.baseline is not None:
        keys += ["change_same", "change_versions", "movement"]
    keys += ["ranking"] * (request.rank is not None) + ["preliminary"] * (request.source == "latest")
    sentences += [labels.text(M, key) for key in keys]
    versions = sorted({f"{e.definition.id} {e.definition.version}" for e in shown})
    return Method(tuple(sentences), tuple(versions), mappings, snapshot_uses(shown, language), ENGINE_VERSION)


def snapshot_uses(entries: list[Entry], language: str) -> tuple[SnapshotUse, ...]:
    """The snapshots of the results shown, by country then cycle."""
    uses = [SnapshotUse(e.code, e.country.name(language), e.assessment.cycle, e.definition.version,
                        e.assessment.id, e.snapshot.id, e.snapshot.kind, e.snapshot.created_at,
                        labels.text(STATE_LABELS, e.snapshot.kind))
            for e in entries if e.visible]
    return tuple(sorted(uses, key=lambda u: (u.country, u.cycle)))
