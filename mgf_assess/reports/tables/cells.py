"""Spreadsheet-cell neutralisation: user text must never run as a formula (CSV/formula injection).

Spreadsheet programs treat a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(``=HYPERLINK(...)``, ``=cmd|...``, ``@SUM(...)``), and some also act on a leading tab or
carriage return. Text written by users (answers, justifications, evidence citations, URLs,
file names) can start with any of these, so every such text cell is neutralised.

The choice: prefix the text with a single apostrophe ``'``. It is the form OWASP recommends,
it reads naturally (``'=1+1``), it survives a round trip through CSV (where Excel's hidden
"quote prefix" cell flag would be lost), and it is easy to strip for anyone who needs the raw
text (the JSON download carries the raw text untouched). Besides the prefix, the XLSX writer
stores every cell as a string with ``strings_to_formulas`` off, so even a text that slipped
through would stay text.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
SAFE_PREFIX = "'"


def neutralise(value):
    """``value`` made safe for a spreadsheet cell: trigger-initial text gets a leading ``'``.

    Numbers, booleans and None pass through unchanged, so numeric columns stay numeric (a
    negative number is a number, not text the user typed).
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return SAFE_PREFIX + value
    return value


def neutralise_row(row: dict) -> dict:
    """Every value of a row dict neutralised, keys and order kept."""
    return {key: neutralise(value) for key, value in row.items()}
