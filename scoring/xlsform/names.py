"""Ids for the rows of a survey: XLSForm's names kept as written whenever the format can hold
them, made unique (``fourteen_2``) and valid otherwise, each change reported.

A name that had to change is remembered, so that the expressions naming it are rewritten to
the new id; a duplicate keeps its first row's id in expressions, as XLSForm would resolve it.
"""

from __future__ import annotations

import re

from scoring.problems.catalog import Catalog
from scoring.xlsform.sheets import Context, Row

MAX_ID = 64
_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
_NOT_ID = re.compile(r"[^A-Za-z0-9_.-]+")
_REFERENCE = re.compile(r"\$\{\s*([^}\s]+)\s*\}")


class Names:
    """The ids given so far, the first row of each name, and the names changed to fit."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.taken: set[str] = set()
        self.first: dict[str, str] = {}
        self.renamed: dict[str, str] = {}

    def claim(self, name: str, row: Row) -> str:
        """The id of the row named ``name``: the name itself when it is valid and free."""
        made = valid_id(name)
        unique = self.fresh(made)
        if name in self.first:
            self.context.report(row, Catalog.XLSFORM_DUPLICATE_NAME, name=name, first=self.first[name], id=unique)
        else:
            self.first[name] = row.where
            if unique != name:
                self.renamed[name] = unique
                self.context.report(row, Catalog.XLSFORM_NAME_CHANGED, name=name, id=unique)
        return unique

    def fresh(self, base: str) -> str:
        """``base``, or ``base_2``, ``base_3``… : the first not yet taken (then taken)."""
        candidate, number = base, 1
        while candidate in self.taken:
            number += 1
            suffix = f"_{number}"
            candidate = base[:MAX_ID - len(suffix)] + suffix
        self.taken.add(candidate)
        return candidate

    def rewrite(self, expression: str) -> str:
        """``expression`` with the names that changed replaced by their ids."""
        if not self.renamed:
            return expression
        return _REFERENCE.sub(lambda match: "${" + self.renamed.get(match.group(1), match.group(1)) + "}",
                              expression)


def valid_id(name: str) -> str:
    """``name`` when it is a valid id; else its characters outside the id's made ``_``."""
    if _ID.fullmatch(name) and len(name) <= MAX_ID:
        return name
    made = _NOT_ID.sub("_", name).lstrip(".-") or "item"
    return made[:MAX_ID]
