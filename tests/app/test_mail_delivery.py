"""Delivery against a real SMTP server started by the test (aiosmtpd on a free loopback port):
sending, an outage and the retries after it, refusals, expiry, claims shared by several
workers, the background sender, and the command line."""

import logging
import time
from datetime import timedelta

import pytest
from mail_support import MAIL_FROM, outbox, serving

from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.mail import operations
from mgf_assess.mail.delivery import BATCH_SIZE, deliver_all, deliver_due
from mgf_assess.mail.delivery import outbox as rows
from mgf_assess.mail.worker import Sender


@pytest.fixture(autouse=True)
def _logs_enabled(monkeypatch):
    """Alembic's logging set-up (run by 'mgf init' in other tests) disables the loggers that
    exist then; the assertions here read these ones."""
    for name in ("mgf_assess.mail",):
        monkeypatch.setattr(logging.getLogger(name), "disabled", False)


@pytest.fixture
def smtp(app):
    yield from serving(app)


def _queue(app, recipient="amina@example.org", language="fr", expires_at=None, count=1) -> list[int]:
    with app.app_context():
        context = {"name": "Amina", "email": recipient, "link": "http://127.0.0.1:5000/password-reset/t",
                   "expires_at": utcnow()}
        ids = [operations.queue_message("password_reset", recipient, language, context, expires_at).id
               for _ in range(count)]
        db.session.commit()
        return ids


def _deliver(app, now=None, **kwargs):
    with app.app_context():
        return deliver_due(now, **kwargs)


def test_a_message_is_delivered_as_plain_text_with_an_html_alternative(app, smtp):
    _queue(app)
    report = _deliver(app)
    assert report.sent == 1 and len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["To"] == "amina@example.org" and message["From"] == MAIL_FROM
    assert message["Content-Language"] == "fr" and message["Auto-Submitted"] == "auto-generated"
    assert message["Message-ID"].endswith("@example.org>") and message["Subject"]
    assert message.get_content_type() == "multipart/alternative"
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    assert "/password-reset/t" in text.get_content() and 'lang="fr"' in html.get_content()


def test_a_delivered_message_keeps_no_body(app, smtp):
    _queue(app)
    _deliver(app)
    [message] = outbox(app)
    assert (message.status, message.attempts, message.body_text, message.body_html) == ("sent", 1, "", "")
    assert message.sent_at is not None and message.claimed_until is None and message.last_error is None


def test_nothing_is_lost_while_the_server_is_down_and_it_goes_out_when_it_is_back(app, smtp):
    _queue(app)
    smtp.stop()
    start = utcnow()
    report = _deliver(app, start)
    assert (report.sent, report.retry) == (0, 1) and "ConnectionRefusedError" in report.last_error
    [message] = outbox(app)
    assert (message.status, message.attempts) == ("pending", 1)
    assert message.next_attempt_at == start + rows.RETRY_BASE and "SMTP 127.0.0.1" in message.last_error
    assert message.body_text  # still there, to be sent later
    smtp.start()
    assert _deliver(app, start + timedelta(seconds=10)).claimed == 0  # not due yet: backoff
    assert _deliver(app, start + rows.RETRY_BASE).sent == 1
    assert len(smtp.messages) == 1 and outbox(app)[0].status == "sent"


def test_the_wait_between_attempts_doubles_up_to_an_hour(app):
    assert [rows.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert rows.backoff(8) == rows.RETRY_MAX == timedelta(hours=1)
    assert rows.backoff(10_000) == rows.RETRY_MAX  # days of outage: no overflow


def test_retries_go_on_while_the_server_stays_down(app, smtp):
    _queue(app)
    smtp.stop()
    now = utcnow()
    for attempt in range(1, 5):
        assert _deliver(app, now).retry == 1
        [message] = outbox(app)
        assert message.attempts == attempt
        now = message.next_attempt_at
    assert outbox(app)[0].status == "pending"


def test_a_temporary_refusal_is_retried(app, smtp):
    smtp.handler.rcpt_reply = "451 4.3.0 Try again later"
    _queue(app)
    assert _deliver(app).retry == 1
    assert outbox(app)[0].status == "pending" and "451" in outbox(app)[0].last_error


def test_a_permanent_refusal_of_the_recipient_gives_the_message_up(app, smtp):
    smtp.handler.rcpt_reply = "550 5.1.1 No such user"
    _queue(app)
    assert _deliver(app).failed == 1
    [message] = outbox(app)
    assert message.status == "failed" and "550" in message.last_error and message.body_text == ""


def test_one_refused_recipient_does_not_hold_up_the_others(app, smtp):
    class Picky(type(smtp.handler)):
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.startswith("nobody@"):
                return "550 5.1.1 No such user"
            envelope.rcpt_tos.append(address)
            return "250 OK"

    smtp.stop()
    smtp.handler = Picky()
    smtp.start()
    _queue(app, "nobody@example.org")
    _queue(app, "amina@example.org")
    report = _deliver(app)
    assert (report.failed, report.sent) == (1, 1) and len(smtp.messages) == 1


def test_a_message_whose_link_has_expired_is_not_sent(app, smtp):
    _queue(app, expires_at=utcnow() - timedelta(seconds=1))
    report = _deliver(app)
    assert (report.expired, report.sent) == (1, 0) and smtp.messages == []
    assert outbox(app)[0].status == "expired" and outbox(app)[0].body_text == ""


def test_a_claimed_message_is_not_claimed_again_until_its_lease_ends(app):
    [message_id] = _queue(app)
    now = utcnow()
    with app.app_context():
        first = rows.claim(now, 10)
        second = rows.claim(now, 10)
        after_lease = rows.claim(now + rows.LEASE, 10)  # the first worker died while sending
    assert [item.id for item in first] == [message_id] and second == []
    assert [item.id for item in after_lease] == [message_id]


def test_concurrent_workers_claim_each_message_once(app):
    """Several workers claiming at once (threads with their own connections) share the messages."""
    import threading

    ids = set(_queue(app, count=30))
    claimed, now, barrier = [], utcnow(), threading.Barrier(3)

    def work():
        with app.app_context():
            barrier.wait()
            while batch := rows.claim(now, 4):
                claimed.extend(item.id for item in batch)
            db.session.remove()

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(claimed) == sorted(ids)


def test_a_pass_sends_at_most_a_batch_and_send_all_empties_the_outbox(app, smtp):
    _queue(app, count=BATCH_SIZE + 5)
    assert _deliver(app).sent == BATCH_SIZE
    with app.app_context():
        assert deliver_all().sent == 5
    assert len(smtp.messages) == BATCH_SIZE + 5


def test_without_an_smtp_server_messages_are_written_to_the_log(app, caplog):
    app.config["MAIL_SERVER"] = ""
    _queue(app, language="en")
    with caplog.at_level("INFO", logger="mgf_assess.mail"):
        assert _deliver(app).logged == 1
    assert "To: amina@example.org" in caplog.text and "/password-reset/t" in caplog.text
    assert outbox(app)[0].status == "logged"


def test_the_background_sender_delivers_within_seconds_of_the_commit(app, smtp):
    sender = Sender(app, poll_seconds=60)  # only the nudge can make it send in time
    app.extensions["mgf_mail_sender"] = sender
    sender.start()
    try:
        time.sleep(0.2)  # its first pass, over an empty outbox
        _queue(app)
        deadline = time.monotonic() + 5
        while not smtp.messages and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        sender.stop()
    assert len(smtp.messages) == 1


def test_the_background_sender_survives_a_failing_pass(app, caplog, monkeypatch):
    from mgf_assess.mail import worker

    def unreachable(*_args):
        raise ConnectionError("the database is unreachable")

    monkeypatch.setattr(worker, "deliver_due", unreachable)
    with caplog.at_level("ERROR", logger="mgf_assess.mail"):
        Sender(app, poll_seconds=7).deliver_once()  # nothing is raised
    assert "tries again in 7 s" in caplog.text and "unreachable" in caplog.text


def test_the_command_line_sends_and_says_so(app, runner, smtp):
    _queue(app, count=2)
    result = runner.invoke(args=["mgf", "notifications", "send"])
    assert result.exit_code == 0 and "Sent 2" in result.output and len(smtp.messages) == 2


def test_the_command_line_exits_1_while_the_server_is_down(app, runner, smtp):
    _queue(app)
    smtp.stop()
    result = runner.invoke(args=["mgf", "notifications", "send"])
    assert result.exit_code == 1 and "tried again later" in result.output
    status = runner.invoke(args=["mgf", "notifications", "status"])
    assert "pending\t1" in status.output and "ConnectionRefusedError" in status.output
