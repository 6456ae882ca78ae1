"""The shape of an answers workbook (sheets, columns, words of its headings) and its limits.

Every limit is checked on upload and stated in the workbook's instructions and the README.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from mgf_assess.core.limits import TEXT_MAX

FORMAT_NAME = "mgf-assess answers workbook"
FORMAT_VERSION = 1
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ANSWERS = "Answers"
INSTRUCTIONS = "Instructions"
LISTS = "Lists"
ABOUT = "_about"  # very hidden: which assessment, revisions and fingerprints at download

# The first row of the Answers sheet holds these keys; the second repeats them in words.
KEYS = ("question_id", "section", "label", "help", "type", "allowed_values", "answer", "status",
        "justification", "revision")
READ_KEYS = ("question_id", "answer", "status", "justification", "revision")  # the rest is for reading
INPUT_KEYS = ("answer", "status", "justification")  # the cells people fill in: unlocked
HEADING_ROWS = 2
HEADINGS = {
    "question_id": _l("Question id"),
    "section": _l("Section"),
    "label": _l("Question"),
    "help": _l("Guidance"),
    "type": _l("Type of answer"),
    "allowed_values": _l("Allowed answers"),
    "answer": _l("Answer"),
    "status": _l("Answer status"),
    "justification": _l("Justification"),
    "revision": _l("Revision (do not change)"),
}
TYPE_NAMES = {
    "yes_no": _l("Yes or no"),
    "single_choice": _l("One option"),
    "multi_choice": _l("One or more options"),
    "number": _l("Number"),
    "percent": _l("Percentage"),
    "text": _l("Text"),
    "date": _l("Date"),
}
SEPARATOR = ";"  # between the options of a multiple-choice answer

# ---- limits of an uploaded workbook ----------------------------------------------------------
MAX_FILE_BYTES = 5 * 1024 * 1024  # the file as uploaded
MAX_PARTS = 100  # files inside the xlsx (zip) archive; spreadsheet programs write about 15
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # all parts together, uncompressed
MAX_RATIO = 100  # uncompressed / compressed size of one part larger than RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
MAX_ROWS = 5_000  # rows of the Answers sheet, headings included
MAX_COLUMNS = 30  # columns of the Answers sheet
MAX_CELL_CHARS = TEXT_MAX  # one cell that is read (answer, status, justification, id, revision)
MAX_LISTED = 10  # cells named in a refusal of the whole file (e.g. the formulas found)
PENDING_MINUTES = 60  # how long an uploaded workbook waits for its preview to be applied


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
