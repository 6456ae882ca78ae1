"""Storage: one contract kept by the local folder and by a real S3 API (moto's server on a
loopback port); the application chooses one from its settings; evidence files go through it."""

import io
from pathlib import Path

import pytest
import storage_support
from api_support import bearer, open_assessment, publish, token_for
from packages import multipart

from mgf_assess import create_app, storage
from mgf_assess.assessments.models import Evidence
from mgf_assess.extensions import db

PDF = b"%PDF-1.4 minimal test document"
s3_endpoint, s3_url, s3_app = storage_support.s3_endpoint, storage_support.s3_url, storage_support.s3_app


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path):
    if request.param == "local":
        return storage.LocalStorage(tmp_path / "files")
    url, endpoint = request.getfixturevalue("s3_url"), request.getfixturevalue("s3_endpoint")
    return storage.storage_for({"STORAGE_URL": url, "STORAGE_ENDPOINT_URL": endpoint})


def test_put_get_open_exists_delete(store):
    assert not store.exists("a1") and store.names() == []
    store.put("a1", b"first")
    store.put("a1", b"second")  # replaces
    assert store.exists("a1") and store.get("a1") == b"second"
    with store.open("a1") as stream:
        assert stream.read() == b"second"
    store.delete("a1")
    store.delete("a1")  # deleting what is gone is no error
    assert not store.exists("a1") and store.names() == []


def test_streams_are_stored_whole(store):
    data = bytes(range(256)) * 40_000  # 10 MB, several parts of a multipart upload
    store.put("big", io.BytesIO(data))
    assert store.get("big") == data


def test_names_lists_every_file_under_a_prefix(store):
    for name in ("b", "a", "pending-workbooks/x.json", "pending-workbooks/x.xlsx"):
        store.put(name, name.encode())
    assert store.names() == ["a", "b", "pending-workbooks/x.json", "pending-workbooks/x.xlsx"]
    assert store.names("pending-workbooks/") == ["pending-workbooks/x.json", "pending-workbooks/x.xlsx"]


@pytest.mark.parametrize("reader", ["get", "open"])
def test_a_missing_file_is_missing(store, reader):
    with pytest.raises(storage.Missing):
        getattr(store, reader)("nothing-here")


@pytest.mark.parametrize("name", ["../escape", "a/../../b", "/absolute", ".hidden", "a//b", "", "a b", "x" * 201])
def test_names_that_could_escape_are_refused(store, name):
    with pytest.raises(ValueError):
        store.put(name, b"x")


def test_the_application_chooses_local_storage_by_default(app):
    chosen = app.extensions[storage.KEY]
    assert isinstance(chosen, storage.LocalStorage) and chosen.folder == Path(app.config["UPLOAD_FOLDER"])


def test_the_application_chooses_s3_from_its_setting(s3_app, s3_url):
    chosen = s3_app.extensions[storage.KEY]
    assert isinstance(chosen, storage.S3Storage) and chosen.describe() == s3_url


def test_a_storage_url_that_is_not_s3_is_refused(tmp_path):
    with pytest.raises(ValueError, match="not an s3://bucket/prefix address"):
        create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://", "UPLOAD_FOLDER": str(tmp_path),
                    "STORAGE_URL": "ftp://files/evidence"})


def test_evidence_files_are_uploaded_downloaded_and_kept_in_s3(s3_app, tmp_path, make_user_s3):
    client = s3_app.test_client()
    publish(s3_app, tmp_path / "q")
    assessment_id = open_assessment(s3_app)
    headers = bearer(token_for(s3_app, make_user_s3))
    base = f"/api/v1/assessments/{assessment_id}"
    form = {"kind": "law", "citation": "Immigration Act 2011", "file": (PDF, "act 2011.pdf")}
    created = client.post(f"{base}/answers/q_yes/evidence", headers=headers, **multipart(form)).get_json()
    with s3_app.app_context():
        stored_name = db.session.get(Evidence, created["id"]).stored_name
    files = s3_app.extensions[storage.KEY]
    assert files.names() == [stored_name] and files.get(stored_name) == PDF
    assert not Path(s3_app.config["UPLOAD_FOLDER"]).exists()
    download = client.get(f"{base}/evidence/{created['id']}/file", headers=headers)
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Disposition"] == 'attachment; filename="act 2011.pdf"'
    assert download.headers["Content-Type"] == "application/pdf" and download.headers["X-Content-Type-Options"] == "nosniff"
    assert client.delete(f"{base}/evidence/{created['id']}", headers=headers).status_code == 204
    assert client.get(f"{base}/evidence/{created['id']}/file", headers=headers).status_code == 404


def test_a_file_gone_from_s3_is_a_404(s3_app, tmp_path, make_user_s3):
    client = s3_app.test_client()
    publish(s3_app, tmp_path / "q")
    assessment_id = open_assessment(s3_app)
    headers = bearer(token_for(s3_app, make_user_s3))
    base = f"/api/v1/assessments/{assessment_id}"
    form = {"kind": "law", "citation": "Immigration Act 2011", "file": (PDF, "act.pdf")}
    created = client.post(f"{base}/answers/q_yes/evidence", headers=headers, **multipart(form)).get_json()
    files = s3_app.extensions[storage.KEY]
    files.delete(files.names()[0])
    assert client.get(f"{base}/evidence/{created['id']}/file", headers=headers).status_code == 404


@pytest.fixture
def make_user_s3(s3_app):
    from conftest import PASSWORD

    from mgf_assess.auth import operations

    with s3_app.app_context():
        operations.create_user(None, email="focal@example.org", name="Focal", role="focal_point", country="KEN",
                               password=PASSWORD)
        db.session.commit()
    return "focal@example.org"


def test_a_workbook_previewed_on_one_server_is_applied_on_another(s3_app, database_url, tmp_path, s3_url, s3_endpoint,
                                                                  make_user_s3):
    """Two application servers on one database and one bucket: the pending upload kept by the
    first is found by the second (no shared disk)."""
    from conftest import _config, login
    from workbook_support import apply, download, edit, preview_url, upload

    from mgf_assess.assessments.models import Answer

    publish(s3_app, tmp_path / "q")
    assessment_id = open_assessment(s3_app)
    first = s3_app.test_client()
    assert login(first, make_user_s3).status_code == 302
    url = preview_url(upload(first, assessment_id, edit(download(first, assessment_id), {"q_yes": {"answer": "Yes"}})))
    other = create_app({**_config(database_url, tmp_path / "other"), "STORAGE_URL": s3_url,
                        "STORAGE_ENDPOINT_URL": s3_endpoint})
    second = other.test_client()
    second.set_cookie("session", first.get_cookie("session").value, domain="localhost")
    page = second.get(url)
    assert page.status_code == 200 and "q_yes" in page.get_data(as_text=True)
    assert apply(second, url, page.get_data(as_text=True)).status_code == 302
    with other.app_context():
        saved = db.session.scalar(db.select(Answer.value).filter_by(assessment_id=assessment_id, question_id="q_yes"))
        db.session.remove()
        db.engine.dispose()
    assert saved == "yes"
    assert s3_app.extensions[storage.KEY].names("pending-workbooks/") == []
