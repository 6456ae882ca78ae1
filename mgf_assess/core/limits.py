"""The documented limits of free text, the same on the pages, in the API and in the operations.

Longer input is refused with a located message (422), never cut short silently. The README's
"Limits" section lists them.
"""

TEXT_MAX = 10_000  # a justification, a comment, a text answer (scoring.api.MAX_TEXT)
CITATION_MAX = 2_000  # the citation of a piece of evidence: the full text goes in a file or a link
NAME_MAX = 200  # a person's or a token's name
URL_MAX = 2_000  # a link given as evidence


def too_long(text: str | None, limit: int) -> bool:
    """Whether ``text`` has more than ``limit`` characters."""
    return text is not None and len(text) > limit
