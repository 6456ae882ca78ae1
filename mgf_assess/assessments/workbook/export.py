"""Writing the answers workbook of an assessment with xlsxwriter.

The Answers sheet has the column keys in its first row, the same in words in the second, then
one row per question: what it asks and accepts (locked), the current answer, status and
justification (unlocked: yellow where the user may change them, grey where not), and the
revision the answer had at download. Dropdowns and value checks are data validations; the
sheet is protected (without a password: the protection guides, the upload checks everything
again). Text is neutralised against formula injection and never stored as a formula.
"""

from __future__ import annotations

import datetime
import io

import xlsxwriter
from flask_babel import force_locale
from flask_babel import gettext as _

from mgf_assess.assessments import queries
from mgf_assess.assessments.forms import status_codes
from mgf_assess.assessments.labels import STATUS_LABELS, range_text
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.assessments.workbook import layout, scopes, sheets
from mgf_assess.assessments.workbook.values import (
    answer_cell,
    justification_cell,
    option_labels,
    status_cell,
)
from mgf_assess.config import RTL_LANGUAGES
from mgf_assess.core.limits import TEXT_MAX
from mgf_assess.database import utcnow
from mgf_assess.i18n import localized
from mgf_assess.reports.tables.cells import neutralise
from scoring.api import Question

OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
WIDTHS = (24, 24, 50, 40, 16, 36, 32, 20, 40, 10)
EXCEL_MAX_CHARS = 32_767
PROTECTION = {"format_columns": True, "format_rows": True, "autofilter": True}
STYLES = {
    "key": {"bold": True, "font_size": 9, "font_color": "#555555", "bg_color": "#F3F4F6"},
    "heading": {"bold": True, "bg_color": "#E8EEF9", "font_color": "#072A66", "bottom": 2, "text_wrap": True,
                "valign": "top"},
    "text": {"text_wrap": True, "valign": "top"},
    "input": {"locked": False, "bg_color": "#FFF7D6", "text_wrap": True, "valign": "top", "border": 1,
              "border_color": "#D9C77A"},
    "readonly": {"bg_color": "#EEF0F3", "text_wrap": True, "valign": "top"},
    "title": {"bold": True, "font_size": 14},
    "bold": {"bold": True, "valign": "top"},
    "wrap": {"text_wrap": True, "valign": "top"},
}


def build_workbook(assessment, user, scope: str, language: str) -> bytes | None:
    """The answers workbook of ``scope`` (``scopes``) in ``language``; None for an unknown scope."""
    definition = definition_for(assessment)
    with force_locale(language):
        lines = scopes.lines(definition, scope, user, assessment)
        if lines is None:
            return None
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, OPTIONS)
        formats = _formats(book)
        context = _context(assessment, definition, user, scope, language, len(lines))
        answers = queries.answers_of(assessment)
        sheet = book.add_worksheet(layout.ANSWERS)
        sheets.instructions(book, formats, context)
        AnswersSheet(sheet, formats, sheets.Lists(book), context["rtl"]).write(lines, answers)
        sheets.about(book, context, lines, answers)
        book.close()
    return buffer.getvalue()


def file_name(assessment, scope: str) -> str:
    return f"answers-{assessment.country_code}-{assessment.cycle}-{scope}.xlsx"


def _formats(book) -> dict:
    formats = {name: book.add_format(style) for name, style in STYLES.items()}
    for name in ("input", "readonly"):
        formats[f"{name}_date"] = book.add_format({**STYLES[name], "num_format": "yyyy-mm-dd"})
    return formats


def _context(assessment, definition, user, scope: str, language: str, count: int) -> dict:
    return {"id": assessment.id, "country": assessment.country.name(language), "country_code": assessment.country_code,
            "cycle": assessment.cycle, "family": definition.id, "version": definition.version,
            "title": localized(definition.title), "scope": scopes.scope_text(definition, scope), "scope_code": scope,
            "count": count, "date": utcnow().strftime("%Y-%m-%d %H:%M UTC"), "language": language,
            "user": getattr(user, "name", None) or _("the command line"), "rtl": language in RTL_LANGUAGES,
            "state": assessment.state}


class AnswersSheet:
    """The Answers sheet: headings, one row per question, validations, protection."""

    def __init__(self, sheet, formats: dict, lists: sheets.Lists, rtl: bool) -> None:
        self.sheet, self.formats, self.lists, self.rtl = sheet, formats, lists, rtl
        self.rules: dict[str, tuple[dict, list[str]]] = {}  # one validation per distinct rule, on all its cells

    def write(self, lines: list[scopes.Line], answers: dict) -> None:
        sheet = self.sheet
        sheet.write_row(0, 0, layout.KEYS, self.formats["key"])
        sheet.write_row(1, 0, [str(layout.HEADINGS[key]) for key in layout.KEYS], self.formats["heading"])
        for index, line in enumerate(lines, start=layout.HEADING_ROWS):
            self.row(index, line, answers.get(line.question.id))
        for rule, cells in self.rules.values():
            first = cells[0]
            sheet.data_validation(first, {**rule, "multi_range": " ".join(cells)} if len(cells) > 1 else rule)
        for column, width in enumerate(WIDTHS):
            sheet.set_column(column, column, width)
        sheet.freeze_panes(layout.HEADING_ROWS, 1)
        sheet.autofilter(1, 0, max(len(lines) + 1, 1), len(layout.KEYS) - 1)
        if self.rtl:
            sheet.right_to_left()
        sheet.protect("", PROTECTION)
        sheet.activate()

    def row(self, index: int, line: scopes.Line, answer) -> None:
        question = line.question
        texts = (question.id, line.section, localized(question.label), localized(question.help),
                 str(layout.TYPE_NAMES[question.type]), allowed_text(question))
        for column, text in enumerate(texts):
            self.cell(index, column, neutralise(text), self.formats["text"])
        style = "input" if line.editable else "readonly"
        answer_style = f"{style}_date" if question.type == "date" else style
        self.cell(index, 6, answer_cell(question, answer), self.formats[answer_style])
        self.cell(index, 7, status_cell(answer), self.formats[style])
        self.cell(index, 8, justification_cell(answer), self.formats[style])
        self.sheet.write_number(index, 9, answer.revision if answer else 0, self.formats["text"])
        if line.editable:
            self.validate(index, question)

    def cell(self, row: int, column: int, value, cell_format) -> None:
        if value is None or value == "":
            self.sheet.write_blank(row, column, None, cell_format)
        elif isinstance(value, str):
            self.sheet.write_string(row, column, value[:EXCEL_MAX_CHARS], cell_format)
        elif isinstance(value, datetime.date):
            self.sheet.write_datetime(row, column, datetime.datetime.combine(value, datetime.time()), cell_format)
        else:
            self.sheet.write_number(row, column, value, cell_format)

    def validate(self, row: int, question: Question) -> None:
        self.add_rule(row, 6, answer_rule(question, self.lists))
        statuses = status_codes(question)
        if len(statuses) > 1:
            source = self.lists.source(tuple(str(STATUS_LABELS[code]) for code in statuses))
            self.add_rule(row, 7, {"validate": "list", "source": source,
                                   **_warning(_("Choose an answer status from the list."))})
        self.add_rule(row, 8, _text_rule())

    def add_rule(self, row: int, column: int, rule: dict | None) -> None:
        if rule:
            key = repr(sorted(rule.items()))
            self.rules.setdefault(key, (rule, []))[1].append(f"{layout.column_letter(column)}{row + 1}")


def _warning(message: str) -> dict:
    """A check that warns but lets the value in (the upload decides, with its own message)."""
    return {"error_type": "warning", "error_title": _("Check this value")[:32], "error_message": message[:255]}


def _stop(message: str) -> dict:
    return {"error_type": "stop", "error_title": _("Invalid value")[:32], "error_message": message[:255]}


def _text_rule() -> dict:
    return {"validate": "length", "criteria": "<=", "value": TEXT_MAX,
            **_stop(_("At most %(limit)s characters.", limit=f"{TEXT_MAX:,}"))}


def answer_rule(question: Question, lists: sheets.Lists) -> dict | None:
    """The data validation of an answer cell: a dropdown, a number range, a date, a length."""
    if question.type in ("yes_no", "single_choice", "multi_choice"):
        rule = {"validate": "list", "source": lists.source(tuple(choice_labels(question)))}
        if question.type == "multi_choice":
            return {**rule, "show_error": False, "input_title": _("Several options")[:32],
                    "input_message": _("Choose one, or type several separated by ;")[:255]}
        return {**rule, **_warning(_("This is not one of the listed options: keep it only if it is an option code."))}
    if question.type in ("number", "percent"):
        low, high = question.value_range
        low_text, high_text = range_text(question)
        return {"validate": "decimal", "criteria": "between", "minimum": float(low), "maximum": float(high),
                **_stop(_("Enter a number from %(low)s to %(high)s.", low=low_text, high=high_text))}
    if question.type == "date":
        return {"validate": "date", "criteria": "between", "minimum": datetime.date(1900, 1, 1),
                "maximum": datetime.date(9999, 12, 31), **_warning(_("Enter a date, for example 2026-03-31."))}
    return _text_rule()


def choice_labels(question: Question) -> list[str]:
    if question.type == "yes_no" and not question.options:
        return [_("Yes"), _("No")]
    return list(option_labels(question).values())


def allowed_text(question: Question) -> str:
    """The answers a question accepts, in words (codes beside labels for options)."""
    lines = _value_lines(question)
    statuses = [str(STATUS_LABELS[code]) for code in status_codes(question) if code != "answered"]
    if statuses:
        lines.append(_("Or the answer status: %(statuses)s", statuses=", ".join(statuses)))
    return "\n".join(lines)


def _value_lines(question: Question) -> list[str]:
    if question.type == "yes_no" and not question.options:
        return [f"yes = {_('Yes')}", f"no = {_('No')}"]
    if question.type in ("yes_no", "single_choice", "multi_choice"):
        lines = [f"{option.code} = {localized(option.label)}" for option in question.options]
        return lines + ([_("Several options: separate them with ;")] if question.type == "multi_choice" else [])
    if question.type in ("number", "percent"):
        declared = question.type == "percent" or question.min is not None or question.max is not None
        low, high = range_text(question)
        unit = f" ({localized(question.unit)})" if question.unit else ""
        return [(_("A number from %(low)s to %(high)s", low=low, high=high) if declared else _("A number")) + unit]
    if question.type == "date":
        return [_("A date: year-month-day, for example 2026-03-31")]
    return [_("A text of at most %(limit)s characters", limit=f"{TEXT_MAX:,}")]
