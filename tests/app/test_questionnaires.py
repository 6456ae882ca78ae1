"""Questionnaire versions in the application: loading, immutability, lifecycle, pages, CLI."""

from pathlib import Path

import pytest
import qfiles

from mgf_assess.core.errors import OperationError
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db
from mgf_assess.questionnaires import operations, queries
from mgf_assess.questionnaires.models import QuestionnaireVersion

SHIPPED = Path(__file__).resolve().parents[2] / "questionnaires"


@pytest.fixture
def folder(app, tmp_path):
    app.config["QUESTIONNAIRES_FOLDER"] = str(tmp_path / "q")
    return tmp_path / "q"


def _load(app, folder):
    with app.app_context():
        result = operations.load_folder(folder)
        db.session.commit()
        return result


def _version(app, family="demo", version="1.0"):
    with app.app_context():
        return queries.version_or_none(family, version)


def test_load_registers_every_file_with_its_hash(app, folder):
    qfiles.write(folder, qfiles.definition(version="1.0", status="published"))
    qfiles.write(folder, qfiles.definition(version="2.0"))
    result = _load(app, folder)
    assert result.registered == ["demo/1.0.yaml", "demo/2.0.yaml"] and result.ok
    version = _version(app)
    assert version.status == "published" and len(version.content_hash) == 64
    assert version.question_count == 2 and version.language_completeness == {lang: 1.0 for lang in qfiles.LANGS}
    assert _load(app, folder).unchanged == ["demo/1.0.yaml", "demo/2.0.yaml"]


def test_changed_published_file_is_refused(app, folder):
    path = qfiles.write(folder, qfiles.definition(status="published"))
    _load(app, folder)
    original = _version(app).content_hash
    path.write_text(path.read_text().replace("Question q_one", "Changed question"))
    result = _load(app, folder)
    assert not result.ok and "immutable" in result.refused[0][1] and "hash" in result.refused[0][1]
    assert _version(app).content_hash == original


def test_changed_draft_is_refreshed_and_audited(app, folder):
    qfiles.write(folder, qfiles.definition(status="draft"))
    _load(app, folder)
    qfiles.write(folder, qfiles.definition(status="draft", questions=("q_one", "q_two", "q_three")))
    assert _load(app, folder).updated == ["demo/1.0.yaml"]
    assert _version(app).question_count == 3
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).where(AuditEvent.action == "questionnaire.update_draft")) == 1


def test_invalid_file_is_refused_with_its_errors(app, folder):
    data = qfiles.definition()
    data["domains"][0]["areas"][0]["questions"][0]["type"] = "slider"
    qfiles.write(folder, data)
    result = _load(app, folder)
    assert result.refused and "unknown_question_type" in result.refused[0][1]
    assert _version(app) is None


def test_lifecycle_draft_published_retired(app, folder):
    qfiles.write(folder, qfiles.definition(status="draft"))
    _load(app, folder)
    with app.app_context():
        version = queries.version_or_none("demo", "1.0")
        assert queries.published_versions() == []
        operations.set_status(None, version, "published", "ready")
        assert [v.id for v in queries.published_versions()] == [version.id]
        with pytest.raises(OperationError):
            operations.set_status(None, version, "published")
        operations.set_status(None, version, "retired")
        assert queries.published_versions() == []
        with pytest.raises(OperationError):
            operations.set_status(None, version, "draft")
        db.session.commit()
        actions = db.session.scalars(db.select(AuditEvent.action).order_by(AuditEvent.id).filter(
            AuditEvent.action.startswith("questionnaire."))).all()
        assert actions == ["questionnaire.register", "questionnaire.published", "questionnaire.retired"]


def test_draft_with_missing_translations_cannot_be_published(app, folder):
    data = qfiles.definition(status="draft")
    del data["domains"][0]["areas"][0]["questions"][0]["label"]["ar"]
    qfiles.write(folder, data)
    assert _load(app, folder).ok  # drafts only get warnings
    with app.app_context():
        version = queries.version_or_none("demo", "1.0")
        assert version.language_completeness["ar"] < 1
        with pytest.raises(OperationError, match="ar"):
            operations.set_status(None, version, "published")


def test_shipped_questionnaires_all_load(app):
    result = _load(app, SHIPPED)
    assert result.ok, result.refused
    assert {"mgf/2015.1.yaml", "mgf/2026.1.yaml"} <= set(result.registered)


def test_pages_list_show_and_diff(app, client, folder, login_as):
    qfiles.write(folder, qfiles.definition(version="1.0", status="published"))
    qfiles.write(folder, qfiles.definition(version="2.0", questions=("q_one", "q_three"), label_suffix="!"))
    _load(app, folder)
    login_as(role="contributor")
    assert "Demo questionnaire" in client.get("/questionnaires/").get_data(as_text=True)
    assert "Question q_one" in client.get("/questionnaires/demo/1.0").get_data(as_text=True)
    html = client.get("/questionnaires/demo/diff?old=1.0&new=2.0").get_data(as_text=True)
    assert "q_three" in html and "q_two" in html and "label" in html
    assert client.get("/questionnaires/demo/9.9").status_code == 404


def test_only_admins_change_status(app, client, folder, login_as):
    qfiles.write(folder, qfiles.definition(status="draft"))
    _load(app, folder)
    login_as(role="focal_point")
    assert client.post("/questionnaires/demo/1.0/status", data={"status": "published"}).status_code == 403
    assert client.post("/questionnaires/load").status_code == 403


def test_admin_publishes_in_the_ui(app, client, folder, login_as):
    qfiles.write(folder, qfiles.definition(status="draft"))
    _load(app, folder)
    login_as(role="admin", country=None)
    client.post("/questionnaires/demo/1.0/status", data={"status": "published", "reason": "approved"})
    assert _version(app).status == "published"


def test_cli_load_validate_publish_retire_list(app, runner, folder):
    qfiles.write(folder, qfiles.definition(status="draft"))
    assert runner.invoke(args=["mgf", "questionnaires", "load"]).exit_code == 0
    assert runner.invoke(args=["mgf", "questionnaires", "validate", str(folder)]).exit_code == 0
    assert runner.invoke(args=["mgf", "questionnaires", "publish", "demo", "1.0"]).exit_code == 0
    result = runner.invoke(args=["mgf", "questionnaires", "publish", "demo", "1.0"])
    assert result.exit_code == 2 and "draft to published to retired" in result.output
    assert runner.invoke(args=["mgf", "questionnaires", "retire", "demo", "1.0"]).exit_code == 0
    assert "retired" in runner.invoke(args=["mgf", "questionnaires", "list"]).output
    assert runner.invoke(args=["mgf", "questionnaires", "publish", "nope", "1"]).exit_code == 2


def test_cli_load_fails_on_changed_published_file(app, runner, folder):
    path = qfiles.write(folder, qfiles.definition(status="published"))
    runner.invoke(args=["mgf", "questionnaires", "load"])
    path.write_text(path.read_text().replace("Question q_one", "Edited"))
    result = runner.invoke(args=["mgf", "questionnaires", "load"])
    assert result.exit_code == 1 and "immutable" in result.output


def test_cli_validate_reports_invalid_file(app, runner, folder):
    data = qfiles.definition()
    data["target_band"] = "nowhere"
    path = qfiles.write(folder, data)
    result = runner.invoke(args=["mgf", "questionnaires", "validate", str(path)])
    assert result.exit_code == 1 and "target_band" in result.output


def test_version_row_is_stored_as_text(app, folder):
    qfiles.write(folder, qfiles.definition(status="published"))
    _load(app, folder)
    with app.app_context():
        version = db.session.scalar(db.select(QuestionnaireVersion))
        assert "format_version: 1" in version.source
