"""XLSForm row types, as pyxform spells them, and what each becomes here.

A question type maps to one of our types (``number``, ``text``, ``date``, ``note``…) or to
``select_one``/``select_multiple`` with a list; group and repeat boundaries are structure;
rows the collecting device fills in (``start``, ``deviceid``…) and types with no meaning in a
questionnaire (``calculate``, geo, media, ``select_*_from_file``…) are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

# pyxform's spellings of each type (its aliases included), lower case
OURS = {
    "number": ("integer", "int", "decimal", "range", "q int", "q decimal", "add integer prompt",
               "add decimal prompt", "number of days in last month", "number of days in last six months",
               "number of days in last year"),
    "percent": ("percentage",),
    "text": ("text", "string", "q string", "add text prompt"),
    "date": ("date", "q date", "add date prompt"),
    "note": ("note", "q note", "add note prompt"),
}
BY_WORD = {word: ours for ours, words in OURS.items() for word in words}
SELECTS = {
    "select_one": "select_one", "select one": "select_one", "select1": "select_one", "q select1": "select_one",
    "select one using": "select_one", "add select one prompt using": "select_one", "select one from": "select_one",
    "select_multiple": "select_multiple", "select all that apply": "select_multiple", "q select": "select_multiple",
    "select multiple using": "select_multiple", "add select multiple prompt using": "select_multiple",
    "select all that apply from": "select_multiple", "select multiple from": "select_multiple",
}
_LONGEST_FIRST = sorted(SELECTS, key=len, reverse=True)
# Selects whose choices live outside the workbook, and ranking: skipped with their arguments.
SKIPPED_SELECTS = ("select_one_from_file", "select_multiple_from_file", "select one from file",
                   "select multiple from file", "select_one_external", "select one external", "rank")
METADATA = frozenset({"start", "end", "today", "deviceid", "device id", "phonenumber", "username", "email",
                      "audit", "simserial", "subscriberid", "subscriber id", "sim id", "imei", "start-geopoint",
                      "get start time", "get end time", "start time", "end time", "get today", "get device id",
                      "get sim id", "get subscriber id", "get phone number", "uri:subscriberid", "uri:phonenumber",
                      "uri:simserial", "uri:deviceid", "uri:username", "uri:email", "background-audio",
                      "background-geopoint"})
BOUNDARIES = {"begin_group": "begin_group", "begin_repeat": "begin_repeat", "begin_loop": "begin_repeat",
              "end_group": "end", "end_repeat": "end", "end_loop": "end"}
# Our types: the XLSForm types they may be read from when gov::type names them.
FITS = {"yes_no": {"select_one"}, "single_choice": {"select_one"}, "multi_choice": {"select_multiple"},
        "number": {"number", "percent"}, "percent": {"number", "percent"}, "text": {"text"}, "date": {"date"},
        "note": {"note"}}


@dataclass(frozen=True)
class RowType:
    """A row's type read: ``kind`` is a boundary, one of our base types, ``select_one`` /
    ``select_multiple`` (with ``list_name`` and ``or_other``), ``metadata`` or ``skipped``;
    ``word`` is the type as pyxform reads it (``integer``, ``range``…)."""

    kind: str
    word: str
    list_name: str | None = None
    or_other: bool = False


def read_type(text: str) -> RowType:
    """What the type cell ``text`` means."""
    words = text.split()
    phrase = " ".join(words).lower()
    boundary = BOUNDARIES.get("_".join(phrase.split()[:2]))
    if boundary is not None:
        return RowType(boundary, phrase)
    for prefix in _LONGEST_FIRST:
        if phrase.startswith(prefix + " "):
            return _select(SELECTS[prefix], words[len(prefix.split()):], phrase)
    if any(phrase == skipped or phrase.startswith(skipped + " ") for skipped in SKIPPED_SELECTS):
        return RowType("skipped", phrase)
    if phrase in BY_WORD:
        return RowType(BY_WORD[phrase], phrase)
    return RowType("metadata" if phrase in METADATA else "skipped", phrase)


def _select(kind: str, rest: list[str], phrase: str) -> RowType:
    if len(rest) == 1:
        return RowType(kind, kind, rest[0])
    if len(rest) == 2 and rest[1].lower() == "or_other":
        return RowType(kind, kind, rest[0], or_other=True)
    return RowType("skipped", phrase)
