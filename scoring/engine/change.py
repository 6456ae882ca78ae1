"""Change between two cycles, domain by domain, compared like for like.

Two results on the same questionnaire version compare directly: every scored question counts
on both sides. Across versions, only the questions of the newer version whose mapping entry
is ``direct`` or ``indirect`` are comparable: the baseline's answers (and its evaluator
overrides) are carried forward to the newer version through the mapping (``carry_forward``),
and both sides are scored on those questions only (``score_subset``). A question whose
baseline answer cannot be carried (its translated value is not valid for the newer question)
is left out on both sides. Per domain, the change is ``direct`` when every question it rests
on maps directly, ``indirect`` (comparable with caution) when some map indirectly, and
``none`` when no question is comparable: no number then. ``questions`` of ``total`` (the
domain's scored questions in the newer version) is its coverage.

Scores are the reported values (half-up, two decimals); the delta is current minus baseline
as reported, so the three numbers shown always add up. The band movement compares the two
bands' positions in the newer version's band list.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scoring.answers.model import AnswerSet, Override
from scoring.definition.model import Definition, VersionMapping
from scoring.engine.carry import carry_forward, check_mapping
from scoring.engine.results import ScoreSet
from scoring.engine.score import score
from scoring.engine.subset import score_subset

COMPARABLE = ("direct", "indirect")


@dataclass(frozen=True, slots=True)
class DomainChange:
    """How one domain moved between the baseline and the current cycle."""

    domain: str
    comparability: str  # direct | indirect | none
    questions: int  # the questions the change rests on
    total: int  # the domain's scored questions in the current version
    baseline: Decimal | None
    current: Decimal | None
    baseline_band: str | None
    current_band: str | None
    delta: Decimal | None
    movement: str | None  # improved | same | declined; None without both bands


def compare_cycles(
    baseline_definition: Definition,
    current_definition: Definition,
    baseline_answers: AnswerSet,
    current_answers: AnswerSet,
    mapping: VersionMapping | None = None,
) -> tuple[DomainChange, ...]:
    """The change of every domain of the current version (see the module docstring).

    Across versions without a ``mapping`` nothing is comparable (every domain ``none``);
    a mapping that does not lead from one version to the other raises MappingMismatchError.
    """
    if baseline_definition.version == current_definition.version:
        before = score(current_definition, baseline_answers)
        after = score(current_definition, current_answers)
        return tuple(direct_change(current_definition, d.id, (b.score, b.band), (a.score, a.band))
                     for d, b, a in zip(current_definition.domains, before.domains, after.domains,
                                        strict=True))
    if mapping is None:
        before = after = None
        classes = {}
    else:
        before, after, classes = _like_for_like(
            baseline_definition, current_definition, baseline_answers, current_answers, mapping)
    return tuple(_domain_change(current_definition, d.id, classes, before, after)
                 for d in current_definition.domains)


def direct_change(definition: Definition, domain_id: str, before: tuple, after: tuple) -> DomainChange:
    """The change of a domain between two results of the same version, from their reported
    (score, band) pairs: direct, resting on every scored question of the domain."""
    total = len(_domain_questions(definition, domain_id))
    (old, old_band), (new, new_band) = before, after
    delta = None if old is None or new is None else new - old
    return DomainChange(domain_id, "direct" if total else "none", total, total, old, new, old_band,
                        new_band, delta, band_movement(definition, old_band, new_band))


def _domain_questions(definition: Definition, domain_id: str) -> list[str]:
    domain = next(d for d in definition.domains if d.id == domain_id)
    return [q.id for area in domain.areas for q in area.questions if q.scored]


def scored_questions(definition: Definition) -> list[str]:
    """Ids of the definition's scored questions, in file order."""
    return [q.id for _, _, q in definition.iter_questions() if q.scored]


def comparable_questions(definition: Definition, mapping: VersionMapping) -> dict[str, str]:
    """Scored question id of the newer version → ``direct`` or ``indirect``, per the mapping."""
    found = {}
    for qid in scored_questions(definition):
        entry = mapping.questions.get(qid)
        if entry is not None and entry.comparability in COMPARABLE:
            found[qid] = entry.comparability
    return found


def _like_for_like(old: Definition, new: Definition, old_answers: AnswerSet,
                   new_answers: AnswerSet, mapping: VersionMapping):
    check_mapping(old, new, mapping)
    carried = carry_forward(old, new, mapping, old_answers)
    failed = {c.question for c in carried.needs_confirmation if c.reason == "invalid_value"}
    classes = {q: c for q, c in comparable_questions(new, mapping).items() if q not in failed}
    overrides = _carried_overrides(mapping, old_answers.overrides, classes)
    baseline = AnswerSet(new.id, new.version, carried.answers.answers, overrides)
    return (score_subset(new, baseline, classes), score_subset(new, new_answers, classes), classes)


def _carried_overrides(mapping: VersionMapping, overrides: dict[str, Override],
                       questions) -> dict[str, Override]:
    """The baseline evaluator's scores, moved to the newer ids of comparable questions."""
    moved = {}
    for qid in questions:
        source = mapping.questions[qid].source or qid
        if source in overrides:
            moved[qid] = overrides[source]
    return moved


def _domain_change(definition: Definition, domain_id: str, classes: dict[str, str],
                   before: ScoreSet | None, after: ScoreSet | None) -> DomainChange:
    ids = _domain_questions(definition, domain_id)
    used = [classes[qid] for qid in ids if qid in classes]
    if not used:
        return DomainChange(domain_id, "none", 0, len(ids), None, None, None, None, None, None)
    comparability = "direct" if set(used) == {"direct"} else "indirect"
    old, new = _domain_of(before, domain_id), _domain_of(after, domain_id)
    delta = None if old.score is None or new.score is None else new.score - old.score
    movement = band_movement(definition, old.band, new.band)
    return DomainChange(domain_id, comparability, len(used), len(ids), old.score, new.score,
                        old.band, new.band, delta, movement)


def _domain_of(scoreset: ScoreSet, domain_id: str):
    return next(d for d in scoreset.domains if d.id == domain_id)


def band_movement(definition: Definition, before: str | None, after: str | None) -> str | None:
    """``improved``, ``same`` or ``declined`` from one band to another (None without both)."""
    if before is None or after is None:
        return None
    order = [band.code for band in definition.bands]
    step = order.index(after) - order.index(before)
    return "improved" if step > 0 else "declined" if step < 0 else "same"
