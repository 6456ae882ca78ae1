"""The outbox: a message is written in the transaction of the action that causes it, rendered
in the recipient's language as plain text and HTML, and the commit wakes the sender."""

import pytest

from mgf_assess.extensions import db
from mgf_assess.mail import operations, rendering, worker
from mgf_assess.mail.models import OutboxMessage

CONTEXT = {"name": "Amina <b>Diallo</b>", "email": "amina@example.org", "link": "http://127.0.0.1:5000/x",
           "expires_at": None}


def _context():
    from mgf_assess.database import utcnow

    return {**CONTEXT, "expires_at": utcnow()}


def _count(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(OutboxMessage))


def test_a_message_is_queued_in_the_callers_transaction(app):
    with app.app_context():
        message = operations.queue_message("password_reset", "amina@example.org", "fr", _context())
        assert message.id is not None and message.status == "pending" and message.attempts == 0
        db.session.rollback()  # the action failed: its mail goes with it
    assert _count(app) == 0
    with app.app_context():
        operations.queue_message("password_reset", "amina@example.org", "fr", _context())
        db.session.commit()
    assert _count(app) == 1


@pytest.mark.parametrize(("language", "words"), [
    ("en", "Hello"), ("fr", "Bonjour"), ("es", "Hola"), ("ar", "مرحب")])
def test_a_message_is_rendered_in_the_recipients_language(app, language, words, monkeypatch):
    with app.test_request_context(headers={"Accept-Language": "en"}):
        rendered = rendering.render("password_reset", language, _context())
    assert rendered.html.startswith("<!doctype html>") and f'lang="{language}"' in rendered.html
    assert ('dir="rtl"' in rendered.html) is (language == "ar")
    assert "http://127.0.0.1:5000/x" in rendered.text and 'href="http://127.0.0.1:5000/x"' in rendered.html
    if _catalog_has(language, "Hello %(name)s,"):
        assert words in rendered.text


def _catalog_has(language: str, message: str) -> bool:
    """Whether the compiled catalog translates ``message`` yet (new strings are translated
    after the code that adds them)."""
    from babel.support import Translations

    from mgf_assess.config import REPO_ROOT

    if language == "en":
        return True
    translations = Translations.load(str(REPO_ROOT / "translations"), [language])
    return translations.gettext(message) != message


def test_the_language_is_forced_only_while_rendering(app):
    with app.test_request_context(headers={"Accept-Language": "es"}):
        from mgf_assess.i18n import current_language

        rendering.render("password_reset", "ar", _context())
        assert current_language() == "es"


def test_user_text_is_escaped_in_html_and_kept_in_plain_text(app):
    with app.app_context():
        rendered = rendering.render("password_reset", "en", _context())
    assert "Amina &lt;b&gt;Diallo&lt;/b&gt;" in rendered.html and "<b>Diallo" not in rendered.html
    assert "Amina <b>Diallo</b>" in rendered.text


def test_an_unknown_language_falls_back_to_the_default(app):
    with app.app_context():
        message = operations.queue_message("password_reset", "a@example.org", "xx", _context())
        assert message.language == "en"


def test_an_unknown_kind_says_what_to_add(app):
    with app.app_context(), pytest.raises(ValueError, match="add it to SUBJECTS"):
        rendering.render("no_such_kind", "en", {})


def test_links_start_with_the_base_url_inside_and_outside_requests(app):
    app.config["BASE_URL"] = "https://mgf.example.org/assess"
    with app.app_context():
        outside = rendering.absolute_url("static", filename="css/app.css")
    with app.test_request_context(base_url="http://localhost:8080/"):
        inside = rendering.absolute_url("static", filename="css/app.css")
    assert outside == inside == "https://mgf.example.org/assess/static/css/app.css"


class _Recorder:
    def __init__(self):
        self.nudges = 0

    def nudge(self):
        self.nudges += 1


def test_a_commit_that_queued_mail_wakes_the_sender_and_a_rollback_does_not(app):
    recorder = _Recorder()
    app.extensions[worker.EXTENSION] = recorder
    with app.app_context():
        operations.queue_message("password_reset", "a@example.org", "en", _context())
        db.session.rollback()
        db.session.commit()
        assert recorder.nudges == 0
        operations.queue_message("password_reset", "a@example.org", "en", _context())
        db.session.commit()
        assert recorder.nudges == 1
        db.session.commit()  # nothing queued since
        assert recorder.nudges == 1
