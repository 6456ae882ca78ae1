"""The manifest of a backup: what it holds (the database dump and every file, each with its
SHA-256 and size), the schema revision and the time; and the check of a backup against it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

NAME = "manifest.json"
FORMAT = "mgf-assess backup"
VERSION = 1


class BackupRefused(Exception):
    """The backup or restore cannot go ahead; the message says why and what to do."""


def checksum(path: Path) -> tuple[str, int]:
    """(SHA-256 in hex, size in bytes) of a file, read in blocks."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as stream:
        while block := stream.read(1024 * 1024):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def write(folder: Path, *, created_at: str, revision: str | None, dialect: str, database: str) -> dict:
    """Write ``manifest.json`` listing every other file under ``folder``; returns it."""
    listed = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != NAME):
        sha256, size = checksum(path)
        listed[path.relative_to(folder).as_posix()] = {"sha256": sha256, "size": size}
    manifest = {"format": FORMAT, "version": VERSION, "created_at": created_at, "revision": revision,
                "database": {"dialect": dialect, "file": database}, "files": listed}
    (folder / NAME).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def read(folder: Path) -> dict:
    """The manifest of the backup in ``folder``; BackupRefused when there is none or it is not one."""
    try:
        manifest = json.loads((folder / NAME).read_text())
    except (OSError, ValueError) as error:
        raise BackupRefused(f"{folder / NAME} cannot be read ({error}): give the folder that "
                            "'mgf backup' wrote") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupRefused(f"{folder / NAME} is not the manifest of an mgf-assess backup (format {VERSION})")
    return manifest


def verify(folder: Path, manifest: dict) -> None:
    """Check every listed file's size and SHA-256, and that nothing unlisted was added;
    BackupRefused naming every file that does not match."""
    problems = []
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{name} is missing")
        elif checksum(path) != (expected["sha256"], expected["size"]):
            problems.append(f"{name} does not match its checksum")
    listed = set(manifest["files"]) | {NAME}
    problems += [f"{p.relative_to(folder).as_posix()} is not in the manifest"
                 for p in sorted(folder.rglob("*")) if p.is_file() and p.relative_to(folder).as_posix() not in listed]
    if problems:
        raise BackupRefused("the backup is damaged or was changed, nothing was restored: " + "; ".join(problems)
                            + ". Restore from another copy of the backup")
