"""Backups proven to restore: a backup made while answers, evidence files and audit events are
being written restores, into another empty database and storage, exactly the rows of one
committed moment and the bytes of every file; a damaged backup or a non-empty target is
refused and changes nothing."""

import json
import threading

import pytest
import storage_support
from backup_support import PDF, all_rows, make_app, migrate, scratch_database, seed
from sqlalchemy import text

from mgf_assess import storage
from mgf_assess.assessments import evidence, operations
from mgf_assess.assessments.models import Answer, Assessment, Evidence
from mgf_assess.extensions import db

OWN_EVENTS = ("backup.create", "backup.restore")  # the only rows allowed to differ
HEAD = ("audit_chain",)  # the chain's head moves with those events; `mgf audit verify` checks it
s3_endpoint = storage_support.s3_endpoint


class Writer(threading.Thread):
    """Saves an answer (and every third time adds an evidence file) in a loop, each time
    keeping every table's rows as its transaction is about to commit them."""

    def __init__(self, app, assessment_id):
        super().__init__(daemon=True)
        self.app, self.assessment_id = app, assessment_id
        self.states, self.stop, self.moved = [], threading.Event(), threading.Condition()

    error = None

    def run(self):
        try:
            with self.app.app_context():
                number = 0
                while not self.stop.is_set():
                    number += 1
                    self._write(number)
                    self.states.append(all_rows(self.app, OWN_EVENTS, HEAD))
                    db.session.commit()
                    self._tell()
        except Exception as error:  # noqa: BLE001 (reported by the test, not lost in the thread)
            self.error = error
            self._tell()

    def _tell(self):
        with self.moved:
            self.moved.notify_all()

    def _write(self, number):
        assessment = db.session.get(Assessment, self.assessment_id)
        current = db.session.scalar(db.select(Answer).filter_by(assessment_id=self.assessment_id,
                                                                question_id="q_number"))
        operations.save_answer(None, assessment, "q_number", {"value": number % 30},
                               current.revision if current else 0)
        if number % 3 == 0:
            evidence.add_evidence(None, assessment, "q_number", kind="statistics", citation=f"Table {number}",
                                  upload=(f"table-{number}.pdf", PDF + str(number).encode()))

    def wait_for_commits(self, count):
        with self.moved:
            self.moved.wait_for(lambda: len(self.states) >= count or self.error is not None)
        assert self.error is None, f"the writer failed: {self.error!r}"


def _files(app) -> dict[str, bytes]:
    with app.app_context():
        files = storage.current()
        return {name: files.get(name) for name in files.names()}


def _revision(app):
    with app.app_context(), db.engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _cli(app, *args):
    return app.test_cli_runner().invoke(args=["mgf", *args])


@pytest.fixture(params=["local files"])
def files_in(request):
    """Where the applications keep their files: a function giving the settings of a new,
    empty place (``local files``: the upload folder; ``s3``: a bucket of the S3 API)."""
    if request.param == "local files":
        return lambda: {}
    endpoint = request.getfixturevalue("s3_endpoint")

    def new_bucket():
        import uuid

        import boto3

        bucket = f"mgf-{uuid.uuid4().hex[:12]}"
        boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=bucket)
        return {"STORAGE_URL": f"s3://{bucket}/evidence", "STORAGE_ENDPOINT_URL": endpoint}

    return new_bucket


@pytest.fixture
def source(database_url, tmp_path, files_in):
    with scratch_database(database_url, tmp_path) as url:
        app = make_app(url, tmp_path / "source-files", **files_in())
        migrate(app)
        yield app, seed(app, tmp_path / "q")
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def target(database_url, tmp_path, files_in):
    with scratch_database(database_url, tmp_path) as url:
        app = make_app(url, tmp_path / "target-files", **files_in())
        yield app
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.mark.parametrize("files_in", ["local files", "s3"], indirect=True)
def test_a_backup_under_write_load_restores_one_committed_moment(source, target, tmp_path):
    app, assessment_id = source
    files_before = _files(app)
    writer = Writer(app, assessment_id)
    writer.start()
    writer.wait_for_commits(2)
    made = _cli(app, "backup", str(tmp_path / "backup"))
    writer.wait_for_commits(len(writer.states) + 2)  # still writing after the backup ended
    writer.stop.set()
    writer.join()
    assert made.exit_code == 0, made.output
    restored = _cli(target, "restore", str(tmp_path / "backup"))
    assert restored.exit_code == 0, restored.output
    with target.app_context():
        rows = all_rows(target, OWN_EVENTS, HEAD)
        stored_names = set(db.session.scalars(db.select(Evidence.stored_name).where(Evidence.stored_name.is_not(None))))
        own = db.session.scalars(db.text("SELECT action FROM audit_events WHERE action LIKE 'backup.%' ORDER BY id")).all()
    assert rows in writer.states  # exactly the rows of one moment committed during the load
    assert own == ["backup.create", "backup.restore"]
    assert _cli(target, "audit", "verify").exit_code == 0
    assert _revision(target) == _revision(app)
    source_files, target_files = _files(app), _files(target)
    assert set(files_before) <= set(target_files) and stored_names <= set(target_files)
    assert all(target_files[name] == source_files[name] for name in target_files)  # byte for byte


def test_the_manifest_lists_every_file_with_its_checksum_and_size(source, tmp_path):
    import hashlib

    app, _ = source
    assert _cli(app, "backup", str(tmp_path / "backup")).exit_code == 0
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["revision"] == _revision(app) and manifest["created_at"]
    written = {p.relative_to(tmp_path / "backup").as_posix() for p in (tmp_path / "backup").rglob("*") if p.is_file()}
    assert set(manifest["files"]) == written - {"manifest.json"}
    assert manifest["database"]["file"] in manifest["files"]
    assert len([name for name in manifest["files"] if name.startswith("files/")]) == 2
    for name, entry in manifest["files"].items():
        data = (tmp_path / "backup" / name).read_bytes()
        assert entry == {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def _damage(backup, target):
    evidence_file = sorted((backup / "files").iterdir())[0]
    evidence_file.write_bytes(evidence_file.read_bytes()[:-1] + b"!")
    return "files/" + evidence_file.name + " does not match its checksum"


def _not_empty_database(backup, target):
    migrate(target)
    return "the database already has tables"


def _not_empty_storage(backup, target):
    with target.app_context():
        storage.current().put("left-over", b"x")
    return "already holds files"


def _missing_file(backup, target):
    evidence_file = sorted((backup / "files").iterdir())[0]
    evidence_file.unlink()
    return f"files/{evidence_file.name} is missing"


def _newer_schema(backup, target):
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["revision"] = "9999"
    (backup / "manifest.json").write_text(json.dumps(manifest))
    return "schema revision 9999 is unknown to this version"


@pytest.mark.parametrize("spoil", [_damage, _not_empty_database, _not_empty_storage, _missing_file, _newer_schema],
                         ids=["checksum", "database not empty", "storage not empty", "file missing", "newer schema"])
def test_a_restore_that_cannot_go_ahead_is_refused_and_changes_nothing(source, target, tmp_path, spoil):
    app, _ = source
    assert _cli(app, "backup", str(tmp_path / "backup")).exit_code == 0
    reason = spoil(tmp_path / "backup", target)
    with target.app_context():
        tables = sorted(db.inspect(db.engine).get_table_names())
        assessments = db.session.scalar(text("SELECT count(*) FROM assessments")) if tables else None
        files = storage.current().names()
        db.session.remove()
    result = _cli(target, "restore", str(tmp_path / "backup"))
    assert result.exit_code == 1 and "restore refused" in result.output and reason in result.output
    with target.app_context():
        assert sorted(db.inspect(db.engine).get_table_names()) == tables
        assert (db.session.scalar(text("SELECT count(*) FROM assessments")) if tables else None) == assessments
        assert storage.current().names() == files


def test_a_backup_is_never_written_over_another(source, tmp_path):
    app, _ = source
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "something").write_text("keep me")
    result = _cli(app, "backup", str(tmp_path / "backup"))
    assert result.exit_code == 1 and "is not an empty folder" in result.output
    assert [p.name for p in (tmp_path / "backup").iterdir()] == ["something"]
