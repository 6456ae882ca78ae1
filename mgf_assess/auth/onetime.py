"""Single-use links (password resets, invitations): the link carries a random token of 256
bits; only its SHA-256 digest is stored, so a copy of the database opens no account."""

from __future__ import annotations

import hashlib
import secrets

from flask_babel import lazy_gettext as _l

from mgf_assess.core.errors import OperationError

TOKEN_BYTES = 32
TOKEN_MAX_LENGTH = 100  # longer text in a link is not one of ours (and is not hashed)


class LinkNotValid(OperationError):
    """The link was used already, has expired, was withdrawn or replaced, or never existed."""

    def __init__(self):
        super().__init__(_l("This link does not work any more: it was used already, has expired, or was "
                            "replaced by a newer one."))


def new_token() -> tuple[str, str]:
    """A new token for a link, and the digest to store."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, digest(token)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def digest_of_link(token: str) -> str | None:
    """The digest a link's token is stored under; None for text that cannot be a token."""
    return digest(token) if 0 < len(token) <= TOKEN_MAX_LENGTH else None
