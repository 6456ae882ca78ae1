"""The sheets of an answers workbook besides Answers: Instructions, the dropdown lists, and the
very hidden ``_about`` sheet that an upload is matched with."""

from __future__ import annotations

from flask import has_request_context, url_for
from flask_babel import lazy_gettext as _l

from mgf_assess.assessments import workflow
from mgf_assess.assessments.workbook import layout
from mgf_assess.assessments.workbook.archive import megabytes
from mgf_assess.assessments.workbook.values import fingerprint, protect, stored_state
from mgf_assess.i18n import LANGUAGE_NAMES
from mgf_assess.reports.tables.cells import neutralise

STEPS = (
    _l("Fill in the yellow columns of the sheet Answers: answer, status and justification. The other columns "
       "are locked: they say what each question asks and which answers it accepts."),
    _l("Choose an option from the list, or type its label or its code (the column “Allowed answers” lists "
       "both). For several options, separate them with a semicolon (;)."),
    _l("Leave the status empty for an answer. Choose “Not applicable” or “Don't know” only where the list "
       "offers it; a question that is not applicable needs a justification."),
    _l("To remove an answer, empty its answer, status and justification cells."),
    _l("Type values, not formulas, and keep the file as an Excel workbook (.xlsx) without macros. Do not change "
       "the columns question_id and revision, nor the hidden sheets."),
    _l("Upload the workbook on the page “Work offline” of the assessment. You see every change before anything "
       "is saved. Answers that someone else changed since this download are shown as conflicts, and you choose "
       "which answer to keep for each of them."),
    _l("Grey rows are for reading: they are outside the sections you may change, or the assessment can no "
       "longer be changed."),
)


class Lists:
    """The hidden sheet holding every dropdown's values, one block of rows per distinct list."""

    def __init__(self, book) -> None:
        self.sheet = book.add_worksheet(layout.LISTS)
        self.sheet.hide()
        self.sheet.protect()
        self.ranges: dict[tuple[str, ...], str] = {}
        self.next_row = 0

    def source(self, values: tuple[str, ...]) -> str:
        """The range (``=Lists!$A$1:$A$3``) holding ``values``, written once."""
        if values not in self.ranges:
            first = self.next_row
            for value in values:
                self.sheet.write_string(self.next_row, 0, protect(value))
                self.next_row += 1
            self.ranges[values] = f"={layout.LISTS}!$A${first + 1}:$A${self.next_row}"
        return self.ranges[values]


def instructions(book, formats, context: dict) -> None:
    """The Instructions sheet: what the workbook holds, how to fill it in, the limits."""
    sheet = book.add_worksheet(layout.INSTRUCTIONS)
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 90, formats["wrap"])
    sheet.write_string(0, 0, str(_l("Answers workbook: %(country)s, %(cycle)s", country=context["country"],
                                    cycle=context["cycle"])), formats["title"])
    row = 2
    for label, value in _facts(context):
        sheet.write_string(row, 0, str(label), formats["bold"])
        sheet.write_string(row, 1, neutralise(str(value)), formats["wrap"])
        row += 1
    row = _list(sheet, row + 1, _l("How to fill in this workbook"), list(STEPS), formats)
    _list(sheet, row + 1, _l("Limits"), [_limits()], formats)
    if context["rtl"]:
        sheet.right_to_left()
    sheet.protect()


def _facts(context: dict) -> list[tuple]:
    facts = [(_l("Questionnaire"), _l("%(title)s, version %(version)s", title=context["title"],
                                      version=context["version"])),
             (_l("Contents"), _l("%(scope)s: %(count)s questions", scope=context["scope"], count=context["count"])),
             (_l("Downloaded"), _l("%(date)s by %(name)s", date=context["date"], name=context["user"])),
             (_l("Language"), LANGUAGE_NAMES.get(context["language"], context["language"]))]
    if has_request_context():
        facts.append((_l("Upload it at"), url_for("assessments.workbook_page", assessment_id=context["id"],
                                                  _external=True)))
    if not workflow.is_editable(context["state"]):
        facts.append((_l("Note"), _l("This assessment is %(state)s: its answers can no longer be changed, so this "
                                     "workbook is for reading.", state=workflow.STATE_LABELS[context["state"]])))
    return facts


def _limits():
    return _l("At most %(size)s per file, %(rows)s rows, and %(chars)s characters in a cell.",
              size=megabytes(layout.MAX_FILE_BYTES), rows=f"{layout.MAX_ROWS:,}", chars=f"{layout.MAX_CELL_CHARS:,}")


def _list(sheet, row: int, heading, items: list, formats) -> int:
    sheet.write_string(row, 0, str(heading), formats["heading"])
    for number, item in enumerate(items, start=1):
        row += 1
        sheet.write_string(row, 0, f"{number}." if len(items) > 1 else "", formats["bold"])
        sheet.write_string(row, 1, str(item), formats["wrap"])
    return row + 1


def about(book, context: dict, lines, answers: dict) -> None:
    """The very hidden sheet an upload is matched with: which assessment and questionnaire, and
    the revision and fingerprint of each answer at download (``read.About``)."""
    sheet = book.add_worksheet(layout.ABOUT)
    rows = [("format", layout.FORMAT_NAME), ("format_version", str(layout.FORMAT_VERSION)),
            ("assessment", str(context["id"])), ("country", context["country_code"]), ("cycle", str(context["cycle"])),
            ("questionnaire", context["family"]), ("version", context["version"]),
            ("language", context["language"]), ("scope", context["scope_code"]), ("downloaded_at", context["date"])]
    for line in lines:
        answer = answers.get(line.question.id)
        rows.append((f"answer:{line.question.id}",
                     f"{answer.revision if answer else 0}:{fingerprint(stored_state(answer))}"))
    for number, (key, value) in enumerate(rows):
        sheet.write_string(number, 0, key)
        sheet.write_string(number, 1, protect(value))
    sheet.very_hidden()
    sheet.protect()
