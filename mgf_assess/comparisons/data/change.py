"""Change between the baseline and the current cycle, per country and domain, like for like.

Same questionnaire version: from the two stored results, direct. Different versions: the
scoring library compares like for like (``scoring.api.compare_cycles``: the baseline answers
carried forward through the version mapping, both cycles scored on the comparable questions
only), from the answers the two snapshots recorded. Snapshots never change, so the change
between two of them is computed once per process and kept (``CACHE_SIZE`` pairs).

Rows are shown for the countries whose both results the user may see; the per-domain shares
of states that improved, stayed in their band or declined count every state of the
comparison, under the small-group rule of ``distribution``.
"""

from __future__ import annotations

from collections import OrderedDict

from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.distribution import MIN_GROUP
from mgf_assess.comparisons.data.model import ChangeRow, ChangeSummary
from mgf_assess.comparisons.data.profiles import decimal
from mgf_assess.comparisons.data.sources import Entry, mapping_between
from mgf_assess.results.queries import snapshot_answers
from scoring.api import (
    ENGINE_VERSION,
    AnswersError,
    AnswerSet,
    DomainChange,
    MappingMismatchError,
    compare_cycles,
    direct_change,
    parse_answers,
)

CACHE_SIZE = 4096
_CACHE: OrderedDict[tuple, tuple[DomainChange, ...]] = OrderedDict()
Pair = tuple[Entry, Entry]  # (baseline, current)


def pairs_of(baseline: list[Entry], current: list[Entry]) -> list[Pair]:
    """Each current entry with the same country's baseline entry, when it has one."""
    before = {entry.code: entry for entry in baseline}
    return [(before[entry.code], entry) for entry in current if entry.code in before]


def changes(pairs: list[Pair]) -> dict[str, tuple[DomainChange, ...]]:
    """Country code → the change of every domain of its current version."""
    keys = {pair[1].code: _key(pair) for pair in pairs}
    missing = [pair for pair in pairs if keys[pair[1].code] not in _CACHE]
    documents = snapshot_answers({e.snapshot.id for pair in missing if _across(pair) for e in pair})
    for pair in missing:
        _remember(keys[pair[1].code], _compute(pair, documents))
    return {code: _CACHE[key] for code, key in keys.items()}


def _key(pair: Pair) -> tuple:
    before, after = pair
    return (before.snapshot.id, after.snapshot.id, ENGINE_VERSION, id(before.definition), id(after.definition))


def _remember(key: tuple, value: tuple[DomainChange, ...]) -> None:
    _CACHE[key] = value
    _CACHE.move_to_end(key)
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)


def _across(pair: Pair) -> bool:
    return pair[0].definition.version != pair[1].definition.version


def _compute(pair: Pair, documents: dict[int, dict]) -> tuple[DomainChange, ...]:
    before, after = pair
    new = after.definition
    if not _across(pair):
        old_domains = _stored(before.figures)
        new_domains = _stored(after.figures)
        return tuple(direct_change(new, d.id, old_domains.get(d.id, (None, None)), new_domains.get(d.id, (None, None)))
                     for d in new.domains)
    mapping, _file = mapping_between(before.definition, new)
    try:
        old_answers = _answers(before, documents) if mapping else AnswerSet(before.definition.id, before.definition.version)
        new_answers = _answers(after, documents) if mapping else AnswerSet(new.id, new.version)
        return compare_cycles(before.definition, new, old_answers, new_answers, mapping)
    except (AnswersError, MappingMismatchError):  # stored answers no longer readable: nothing compares
        return compare_cycles(before.definition, new, AnswerSet(new.id, new.version), AnswerSet(new.id, new.version))


def _answers(entry: Entry, documents: dict[int, dict]) -> AnswerSet:
    return parse_answers(entry.definition, documents[entry.snapshot.id])


def _stored(result: dict) -> dict[str, tuple]:
    return {d["id"]: (decimal(d.get("score")), d.get("band")) for d in result.get("domains", [])}


def change_rows(pairs: list[Pair], found: dict, names: dict[str, str], titles: dict[str, str],
                band_labels: dict[str, str]) -> tuple[ChangeRow, ...]:
    """One row per visible country and domain, countries in the order given."""
    words = {key: {code: labels.text(table, code) for code in table}
             for key, table in (("comparability", labels.LABELS["comparability"]),
                                ("movement", labels.LABELS["movement"]))}  # translated once
    rows = []
    for before, after in pairs:
        if before.visible and after.visible:
            rows += [_row(after.code, names[after.code], c, titles, band_labels, words) for c in found[after.code]]
    return tuple(rows)


def _row(code: str, name: str, change: DomainChange, titles: dict, band_labels: dict, words: dict) -> ChangeRow:
    return ChangeRow(
        code, name, change.domain, titles.get(change.domain, change.domain), change.comparability,
        words["comparability"][change.comparability], change.questions, change.total,
        change.baseline, change.current, change.delta, change.baseline_band, band_labels.get(change.baseline_band, ""),
        change.current_band, band_labels.get(change.current_band, ""), change.movement,
        words["movement"].get(change.movement, ""))


def summaries(pairs: list[Pair], found: dict, domains, withhold: bool) -> tuple[ChangeSummary, ...]:
    """Per domain: states that improved, stayed in their band or declined (suppressed when small)."""
    result = []
    for node in domains:
        moves = [(before.visible and after.visible, _movement(found[after.code], node.id))
                 for before, after in pairs]
        moves = [(visible, move) for visible, move in moves if move is not None]
        hidden = sum(not visible for visible, _ in moves)
        counts = {key: sum(move == key for _, move in moves) for key in ("improved", "same", "declined")}
        suppressed = withhold and (len(moves) < MIN_GROUP or 0 < hidden < MIN_GROUP)
        if suppressed:
            counts = dict.fromkeys(counts, 0)
        result.append(ChangeSummary(node.id, node.title, len(moves), **counts, suppressed=suppressed))
    return tuple(result)


def _movement(domain_changes: tuple[DomainChange, ...], domain_id: str) -> str | None:
    return next((c.movement for c in domain_changes if c.domain == domain_id), None)


