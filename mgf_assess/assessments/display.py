"""Answers as people read them: option labels, localized numbers and dates, answer statuses."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from flask_babel import format_date, format_decimal, format_percent
from flask_babel import gettext as _

from mgf_assess.assessments.carry import REASON_LABELS
from mgf_assess.assessments.labels import STATUS_LABELS, range_text
from mgf_assess.i18n import localized
from scoring.api import Question


def _option(question: Question, code) -> str:
    option = question.option_map.get(str(code))
    return localized(option.label) if option else str(code)


def _number(question: Question, value) -> str:
    try:
        text = format_decimal(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return str(value)
    return f"{text} {unit_of(question)}".strip()


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


def input_attrs(field_id: str, *, help_text: bool = False, errors: bool = False, unit: bool = False) -> dict:
    """Attributes of an answer input: its form (inputs sit outside the form element, beside the
    evidence forms of each question) and the help, unit and error texts that describe it."""
    described = [f"{field_id}-{part}" for part, present in (("help", help_text), ("unit", unit), ("error", errors))
                 if present]
    attrs = {"form": "section-form"}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if errors:
        attrs["aria-invalid"] = "true"
    return attrs


def carry_reasons(note: str | None) -> list[str]:
    """Why a carried answer needs a look, in words (nothing for a direct carry)."""
    codes = [code for code in (note or "").split(",") if code and code != "direct"]
    return [str(REASON_LABELS.get(code, code)) for code in codes]


def unit_of(question: Question) -> str:
    if question.unit:
        return localized(question.unit)
    return "%" if question.type == "percent" else ""


def template_helpers() -> dict:
    return {"answer_text": answer_text, "value_text": value_text, "share_text": share_text, "score_text": score_text,
            "input_attrs": input_attrs, "carry_reasons": carry_reasons, "unit_of": unit_of, "range_text": range_text}
