"""Writing an assessment's export as one zip archive (see ``readme`` for its layout)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import zipfile
from pathlib import Path

from mgf_assess import storage
from mgf_assess.assessments.models import Assessment
from mgf_assess.core import audit
from mgf_assess.database import utcnow
from mgf_assess.portability.collect import Export, collect
from mgf_assess.portability.readme import readme

ANSWER_COLUMNS = ("question_id", "status", "value", "justification", "revision", "carried_over", "carry_note",
                  "updated_by_id", "updated_at")
UNUSUAL = re.compile(r"[^A-Za-z0-9._-]+")


def export_assessment(assessment: Assessment, out: Path, include_internal: bool = False) -> Export:
    """Write ``out`` (a zip, written beside it first and renamed when complete); audited."""
    export, exported_at = collect(assessment, include_internal), utcnow().isoformat()
    partial = out.with_name(f".{out.name}.partial")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            _write(archive, export, include_internal, exported_at)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    audit.record(None, "assessment.export", "assessment", assessment.id, country=assessment.country_code,
                 new={"include_internal": include_internal, "answers": len(export.answers),
                      "evidence": len(export.evidence), "review_comments": len(export.review_comments)})
    return export


def _write(archive: zipfile.ZipFile, export: Export, include_internal: bool, exported_at: str) -> None:
    _evidence_files(archive, export.evidence)
    details = {"exported_at": exported_at, "include_internal": include_internal}
    parts = {"assessment.json": {**export.assessment, "export": details}, "answers.json": export.answers,
             "evidence.json": export.evidence, "review_comments.json": export.review_comments,
             "score_overrides.json": export.score_overrides, "score_snapshots.json": export.score_snapshots,
             "audit_events.json": export.audit_events, "people.json": export.people}
    for name, content in parts.items():
        archive.writestr(name, json.dumps(content, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    archive.writestr("answers.csv", _answers_csv(export.answers))
    archive.writestr("README.txt", readme(export, include_internal, exported_at))


def _evidence_files(archive: zipfile.ZipFile, evidence: list[dict]) -> None:
    """Copy each evidence file into ``evidence/`` and note its path and SHA-256 on its row."""
    files = storage.current()
    for item in evidence:
        item["file"], item["sha256"], item["file_missing"] = None, None, False
        if not item["stored_name"]:
            continue
        path = f"evidence/{item['id']}-{UNUSUAL.sub('_', item['file_name'] or 'file')[:100]}"
        try:
            item["sha256"] = _copy(files.open(item["stored_name"]), archive, path)
            item["file"] = path
        except storage.Missing:
            item["file_missing"] = True


def _copy(stream, archive: zipfile.ZipFile, path: str) -> str:
    digest = hashlib.sha256()
    with stream, archive.open(path, "w") as target:
        while block := stream.read(1024 * 1024):
            digest.update(block)
            target.write(block)
    return digest.hexdigest()


def _answers_csv(answers: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ANSWER_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for answer in answers:
        writer.writerow({**answer, "value": _cell(answer["value"])})
    return buffer.getvalue()


def _cell(value):
    """A text or a number as it is; anything else (lists of option codes) as JSON."""
    if value is None or isinstance(value, str) or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    return json.dumps(value, ensure_ascii=False)
