"""Cells and answers: what a row's cells mean as an answer payload, and what a stored answer
shows in its cells.

An option is written as its label in the workbook's language and read back from its code or
its label in any language of the questionnaire or the interface (case and spacing ignored); a
label two options share is accepted only as their codes. Several options are separated by
``;``. Text that the export protected from being read as a formula (``'=…``) gets its text
back. Anything that matches nothing is passed on as typed, so that the answer check reports it
with its own message.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from decimal import Decimal
from functools import cache

from flask_babel import force_locale
from flask_babel import gettext as _

from mgf_assess.assessments.labels import STATUS_LABELS
from mgf_assess.assessments.scoring_bridge import json_value
from mgf_assess.assessments.workbook.layout import HEADINGS, SEPARATOR
from mgf_assess.config import LANGUAGES
from mgf_assess.i18n import localized
from mgf_assess.reports.tables.cells import FORMULA_TRIGGERS, SAFE_PREFIX, neutralise
from scoring.api import Question, check_answer

SEPARATORS = re.compile(r"[;\n]")


def fold(text: str) -> str:
    """Text as compared with codes and labels: spacing collapsed, case folded."""
    return " ".join(text.split()).casefold()


def protect(text: str) -> str:
    """Text made safe for a cell (``reports.tables.cells.neutralise``: ``=x`` → ``'=x``), and a
    text that starts with the apostrophe itself gets one more, so that ``restore`` gives back
    exactly the text that was written."""
    return SAFE_PREFIX + text if text.startswith(SAFE_PREFIX) else neutralise(text)


def restore(text: str) -> str:
    """The text ``protect`` wrote: ``'=x`` → ``=x``, ``''x`` → ``'x``. (A person typing ``'=x``
    in a spreadsheet stores ``=x``: the apostrophe only marks the cell as text.)"""
    if text.startswith(SAFE_PREFIX) and text[1:].startswith((*FORMULA_TRIGGERS, SAFE_PREFIX)):
        return text[1:]
    return text


@cache
def interface_words() -> dict:
    """Words of the interface a cell may hold, in every interface language: yes and no, the
    answer statuses, and the heading of the question id column (the second heading row)."""
    words: dict = {"yes_no": {"yes": "yes", "no": "no"}, "status": {code: code for code in STATUS_LABELS},
                   "heading": set()}
    for language in LANGUAGES:
        with force_locale(language):
            words["yes_no"].update({fold(_("Yes")): "yes", fold(_("No")): "no"})
            words["status"].update({fold(str(label)): code for code, label in STATUS_LABELS.items()})
            words["heading"].add(fold(str(HEADINGS["question_id"])))
    return words


class Vocabulary:
    """The words accepted for the options of each question of one definition."""

    def __init__(self) -> None:
        self._options: dict[str, dict[str, str]] = {}

    def options(self, question: Question) -> dict[str, str]:
        if question.id not in self._options:
            self._options[question.id] = option_words(question)
        return self._options[question.id]


def option_words(question: Question) -> dict[str, str]:
    """Folded code or label → option code; a label of several options is left out."""
    words: dict[str, str] = {}
    shared = set()
    for option in question.options:
        for label in option.label.values():
            key = fold(label)
            if words.setdefault(key, option.code) != option.code:
                shared.add(key)
    words = {key: code for key, code in words.items() if key not in shared}
    if question.type == "yes_no":
        words.update(interface_words()["yes_no"])
    return words | {fold(option.code): option.code for option in question.options}


# ---- reading cells ----------------------------------------------------------------------------

def blank(raw: object) -> bool:
    return raw is None or isinstance(raw, str) and not raw.strip()


def as_text(raw: object) -> str:
    """Any cell value as text, as a person would have typed it."""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime.datetime):
        return raw.date().isoformat() if raw.time() == datetime.time() else raw.isoformat(sep=" ")
    if isinstance(raw, datetime.date | datetime.time):
        return raw.isoformat()
    if isinstance(raw, float):
        return repr(raw)
    return restore(raw) if isinstance(raw, str) else str(raw)


def _choice(question: Question, raw: object, words: dict[str, str]) -> object:
    if isinstance(raw, bool) and question.type == "yes_no":
        return "yes" if raw else "no"
    text = as_text(raw).strip()
    return words.get(fold(text), text)


def _choices(question: Question, raw: object, words: dict[str, str]) -> list:
    text = as_text(raw).strip()
    if fold(text) in words:
        return [words[fold(text)]]
    return [words.get(fold(part), part.strip()) for part in SEPARATORS.split(text) if part.strip()]


def _number(question: Question, raw: object, percent_format: bool) -> object:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
        # a cell formatted as a percentage holds 0.5 for 50%
        return number * 100 if percent_format and question.type == "percent" else number
    text = as_text(raw).strip()
    return text.removesuffix("%").strip() if question.type == "percent" else text


def _date(question: Question, raw: object) -> object:
    return as_text(raw).strip()


def read_value(question: Question, raw: object, words: dict[str, str], percent_format: bool = False) -> object:
    """The answer value of an answer cell (None when it is blank)."""
    if blank(raw):
        return None
    if question.type in ("yes_no", "single_choice"):
        return _choice(question, raw, words)
    if question.type == "multi_choice":
        return _choices(question, raw, words) or None
    if question.type in ("number", "percent"):
        return _number(question, raw, percent_format)
    return _date(question, raw) if question.type == "date" else as_text(raw)


def read_payload(question: Question, cells: dict, vocabulary: Vocabulary, percent_format: bool = False):
    """The answer payload of a row (None: no answer), for ``scoring.api.check_answer``."""
    value = read_value(question, cells.get("answer"), vocabulary.options(question), percent_format)
    status = None if blank(cells.get("status")) else as_text(cells["status"]).strip()
    status = interface_words()["status"].get(fold(status), status) if status else None
    justification = None if blank(cells.get("justification")) else as_text(cells["justification"])
    if value is None and justification is None and status in (None, "answered"):
        return None
    payload = {"status": status or "answered", "value": value}
    return payload if justification is None else {**payload, "justification": justification}


def read_revision(raw: object) -> int | None:
    """The revision of a row (0 when blank); None when the cell holds no whole number ≥ 0."""
    if blank(raw):
        return 0
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str) and raw.strip().isdigit():
        raw = int(raw.strip())
    return raw if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0 else None


# ---- answers as states, compared and fingerprinted ---------------------------------------------

def _lines(text: str | None) -> str | None:
    # spreadsheets keep line breaks as \n: a \r\n typed on a web page is the same text
    return text.replace("\r\n", "\n").replace("\r", "\n") if text else None


def stored_state(answer) -> tuple | None:
    """A stored answer as compared with a row: (status, value, justification); None = none."""
    if answer is None or (answer.status == "answered" and answer.value is None):
        return None
    value = answer.value if answer.status == "answered" else None
    return answer.status, _lines(value) if isinstance(value, str) else value, _lines(answer.justification)


def typed_state(typed) -> tuple | None:
    """The same for an answer checked by ``check_answer`` (None: no answer)."""
    if typed is None:
        return None
    value = json_value(typed.value) if typed.status == "answered" else None
    return typed.status, _lines(value) if isinstance(value, str) else value, _lines(typed.justification)


def checked(definition, qid: str, payload) -> tuple[tuple | None, list]:
    """``check_answer`` of a payload: the state of the checked answer, and the problems."""
    typed, problems = check_answer(definition, qid, payload)
    return (None if problems else typed_state(typed)), problems


def fingerprint(state: tuple | None) -> str:
    """A short digest of an answer state (kept in the workbook at download)."""
    text = json.dumps(state, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ---- writing cells ------------------------------------------------------------------------------

def option_labels(question: Question) -> dict[str, str]:
    """Each option's label in the current language, or its code when another option has the
    same label (the label alone would not say which one)."""
    labels = {option.code: localized(option.label) for option in question.options}
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    return {code: label if counts[label] == 1 else code for code, label in labels.items()}


def _label(labels: dict[str, str], code) -> str:
    return labels.get(str(code), str(code))


def answer_cell(question: Question, answer) -> object:
    """What the answer cell shows of a stored answer (None: empty)."""
    state = stored_state(answer)
    if state is None or state[0] != "answered":
        return None
    value, labels = state[1], option_labels(question)
    if question.type == "yes_no":
        return _label(labels, value) if question.options else (_("Yes") if value == "yes" else _("No"))
    if question.type == "single_choice":
        return protect(_label(labels, value))
    if question.type == "multi_choice":
        return protect(f"{SEPARATOR} ".join(_label(labels, code) for code in value))
    if question.type == "date":
        return _date_cell(value)
    return protect(value) if isinstance(value, str) else value


def _date_cell(value) -> object:
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:  # stored before dates were checked: shown as it is, refused if uploaded so
        return protect(str(value))


def status_cell(answer) -> str | None:
    """The status cell: empty for an answer, else the status in words."""
    state = stored_state(answer)
    return None if state is None or state[0] == "answered" else str(STATUS_LABELS[state[0]])


def justification_cell(answer) -> str | None:
    state = stored_state(answer)
    return protect(state[2]) if state and state[2] else None
