"""What every kind of storage offers: named blobs of bytes, written once, read, deleted, listed."""

from __future__ import annotations

import re
from typing import BinaryIO, Protocol

# A name is one or more segments of letters, digits, '.', '_' and '-', joined by '/'; no
# segment starts with a dot, so no name can climb out of its folder or prefix.
NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*")
MAX_NAME = 200


class Missing(FileNotFoundError):
    """No file is stored under this name."""


def checked(name: str) -> str:
    """``name`` if it is a valid storage name; ValueError otherwise."""
    if len(name) > MAX_NAME or not NAME.fullmatch(name):
        raise ValueError(f"invalid stored file name {name!r}: use letters, digits, '.', '_', '-' and '/'")
    return name


class Storage(Protocol):
    """Where evidence files and pending workbooks are kept (``LocalStorage``, ``S3Storage``)."""

    def put(self, name: str, data: bytes | BinaryIO) -> None:
        """Store ``data`` (bytes or a binary stream) under ``name``, replacing any file there."""

    def open(self, name: str) -> BinaryIO:
        """A binary stream of the file (the caller closes it); ``Missing`` when there is none."""

    def get(self, name: str) -> bytes:
        """The file's bytes; ``Missing`` when there is none."""

    def delete(self, name: str) -> None:
        """Delete the file; nothing happens when there is none."""

    def exists(self, name: str) -> bool:
        """Whether a file is stored under ``name``."""

    def names(self, prefix: str = "") -> list[str]:
        """Every stored name starting with ``prefix``, sorted."""

    def describe(self) -> str:
        """Where the files are, for messages (a folder, or s3://bucket/prefix)."""
