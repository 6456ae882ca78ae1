"""Mail settings: read from the environment, refused when they cannot work, and the background
sender started only by a process that serves requests."""

import logging

import pytest

from mgf_assess import create_app
from mgf_assess.mail.worker import EXTENSION


@pytest.fixture(autouse=True)
def _logs_enabled(monkeypatch):
    """Alembic's logging set-up (run by 'mgf init' in other tests) disables the loggers that
    exist then; the assertions here read these ones."""
    for name in ("mgf_assess", "mgf_assess.mail"):
        monkeypatch.setattr(logging.getLogger(name), "disabled", False)


def _app(tmp_path, **config):
    base = {"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite:///" + str(tmp_path / "s.sqlite3"),
            "UPLOAD_FOLDER": str(tmp_path / "uploads")}
    return create_app({**base, **config})


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    for name, value in (("MAIL_SERVER", "smtp.example.org"), ("MAIL_PORT", "587"), ("MAIL_USE_TLS", "1"),
                        ("MAIL_USERNAME", "mgf"), ("MAIL_PASSWORD", "secret"), ("MAIL_FROM", "no-reply@example.org"),
                        ("BASE_URL", "https://mgf.example.org/"), ("MAIL_POLL_SECONDS", "3")):
        monkeypatch.setenv(name, value)
    config = _app(tmp_path, TESTING=True).config
    assert (config["MAIL_SERVER"], config["MAIL_PORT"], config["MAIL_USE_TLS"]) == ("smtp.example.org", 587, True)
    assert config["BASE_URL"] == "https://mgf.example.org" and config["MAIL_POLL_SECONDS"] == 3


def test_the_defaults_suit_a_local_trial(monkeypatch, tmp_path):
    for name in ("MAIL_SERVER", "BASE_URL", "MAIL_PORT", "MAIL_USE_TLS"):
        monkeypatch.delenv(name, raising=False)
    config = _app(tmp_path, TESTING=True).config
    assert config["MAIL_SERVER"] == "" and config["BASE_URL"] == "http://127.0.0.1:5000"
    assert (config["PASSWORD_RESET_MAX_PER_ADDRESS"], config["PASSWORD_RESET_MAX_PER_CLIENT"],
            config["PASSWORD_RESET_WINDOW_MINUTES"], config["MAIL_POLL_SECONDS"]) == (3, 10, 60, 5)


@pytest.mark.parametrize(("config", "message"), [
    ({"MAIL_SERVER": "smtp.example.org"}, "MAIL_FROM is not"),
    ({"MAIL_SERVER": "smtp.example.org", "MAIL_FROM": "a@example.org", "MAIL_PORT": 0}, "not a port number"),
    ({"MAIL_SERVER": "smtp.example.org", "MAIL_FROM": "a@example.org", "MAIL_USERNAME": "u"}, "in clear"),
    ({"BASE_URL": "mgf.example.org"}, "not an http"),
    ({"MAIL_POLL_SECONDS": 0}, "MAIL_POLL_SECONDS must be"),
    ({"PASSWORD_RESET_MAX_PER_ADDRESS": 0}, "PASSWORD_RESET_MAX_PER_ADDRESS must be"),
])
def test_settings_that_cannot_work_are_refused_with_what_to_do(tmp_path, config, message):
    with pytest.raises(ValueError, match=message):
        _app(tmp_path, TESTING=True, **config)


def test_a_password_to_a_local_relay_without_tls_is_accepted(tmp_path):
    app = _app(tmp_path, TESTING=True, MAIL_SERVER="127.0.0.1", MAIL_FROM="a@example.org", MAIL_USERNAME="u")
    assert app.config["MAIL_USERNAME"] == "u"


def test_production_warns_without_smtp_or_with_a_local_base_url(monkeypatch, tmp_path, caplog):
    monkeypatch.setenv("MGF_ENV", "production")
    monkeypatch.delenv("MAIL_SERVER", raising=False)
    with caplog.at_level("WARNING"):
        _app(tmp_path, SECRET_KEY="s" * 40)
    assert "MAIL_SERVER is not set" in caplog.text and "BASE_URL is http://127.0.0.1:5000" in caplog.text


def test_the_background_sender_starts_with_the_first_request_only_when_serving(tmp_path):
    assert EXTENSION not in _app(tmp_path, TESTING=True).extensions  # tests
    assert EXTENSION not in _app(tmp_path, MAIL_BACKGROUND=False).extensions  # turned off
    app = _app(tmp_path / "serving")
    sender = app.extensions[EXTENSION]
    assert sender.thread is None  # created, not started: command-line runs serve no request
    try:
        app.test_client().get("/healthz")
        assert sender.thread is not None and sender.thread.is_alive()
        first = sender.thread
        app.test_client().get("/healthz")
        assert sender.thread is first  # once per process
    finally:
        sender.stop()
    assert not sender.thread.is_alive()
