"""An unreachable database gives a clear 503 (page or JSON), never a traceback, and the service
recovers by itself once the database answers again."""

import socket
import threading

import pytest

from mgf_assess import create_app

CLOSED = "postgresql+psycopg://postgres@127.0.0.1:1/nothing_listens_here"


def _app(url, tmp_path):
    return create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url,
                       "UPLOAD_FOLDER": str(tmp_path), "WTF_CSRF_ENABLED": False})


@pytest.fixture
def unreachable(tmp_path):
    app = _app(CLOSED, tmp_path)
    yield app.test_client()


def test_a_page_is_a_friendly_503(unreachable):
    response = unreachable.post("/login", data={"email": "a@example.org", "password": "whatever at all"})
    assert response.status_code == 503
    text = response.get_data(as_text=True)
    assert "Temporarily unavailable" in text and "Traceback" not in text


def test_the_api_and_the_health_check_answer_json(unreachable):
    api = unreachable.get("/api/v1/me", headers={"Authorization": "Bearer mgf_abc"})
    assert api.status_code == 503 and api.get_json()["error"]["status"] == 503
    health = unreachable.get("/healthz")
    assert health.status_code == 503 and health.is_json


class _Relay:
    """A TCP relay to the test database that can be cut and restored, as a network would."""

    def __init__(self, port: int):
        self.target, self.open = port, True
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            client, _address = self.server.accept()
            if not self.open:
                client.close()
                continue
            upstream = socket.create_connection(("127.0.0.1", self.target))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                end.close()


def test_the_service_recovers_when_the_database_is_back(database_url, tmp_path, _schema):
    if not database_url.startswith("postgresql"):
        pytest.skip("reaching a database over the network is PostgreSQL's case")
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    relay = _Relay(url.port or 5432)
    relay.open = False
    app = _app(url.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False), tmp_path)
    client = app.test_client()
    assert client.get("/healthz").status_code == 503
    relay.open = True
    assert client.get("/healthz").status_code == 200
    from mgf_assess.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    relay.server.close()
