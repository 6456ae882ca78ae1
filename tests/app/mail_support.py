"""A real SMTP server for the mail tests (aiosmtpd on a free loopback port) that records what
it receives, can refuse recipients, and can be stopped and started again (an outage)."""

from __future__ import annotations

import email
import email.policy
import socket

from aiosmtpd.controller import Controller

from mgf_assess.extensions import db
from mgf_assess.mail.models import OutboxMessage

MAIL_FROM = "mgf-assess <no-reply@example.org>"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """aiosmtpd handler: keeps every message; answers RCPT with ``rcpt_reply`` when set."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.rcpt_reply: str | None = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self):
        self.port, self.handler, self.controller = free_port(), Recorder(), None

    @property
    def messages(self):
        return self.handler.messages

    def start(self) -> None:
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


def use_smtp(app, server: SmtpServer) -> None:
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port, MAIL_FROM=MAIL_FROM, MAIL_USE_TLS=False)


def outbox(app, **filters) -> list[OutboxMessage]:
    with app.app_context():
        query = db.select(OutboxMessage).filter_by(**filters).order_by(OutboxMessage.id)
        return list(db.session.scalars(query))


def link_in(text: str) -> str:
    """The path of the first link to this site in a mail's text."""
    for word in text.split():
        if word.startswith("http://127.0.0.1:5000/"):
            return word.removeprefix("http://127.0.0.1:5000")
    raise AssertionError(f"no link in: {text}")


def serving(app):
    """Body of a fixture: a started server, configured as the application's MAIL_SERVER."""
    server = SmtpServer()
    server.start()
    use_smtp(app, server)
    try:
        yield server
    finally:
        server.stop()


def prepare(app) -> None:
    """Run the background sender's preparers (forgotten-password requests become mail),
    without delivering: the bodies, links included, stay readable in the outbox."""
    from mgf_assess.mail.delivery import PREPARERS

    with app.app_context():
        for preparer in PREPARERS:
            preparer()
