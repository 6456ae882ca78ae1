"""The words of the gap report: headings, statuses, methods, sentences.

Every text is a lazy gettext string with named placeholders; the report builder and the
renderers turn them into text inside ``flask_babel.force_locale(language)``, so one process
can write reports in several languages whatever the request's own language is.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

HEADINGS = {
    "report_title": _l("Migration governance gap report"),
    "contents": _l("Contents"),
    "executive_summary": _l("Executive summary"),
    "overall": _l("Overall"),
    "domain_scores": _l("Domain scores"),
    "key_gaps": _l("Most important gaps"),
    "domains": _l("Results by domain"),
    "areas": _l("Areas"),
    "well_developed": _l("Well-developed areas"),
    "potential": _l("Areas with potential for further development"),
    "questions": _l("Every question"),
    "recommendations": _l("Recommendations"),
    "data_gaps": _l("Data gaps"),
    "recommendations_annex": _l("Annex: recommendations"),
    "methodology": _l("Methodology"),
    "bands": _l("Bands"),
    "aggregation": _l("Aggregation"),
    "weights": _l("Weights"),
    "answer_statuses": _l("How answers count"),
    "versions": _l("Versions"),
    "radar": _l("Domain profile"),
    "band_distribution": _l("Questions per band"),
    "overrides_annex": _l("Annex: the evaluator's score overrides"),
}

MARKS = {
    "preliminary": _l("PRELIMINARY — not validated"),
    "no_overrides": _l("The evaluator changed no score: every validated score is the self-assessed one."),
    "justification_withheld": _l("Not published"),
    "page_of": _l("Page %(page)s of %(pages)s"),
    "live_answers": _l("Built from the current answers (no score snapshot yet)"),
    "snapshot": _l("Score snapshot %(id)s (%(kind)s) of %(date)s"),
    "nothing": _l("None."),
    "no_data_gaps": _l("Every relevant question has an answer."),
    "no_well_developed": _l("No question of this domain scores full marks yet."),
    "no_potential": _l("No gap: every scored question of this domain scores full marks."),
    "no_recommendations": _l("No recommendation applies."),
}

FIELDS = {
    "country": _l("Country"),
    "questionnaire": _l("Questionnaire"),
    "version": _l("Version"),
    "cycle": _l("Cycle"),
    "state": _l("State"),
    "date": _l("Date"),
    "snapshot": _l("Score snapshot"),
    "domain": _l("Domain"),
    "area": _l("Area"),
    "question": _l("Question"),
    "answer": _l("Answer"),
    "score": _l("Score"),
    "self_score": _l("Self-assessed score"),
    "validated_score": _l("Validated score"),
    "band": _l("Band"),
    "target": _l("Target"),
    "status": _l("Status"),
    "evidence": _l("Evidence"),
    "completeness": _l("Completeness"),
    "confidence": _l("Confidence"),
    "gap": _l("Gap"),
    "priority": _l("Priority"),
    "recommendation": _l("Recommendation"),
    "gcm": _l("GCM objectives"),
    "code": _l("Code"),
    "label": _l("Label"),
    "minimum": _l("From score"),
    "method": _l("Method"),
    "weight": _l("Weight"),
    "level": _l("Level"),
    "engine_version": _l("Scoring engine version"),
    "definition_hash": _l("Questionnaire file fingerprint (SHA-256)"),
    "justification": _l("Justification"),
    "override": _l("Evaluator's score"),
    "self_band": _l("Self-assessed band"),
    "validated_band": _l("Validated band"),
}

# The mark every page of a report carries until the government validates it, worded for where
# the assessment stands (drafts: the PRELIMINARY mark). A validated report carries none.
STATE_MARKS = {
    "draft": MARKS["preliminary"],
    "submitted": _l("Submitted — not yet validated"),
    "in_review": _l("In review — not yet validated"),
    "returned": _l("Returned to the country for changes — not yet validated"),
    "reviewed": _l("Reviewed — awaiting the government’s validation"),
}

SERIES = {
    "self": _l("Self-assessed"),
    "validated": _l("Validated"),
    "previous": _l("Cycle %(cycle)s"),
}

STATUS_LABELS = {
    "answered": _l("Answered"),
    "na": _l("Not applicable"),
    "unknown": _l("Don't know"),
    "missing": _l("No answer"),
    "not_relevant": _l("Not relevant"),
    "overridden": _l("Score set by the evaluator"),
}

PRIORITY_LABELS = {"high": _l("High"), "medium": _l("Medium"), "low": _l("Low")}

METHOD_LABELS = {
    "mean": _l("Mean of the included parts"),
    "weighted_mean": _l("Weighted mean of the included parts"),
    "min": _l("Lowest included part (weakest link)"),
    "none": _l("No overall score"),
}

LEVEL_LABELS = {
    "overall": _l("Overall score, from the domain scores"),
    "domain": _l("Domain %(title)s, from its area scores"),
    "area": _l("Area %(title)s, from its question scores"),
}

# How each answer status enters the scores (DESIGN §4); the methodology annex prints these.
STATUS_RULES = {
    "answered": _l("Scores the points of the answer given (options, yes/no, thresholds or linear scale)."),
    "na": _l("Not applicable, with a justification: left out of the score and of its "
             "denominator; counts as complete."),
    "not_relevant": _l("Not relevant (its condition does not apply): left out of the score and of "
                       "completeness."),
    "unknown": _l("Don't know: scores 0, is listed under data gaps and counts as incomplete."),
    "missing": _l("No answer: scores 0, is listed under data gaps and counts as incomplete."),
    "overridden": _l("Score set by an IOM evaluator, with a justification: replaces the "
                     "self-assessed score, which stays shown beside it."),
}

RULE_SENTENCES = {
    "rounding": _l("Scores are computed exactly, rounded half-up to two decimals for display, and "
                   "the band is read from the rounded score."),
    "completeness": _l("Completeness: answered or justified not-applicable questions among the "
                       "relevant ones. Confidence: share of scored answers backed by evidence that "
                       "no evaluator rejected. Neither enters the scores."),
    "gaps": _l("A question has a gap when it scores below 100; gaps are ordered by gap size × "
               "question weight × domain weight."),
    "weights_default": _l("Every weight not listed here is 1."),
}

SENTENCES = {
    "gap": _l("%(question)s: %(gap)s points short of full marks (score %(score)s of 100)."),
    "gap_no_data": _l("%(question)s: no information given (%(status)s), so it scores 0 of 100."),
    "built_from": _l("Questionnaire %(title)s, version %(version)s."),
}

UNKNOWN_TEXT = _l("Don't know")
NO_ANSWER_TEXT = _l("No answer")
NA_TEXT = _l("Not applicable — %(why)s")


def state_mark(state: str) -> str | None:
    """The not-yet-validated mark of a report in ``state`` (None once validated)."""
    message = STATE_MARKS.get(state, None if state == "validated" else MARKS["preliminary"])
    return None if message is None else str(message)


def text(table: dict, key: str, **values) -> str:
    """The translated text of ``key`` in ``table`` (the key itself when it has none)."""
    message = table.get(key)
    if message is None:
        return key
    return str(message % values) if values else str(message)

NOTES = {
    "previous": _l("The dashed line shows cycle %(cycle)s (questionnaire version %(version)s) for the "
                   "domains that can be compared."),
    "previous_caution": _l("Comparable with caution (questions changed between versions): %(domains)s."),
    "previous_none": _l("Not comparable with cycle %(cycle)s: %(domains)s."),
    "overall": _l("Overall score %(score)s — %(band)s."),
    "self_overall": _l("Self-assessed: %(score)s — %(band)s."),
    "override": _l("Evaluator's score %(score)s instead of the self-assessed %(self_score)s: %(why)s"),
    "required": _l("required"),
    "optional": _l("optional"),
    "target_missed": _l("below target"),
    "target_met": _l("target met"),
}
