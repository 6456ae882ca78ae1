"""Data portability: 'mgf export-assessment' writes a zip whose README explains every file,
with the answers (JSON and CSV), the evidence and its files, review comments (internal ones
only when asked), score overrides, snapshots and the assessment's audit events."""

import csv
import hashlib
import io
import json
import zipfile

import pytest
from backup_support import PDF, PNG, seed

from mgf_assess.assessments import evidence
from mgf_assess.assessments.models import Assessment, Evidence
from mgf_assess.extensions import db

PARTS = ("README.txt", "assessment.json", "answers.json", "answers.csv", "evidence.json", "review_comments.json",
         "score_overrides.json", "score_snapshots.json", "audit_events.json", "people.json")


@pytest.fixture
def seeded(app, tmp_path):
    assessment_id = seed(app, tmp_path / "q")
    with app.app_context():  # removed evidence: its events still belong to the assessment
        assessment = db.session.get(Assessment, assessment_id)
        gone = db.session.scalar(db.select(Evidence).filter_by(citation="Policy 2020"))
        evidence.remove_evidence(None, assessment, gone)
        db.session.commit()
    return assessment_id


def _export(runner, assessment_id, out, *options):
    result = runner.invoke(args=["mgf", "export-assessment", str(assessment_id), str(out), *options])
    assert result.exit_code == 0, result.output
    return zipfile.ZipFile(out)


def _json(archive, name):
    return json.loads(archive.read(name))


def test_every_part_is_in_the_archive_and_explained_in_its_readme(runner, seeded, tmp_path):
    archive = _export(runner, seeded, tmp_path / "export.zip")
    names = set(archive.namelist())
    assert set(PARTS) <= names
    readme = archive.read("README.txt").decode()
    for part in [*PARTS, "evidence/"]:
        assert part in readme, part
    assert "LEFT OUT" in readme and "--include-internal" in readme
    assessment = _json(archive, "assessment.json")
    assert (assessment["id"], assessment["country_code"], assessment["questionnaire"]["family"]) == (seeded, "KEN", "rich")
    assert assessment["export"]["include_internal"] is False


def test_answers_in_json_and_csv(app, runner, seeded, tmp_path):
    from assess_helpers import save

    save(app, seeded, "q_multi", {"value": ["x", "z"]})
    archive = _export(runner, seeded, tmp_path / "export.zip")
    answers = {row["question_id"]: row for row in _json(archive, "answers.json")}
    assert answers["q_yes"]["value"] == "yes" and answers["q_multi"]["value"] == ["x", "z"]
    table = list(csv.DictReader(io.StringIO(archive.read("answers.csv").decode())))
    assert {(row["question_id"], row["value"], row["status"]) for row in table} == {
        ("q_yes", "yes", "answered"), ("q_choice", "a", "answered"), ("q_multi", '["x", "z"]', "answered")}
    people = {person["id"]: person["name"] for person in _json(archive, "people.json")}
    assert people[answers["q_yes"]["updated_by_id"]] == "Focal Point"


def test_evidence_metadata_and_files_byte_for_byte(runner, seeded, tmp_path):
    archive = _export(runner, seeded, tmp_path / "export.zip")
    items = {item["citation"]: item for item in _json(archive, "evidence.json")}
    assert set(items) == {"Migration Act 2011", "Census"}  # the removed one is gone
    for citation, data, name in (("Migration Act 2011", PDF, "act_2011.pdf"), ("Census", PNG, "chart.png")):
        item = items[citation]
        assert item["file"] == f"evidence/{item['id']}-{name}" and archive.read(item["file"]) == data
        assert item["sha256"] == hashlib.sha256(data).hexdigest() and item["size"] == len(data)
    assert items["Migration Act 2011"]["url"] == "https://example.org/act"


def test_review_comments_overrides_and_snapshots(runner, seeded, tmp_path):
    archive = _export(runner, seeded, tmp_path / "export.zip")
    comments = _json(archive, "review_comments.json")
    assert [comment["text"] for comment in comments] == ["Which article of the act?", "Article 12."]
    assert comments[1]["reply_to_id"] == comments[0]["id"] and comments[0]["status"] == "open"
    overrides = _json(archive, "score_overrides.json")
    assert [(o["question_id"], o["score"]) for o in overrides] == [("q_choice", 75)]
    snapshots = _json(archive, "score_snapshots.json")
    assert [s["kind"] for s in snapshots] == ["submitted"] and snapshots[0]["result"]


def test_internal_comments_are_left_out_unless_asked(runner, seeded, tmp_path):
    default = _export(runner, seeded, tmp_path / "default.zip")
    assert all(b"INTERNAL" not in default.read(name) for name in default.namelist())
    included = _export(runner, seeded, tmp_path / "internal.zip", "--include-internal")
    comments = _json(included, "review_comments.json")
    assert [c["text"] for c in comments if c["internal"]] == ["INTERNAL: check with the regional office"]
    assert "INCLUDES internal review comments" in included.read("README.txt").decode()


def test_the_assessments_audit_events_and_no_others(app, runner, seeded, tmp_path):
    other = _other_assessment(app)
    public, internal = _comment_events(app, seeded)
    archive = _export(runner, seeded, tmp_path / "export.zip")
    events = _json(archive, "audit_events.json")
    keys = [(event["action"], event["object_type"], event["object_id"]) for event in events]
    assert ("assessment.create", "assessment", str(seeded)) in keys
    assert {key for key in keys if key[1] == "answer"} == {
        ("answer.save", "answer", f"{seeded}:q_yes"), ("answer.save", "answer", f"{seeded}:q_choice")}
    assert [key[0] for key in keys if key[1] == "evidence"] == ["evidence.add"] * 3 + ["evidence.remove"]
    assert [key for key in keys if key[1] == "comment"] == [("comment.create", "comment", str(public))]
    assert not any(key[2] == str(other) or key[2].startswith(f"{other}:") for key in keys if key[1] != "evidence")
    assert all(event["country_code"] in ("KEN", None) for event in events)
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)
    with_internal = _json(_export(runner, seeded, tmp_path / "all.zip", "--include-internal"), "audit_events.json")
    assert ("comment.create", "comment", str(internal)) in [
        (e["action"], e["object_type"], e["object_id"]) for e in with_internal]


def _other_assessment(app) -> int:
    """A Mexican assessment with an answer and evidence: none of its events are exported."""
    from assess_helpers import open_assessment, save

    other = open_assessment(app, country="MEX")
    save(app, other, "q_yes", {"value": "no"})
    with app.app_context():
        evidence.add_evidence(None, db.session.get(Assessment, other), "q_yes", kind="law", citation="Ley 2011")
        db.session.commit()
    return other


def _comment_events(app, assessment_id) -> tuple[int, int]:
    """Audit events of the public query and of the internal comment, as review writes them."""
    from mgf_assess.core import audit
    from mgf_assess.review.models import ReviewComment

    with app.app_context():
        comments = db.session.scalars(db.select(ReviewComment).filter_by(assessment_id=assessment_id, reply_to_id=None)
                                      .order_by(ReviewComment.id)).all()
        public, internal = (next(c.id for c in comments if c.internal is flag) for flag in (False, True))
        for comment_id in (public, internal):
            audit.record(None, "comment.create", "comment", comment_id, country="KEN")
        db.session.commit()
    return public, internal


@pytest.mark.parametrize("arguments, message", [
    (["999999", "x.zip"], "there is no assessment 999999"),
    (["{id}", "export.txt"], "does not end in .zip"),
    (["{id}", "exists.zip"], "already exists"),
])
def test_refusals_write_nothing(runner, seeded, tmp_path, arguments, message):
    (tmp_path / "exists.zip").write_bytes(b"keep")
    args = [arg.format(id=seeded) if arg.startswith("{") else str(tmp_path / arg) if "." in arg else arg
            for arg in arguments]
    result = runner.invoke(args=["mgf", "export-assessment", *args])
    assert result.exit_code == 1 and message in result.output
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".zip", ".txt")) == ["exists.zip"]
    assert (tmp_path / "exists.zip").read_bytes() == b"keep"
