"""Words shown for the codes of this feature: states, answer statuses, evidence kinds, problems.

The scoring library reports problems of an answer as codes with an English message; people
see the translated sentences below instead (the library's message only when we have none).
"""

from __future__ import annotations

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l

from mgf_assess.i18n import localized
from scoring.api import MAX_TEXT

STATUS_LABELS = {
    "answered": _l("Answered"),
    "na": _l("Not applicable"),
    "unknown": _l("Don't know / no information"),
}

EVIDENCE_KIND_LABELS = {
    "law": _l("Law or regulation"),
    "policy": _l("Policy or strategy"),
    "implementation": _l("Implementation evidence (programme, budget line…)"),
    "statistics": _l("Statistics or data source"),
    "other": _l("Other"),
}

# "<code>:<question type>" first, then "<code>"
PROBLEM_MESSAGES = {
    "wrong_type:number": _l("Enter a number, for example 12 or 12.5."),
    "wrong_type:percent": _l("Enter a percentage: a number from 0 to 100."),
    "wrong_type:date": _l("Enter a date as year-month-day, for example 2026-03-31."),
    "wrong_type:text": _l("Enter a text."),
    "wrong_type": _l("Choose one of the options."),
    "out_of_range:number": _l("Enter a number from %(low)s to %(high)s."),
    "out_of_range:percent": _l("Enter a percentage from %(low)s to %(high)s."),
    "out_of_range": _l("Enter a percentage from 0 to 100."),
    "too_long": _l("This text is too long: at most %(limit)s characters. Shorten it."),
    "unknown_option": _l("Choose one of the listed options."),
    "duplicate_option": _l("Choose each option only once."),
    "value_required": _l("Give an answer, or choose another answer status."),
    "invalid_date": _l("This date does not exist in the calendar."),
    "justification_required": _l("Explain why the question is not applicable."),
    "na_not_allowed": _l("This question cannot be marked as not applicable."),
    "unknown_not_allowed": _l("This question cannot be answered with “don't know”."),
    "value_with_status": _l("Leave the answer empty when the question is not applicable or unknown."),
    "invalid_status": _l("Choose an answer status."),
    "stale_revision": _l("Someone else changed this answer in the meantime. Reload the page."),
    "constraint": _l("This answer does not meet the condition the questionnaire sets for it."),
    "not_answerable": _l("This is a note: it takes no answer."),
}
# Codes whose message is the question's own constraint_message when it has one.
CONSTRAINT_CODES = ("constraint", "out_of_range")


def problem_message(code: str, question, fallback: str) -> str:
    """The translated sentence of a problem code for ``question`` (the library's own message if
    we have none), with the question's range and the text limit filled in; a refused constraint
    or range says the question's ``constraint_message`` when it has one."""
    if code in CONSTRAINT_CODES and getattr(question, "constraint_message", None):
        return localized(question.constraint_message)
    message = PROBLEM_MESSAGES.get(f"{code}:{question.type}") or PROBLEM_MESSAGES.get(code)
    return str(message) % placeholders(question) if message else fallback


def range_text(question) -> tuple[str, str]:
    """The accepted range of a number or percent question, as the UI language writes numbers."""
    low, high = question.value_range
    return format_decimal(low), format_decimal(high)


def placeholders(question) -> dict[str, str]:
    """What problem sentences may name: the range of a number question, the text limit."""
    low, high = range_text(question) if question.type in ("number", "percent") else ("", "")
    return {"low": low, "high": high, "limit": format_decimal(MAX_TEXT)}


def problem_field(location: str) -> str:
    """Which input a problem belongs to: ``answers.q1.justification`` → ``justification``."""
    last = location.rsplit(".", 1)[-1]
    return last if last in ("status", "justification") else "value"


def client_messages() -> dict[str, str]:
    """Every problem sentence, for the section page's script (it shows them next to a question,
    filling ``%(low)s`` and ``%(high)s`` from the question's ``data-low``/``data-high``)."""
    limit = format_decimal(MAX_TEXT)
    return {code: str(message).replace("%(limit)s", limit) for code, message in PROBLEM_MESSAGES.items()}


def client_texts() -> dict[str, str]:
    """The words the section page's script shows (placeholders are filled in by the script)."""
    return {
        "saving": str(_l("Saving…")),
        "saved": str(_l("Saved")),
        "not_saved": str(_l("Not saved: %(reason)s")),
        "unreachable": str(_l("the server could not be reached; your answer is still in the form")),
        "refused": str(_l("the answer was refused (error %(status)s)")),
        "invalid": str(_l("correct the answer as shown")),
        "conflict": str(_l("someone else saved a newer answer")),
        "conflict_title": str(_l("Someone else saved this answer while you were editing it. Nothing was overwritten.")),
        "conflict_by": str(_l("Their answer, saved by %(name)s on %(when)s:")),
        "keep": str(_l("Keep their answer")),
        "overwrite": str(_l("Overwrite with my answer")),
        "kept": str(_l("Their answer was kept.")),
        "no_answer": str(_l("No answer")),
        "someone": str(_l("someone")),
    }
