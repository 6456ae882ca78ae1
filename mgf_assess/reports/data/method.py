"""The methodology annex, generated from the definition the figures were computed with, so it
is always true for the questionnaire version of the report."""

from __future__ import annotations

from decimal import Decimal

from mgf_assess.i18n import localized
from mgf_assess.reports.data import labels
from mgf_assess.reports.data.model import BandInfo, Methodology, MethodRow, StatusRule, WeightRow
from scoring.api import ENGINE_VERSION, Definition

ONE = Decimal(1)
STATUS_ORDER = ("answered", "na", "not_relevant", "unknown", "missing", "overridden")
RULE_ORDER = ("rounding", "completeness", "gaps", "weights_default")


def methodology(definition: Definition, language: str, definition_hash: str) -> Methodology:
    """Bands, aggregation per level, weights, how each answer status counts, versions."""
    bands = tuple(BandInfo(b.code, localized(b.label, language), b.min) for b in definition.bands)
    target = next(b.label for b in bands if b.code == definition.target_band)
    rules = tuple(labels.text(labels.RULE_SENTENCES, key) for key in RULE_ORDER)
    return Methodology(bands, definition.target_band, target, method_rows(definition, language),
                       weight_rows(definition, language), status_rules(), rules, definition.id,
                       definition.version, ENGINE_VERSION, definition_hash)


def method_rows(definition: Definition, language: str) -> tuple[MethodRow, ...]:
    """The overall node, then each domain followed by its areas."""
    rows = [_row("overall", "overall", labels.text(labels.LEVEL_LABELS, "overall"), definition.method, ONE)]
    for domain in definition.domains:
        title = localized(domain.title, language)
        rows.append(_row("domain", domain.id, labels.text(labels.LEVEL_LABELS, "domain", title=title),
                         domain.method, domain.weight))
        rows.extend(_row("area", area.id, labels.text(labels.LEVEL_LABELS, "area",
                                                      title=localized(area.title, language)),
                         area.method, area.weight) for area in domain.areas)
    return tuple(rows)


def _row(level: str, node_id: str, title: str, method: str, weight: Decimal) -> MethodRow:
    return MethodRow(level, node_id, title, method, labels.text(labels.METHOD_LABELS, method), weight)


def weight_rows(definition: Definition, language: str) -> tuple[WeightRow, ...]:
    """Questions weighted other than 1 (the rest weigh 1, as the annex says)."""
    return tuple(WeightRow(q.id, localized(q.label, language), q.weight)
                 for _, _, q in definition.iter_questions() if q.weight != ONE)


def status_rules() -> tuple[StatusRule, ...]:
    return tuple(StatusRule(status, labels.text(labels.STATUS_LABELS, status),
                            labels.text(labels.STATUS_RULES, status)) for status in STATUS_ORDER)
