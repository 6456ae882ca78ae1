"""Making a backup while the application runs, and restoring one into an empty database and
storage. Both are audited (``backup.create`` before the copy, so the backup holds its own
event; ``backup.restore`` after restoring)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from mgf_assess import storage
from mgf_assess.backup import database, files, manifest
from mgf_assess.backup.manifest import BackupRefused
from mgf_assess.core import audit
from mgf_assess.core.audit import chain
from mgf_assess.database import utcnow
from mgf_assess.extensions import db


class Outcome(NamedTuple):
    """What a backup or a restore did."""

    manifest: dict
    files: int


def create_backup(out: Path) -> Outcome:
    """Copy the database and the stored files into the new folder ``out``, with a manifest."""
    _check_out(out)
    created_at = utcnow().isoformat()
    kind, revision, store = database.dialect(), database.revision(), storage.current()
    audit.record(None, "backup.create", "backup", created_at,
                 new={"database": kind, "revision": revision, "storage": store.describe()})
    db.session.commit()
    out.mkdir(parents=True, exist_ok=True)
    dump = database.dump(out)  # first the database, then the files it names (see backup.files)
    count = files.copy_out(store, out)
    written = manifest.write(out, created_at=created_at, revision=revision, dialect=kind, database=dump)
    return Outcome(written, count)


def _check_out(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BackupRefused(f"{out} already exists and is not an empty folder: give a new folder")


def restore_backup(backup: Path) -> Outcome:
    """Check the backup's checksums, then load it into the empty database and storage, check
    the audit chain, and record the restore. Refuses, changing nothing, when anything is off."""
    found = manifest.read(backup)
    manifest.verify(backup, found)
    database.check_revision(found["revision"])
    store = storage.current()
    _check_empty(store)
    database.restore(backup / found["database"]["file"], found["database"]["dialect"])
    count = files.copy_in(store, backup, found)
    _check_chain()
    audit.record(None, "backup.restore", "backup", found["created_at"],
                 new={"revision": found["revision"], "files": count, "storage": store.describe()})
    db.session.commit()
    return Outcome(found, count)


def _check_empty(store) -> None:
    problems = []
    if not database.is_empty():
        problems.append("the database already has tables: create a new, empty database and point "
                        "DATABASE_URL at it (do not run 'mgf init' first)")
    if store.names():
        problems.append(f"the storage {store.describe()} already holds files: give an empty folder or prefix")
    if problems:
        raise BackupRefused("nothing was restored: " + "; ".join(problems))


def _check_chain() -> None:
    verdict = chain.verify()
    if verdict.broken is not None or verdict.reason:
        where = f" at audit event {verdict.broken.id}" if verdict.broken is not None else ""
        raise BackupRefused(f"the database and files were restored, but the audit chain is broken{where}: "
                            f"{verdict.reason}. Keep this copy for investigation and restore an older backup")
