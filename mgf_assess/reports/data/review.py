"""What a report says about the evaluator's review: whether its figures carry a review, and
the annex of score overrides.

The engine scores every node twice (DESIGN §4): the validated figure, overrides applied, and
the self-assessed one, overrides ignored (``self_score``/``self_band`` on the overall, domain,
area and question results), so the self-assessed aggregates beside the validated ones need
no second scoring.
"""

from __future__ import annotations

from mgf_assess.reports.data.model import OverrideItem
from mgf_assess.reports.data.sections import Texts
from mgf_assess.reports.data.sources import Source
from mgf_assess.results.models import REVIEW_KINDS


def is_reviewed(source: Source) -> bool:
    """Whether the figures come from a reviewed or validated snapshot (an evaluator's
    judgement), rather than from a submission or the current answers."""
    return source.snapshot is not None and source.snapshot.kind in REVIEW_KINDS


def override_items(source: Source, texts: Texts) -> tuple[OverrideItem, ...]:
    """The overrides of the snapshot's answers document, in questionnaire order, each with
    the self-assessed figure it replaces and the evaluator's justification."""
    document = source.snapshot.answers if source.snapshot is not None else None
    overrides = (document or {}).get("overrides") or {}
    return tuple(_item(result, overrides[result.id], texts)
                 for result in source.scoreset.questions() if result.id in overrides)


def _item(result, override: dict, texts: Texts) -> OverrideItem:
    justification = override.get("justification") if isinstance(override, dict) else None
    return OverrideItem(result.id, texts.label(result.id), result.domain, texts.domains[result.domain],
                        result.area, texts.areas[result.area], result.self_score, texts.band(result.self_band),
                        result.score, texts.band(result.band), justification or "")
