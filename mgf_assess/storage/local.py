"""Files in a local folder: the default, for one server or a folder shared by every server."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from mgf_assess.storage.base import Missing, checked


class LocalStorage:
    """Stored names are paths under ``folder``; writes go to a temporary file first and are
    renamed into place, so a reader never sees half a file."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def _path(self, name: str) -> Path:
        return self.folder / checked(name)

    def put(self, name: str, data: bytes | BinaryIO) -> None:
        path = self._path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
        try:
            with os.fdopen(handle, "wb") as out:
                _write(out, data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def open(self, name: str) -> BinaryIO:
        try:
            return self._path(name).open("rb")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise Missing(name) from None

    def get(self, name: str) -> bytes:
        with self.open(name) as stream:
            return stream.read()

    def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)

    def exists(self, name: str) -> bool:
        return self._path(name).is_file()

    def names(self, prefix: str = "") -> list[str]:
        if not self.folder.is_dir():
            return []
        found = (path.relative_to(self.folder).as_posix() for path in self.folder.rglob("*") if path.is_file())
        return sorted(name for name in found if name.startswith(prefix) and not _partial(name))

    def describe(self) -> str:
        return str(self.folder)


def _write(out: BinaryIO, data: bytes | BinaryIO) -> None:
    if isinstance(data, bytes | bytearray | memoryview):
        out.write(data)
    else:
        shutil.copyfileobj(data, out, 1024 * 1024)


def _partial(name: str) -> bool:
    return name.rsplit("/", 1)[-1].startswith(".")
