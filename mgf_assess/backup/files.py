"""Copying the stored files (evidence) into a backup and back into an empty storage.

Files are written once under random names and never changed, and a file is stored before the
row that names it is committed; so copying them after the database's snapshot finds every file
the snapshot names (a file added since is copied too, and harmless). Pending answers workbooks
are not kept: they live an hour at most.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mgf_assess import storage
from mgf_assess.assessments.workbook.pending import FOLDER as PENDING

FILES = "files"


def backed_up_names(files: storage.Storage) -> list[str]:
    """The stored names a backup keeps."""
    return [name for name in files.names() if not name.startswith(f"{PENDING}/")]


def copy_out(files: storage.Storage, out: Path) -> int:
    """Copy every kept file into ``out/files/``; returns how many."""
    names = backed_up_names(files)
    for name in names:
        target = out / FILES / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with files.open(name) as stream, target.open("wb") as copy:
            shutil.copyfileobj(stream, copy, 1024 * 1024)
    return len(names)


def copy_in(files: storage.Storage, backup: Path, manifest: dict) -> int:
    """Store every file the manifest lists under ``files/``; returns how many."""
    names = [name.removeprefix(f"{FILES}/") for name in manifest["files"] if name.startswith(f"{FILES}/")]
    for name in names:
        with (backup / FILES / name).open("rb") as stream:
            files.put(name, stream)
    return len(names)
