"""Answers as people read them: option labels, localized numbers and dates, answer statuses."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from flask_babel import format_date, format_decimal, format_percent
from flask_babel import gettext as _
from scoring.model import Question

from mgf_assess.assessments.labels import STATUS_LABELS
from mgf_assess.i18n import localized


def _option(question: Question, code) -> str:
    option = question.option_map.get(str(code))
    return localized(option.label) if option else str(code)


def _number(question: Question, value) -> str:
    try:
        text = format_decimal(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return str(value)
    unit = localized(question.unit) if question.unit else ("%" if question.type == "percent" else "")
    return f"{text} {unit}".strip()


def _date(value) -> str:
    try:
        return format_date(datetime.date.fromisoformat(str(value)), "long")
    except ValueError:
        return str(value)


def value_text(question: Question, value) -> str:
    """A stored answer value in words ('' when there is none)."""
    if value is None or value == [] or value == "":
        return ""
    if question.type == "yes_no":
        return _("Yes") if value in ("yes", True) else _("No")
    if question.type == "single_choice":
        return _option(question, value)
    if question.type == "multi_choice":
        return "; ".join(_option(question, code) for code in value)
    if question.type in ("number", "percent"):
        return _number(question, value)
    if question.type == "date":
        return _date(value)
    return str(value)


def answer_text(question: Question, snapshot) -> str:
    """An answer (a row or an audit snapshot dict) in words, with its status and justification."""
    if snapshot is None:
        return _("No answer")
    get = snapshot.get if isinstance(snapshot, dict) else lambda key: getattr(snapshot, key, None)
    status = get("status") or "answered"
    if status != "answered":
        justification = get("justification")
        label = str(STATUS_LABELS.get(status, status))
        return _("%(status)s — %(why)s", status=label, why=justification) if justification else label
    return value_text(question, get("value")) or _("No answer")


def share_text(share: float | None) -> str:
    """A completeness share as a localized percentage ('—' when there is nothing to count)."""
    return "—" if share is None else format_percent(share)


def score_text(score: float | None) -> str:
    """A reported score (0–100, two decimals at most), localized."""
    return "—" if score is None else format_decimal(Decimal(str(score)), "#,##0.##")


def template_helpers() -> dict:
    return {"answer_text": answer_text, "value_text": value_text, "share_text": share_text, "score_text": score_text}
