"""The lost-write comparison: acknowledged saves and uploads against what the database holds.

Pure functions over plain data, so that the comparison itself is tested (tests/soak/)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from soak.ledger import AckedSave, AckedUpload

Key = tuple[int, str]  # (assessment id, question id)


def canonical(value) -> str:
    """A value as comparable text: JSON with sorted keys, whole floats written as integers."""
    return json.dumps(_whole(value), sort_keys=True, ensure_ascii=False)


def _whole(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_whole(item) for item in value]
    if isinstance(value, dict):
        return {key: _whole(item) for key, item in value.items()}
    return value


@dataclass
class SaveCheck:
    """Acknowledged saves against the answers table and the answers' audit history.

    ``lost``: acknowledged, but no audit event holds that revision with that value.
    ``behind``: the stored answer is older than the newest acknowledged save of the question,
    or at its revision with another value. ``unacknowledged``: questions stored at a revision
    newer than any acknowledged save (a save that committed but whose response never came)."""

    acknowledged: int = 0
    lost: list[AckedSave] = field(default_factory=list)
    behind: list[dict] = field(default_factory=list)
    unacknowledged: list[Key] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.lost and not self.behind


def compare_saves(acked: Iterable[AckedSave], stored: Mapping[Key, tuple[int, object]],
                  history: set[tuple[Key, int, str]]) -> SaveCheck:
    """Compare; ``stored`` maps a question to its (revision, value), ``history`` holds
    (question, revision, canonical value) of every audited save."""
    check, newest = SaveCheck(), {}
    for save in acked:
        check.acknowledged += 1
        key = (save.assessment, save.question)
        if (key, save.revision, canonical(save.value)) not in history:
            check.lost.append(save)
        if key not in newest or save.revision > newest[key].revision:
            newest[key] = save
    for key, save in sorted(newest.items()):
        _compare_final(check, key, save, stored.get(key))
    return check


def _compare_final(check: SaveCheck, key: Key, save: AckedSave, row: tuple[int, object] | None) -> None:
    revision, value = row if row is not None else (0, None)
    if revision < save.revision or (revision == save.revision and canonical(value) != canonical(save.value)):
        check.behind.append({"question": f"{key[0]}:{key[1]}", "acknowledged": [save.revision, save.value],
                             "stored": [revision, value] if row is not None else None})
    elif revision > save.revision:
        check.unacknowledged.append(key)


@dataclass
class UploadCheck:
    """Acknowledged uploads: ``missing`` has no stored row with a file, ``unreadable`` could not be
    downloaded with the bytes that were sent."""

    acknowledged: int = 0
    missing: list[AckedUpload] = field(default_factory=list)
    unreadable: list[AckedUpload] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing and not self.unreadable


def compare_uploads(acked: Iterable[AckedUpload], stored_ids: set[int],
                    downloaded: Mapping[int, str | None]) -> UploadCheck:
    """``stored_ids``: evidence ids stored with a file; ``downloaded``: the SHA-256 of each one's
    download (None when it failed)."""
    check = UploadCheck()
    for upload in acked:
        check.acknowledged += 1
        if upload.evidence not in stored_ids:
            check.missing.append(upload)
        elif downloaded.get(upload.evidence) != upload.sha256:
            check.unreadable.append(upload)
    return check
