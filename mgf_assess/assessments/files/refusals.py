"""Why a file is refused: a code and the values its message names (messages: ``evidence``)."""

from __future__ import annotations


class Refused(Exception):
    """The file is not accepted; ``code`` says why, ``details`` hold the values to show
    (e.g. the limit passed, or the name of the part of a document at fault)."""

    def __init__(self, code: str, **details):
        self.code, self.details = code, details
        super().__init__(f"{code}: {details}" if details else code)
