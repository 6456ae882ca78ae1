"""How a claimed message leaves: through the SMTP server (``MAIL_SERVER``), or, with none
configured, into the log. Both open a connection, send messages over it, and close it."""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from mgf_assess.mail.delivery.outbox import Claimed

log = logging.getLogger("mgf_assess.mail")

TIMEOUT_SECONDS = 10  # connecting and each SMTP exchange; a hung server fails the attempt
IMPLICIT_TLS_PORT = 465  # with MAIL_USE_TLS, this port speaks TLS from the start (SMTPS)

# What a failed attempt means (``verdict``): give the message up, try it again later, or try
# it and the rest of the batch again later (the connection is gone).
PERMANENT, RETRY, CONNECTION = "permanent", "retry", "connection"


def for_config(config) -> SmtpTransport | LogTransport:
    return SmtpTransport(config) if config["MAIL_SERVER"] else LogTransport()


def build_message(item: Claimed, mail_from: str) -> EmailMessage:
    """The MIME message: plain text, with the HTML version as its alternative."""
    message = EmailMessage()
    message["From"] = mail_from
    message["To"] = item.recipient
    message["Subject"] = item.subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain=parseaddr(mail_from)[1].rpartition("@")[2] or "localhost")
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies, please
    message.set_content(item.body_text)
    message.add_alternative(item.body_html, subtype="html")
    message["Content-Language"] = item.language  # after the content, which replaces Content-* headers
    return message


def verdict(error: Exception) -> str:
    """PERMANENT when the server refused the recipient or the content for good (5xx) or the
    message cannot be encoded; RETRY for other refusals of this message; CONNECTION for
    everything else (refused connection, timeout, authentication, a dropped connection)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _text in error.recipients.values()]
        return PERMANENT if codes and all(code >= 500 for code in codes) else RETRY
    if isinstance(error, smtplib.SMTPDataError):
        return PERMANENT if error.smtp_code >= 500 else RETRY
    if isinstance(error, smtplib.SMTPSenderRefused):
        return RETRY  # MAIL_FROM refused: a setting to fix, after which the message can go
    if isinstance(error, (ValueError, UnicodeError)):
        return PERMANENT
    return CONNECTION


def describe(error: Exception, where: str) -> str:
    return f"{type(error).__name__} ({where}): {error}"


class SmtpTransport:
    status = "sent"

    def __init__(self, config):
        self.host, self.port = config["MAIL_SERVER"], config["MAIL_PORT"]
        self.use_tls, self.mail_from = config["MAIL_USE_TLS"], config["MAIL_FROM"]
        self.username, self.password = config["MAIL_USERNAME"], config["MAIL_PASSWORD"]
        self.where = f"SMTP {self.host}:{self.port}"

    def connect(self) -> SmtpConnection:
        """Connect, start TLS and sign in as configured; raise what went wrong."""
        implicit = self.use_tls and self.port == IMPLICIT_TLS_PORT
        if implicit:
            smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=TIMEOUT_SECONDS,
                                    context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=TIMEOUT_SECONDS)
        try:
            if self.use_tls and not implicit:
                smtp.starttls(context=ssl.create_default_context())
            if self.username:
                smtp.login(self.username, self.password)
        except Exception:
            smtp.close()
            raise
        return SmtpConnection(smtp, self.mail_from)


class SmtpConnection:
    def __init__(self, smtp: smtplib.SMTP, mail_from: str):
        self.smtp, self.mail_from = smtp, mail_from

    def send(self, item: Claimed) -> None:
        self.smtp.send_message(build_message(item, self.mail_from))

    def close(self) -> None:
        try:
            self.smtp.quit()
        except (smtplib.SMTPException, OSError):
            self.smtp.close()


class LogTransport:
    """No SMTP server is configured (a local trial): each message is written to the log,
    links included, so that whoever runs the trial can follow them."""

    status = "logged"
    where = "log"

    def connect(self) -> LogTransport:
        return self

    def send(self, item: Claimed) -> None:
        log.info("No MAIL_SERVER is set, so this mail is written here instead of sent.\n"
                 "To: %s\nSubject: %s\n\n%s", item.recipient, item.subject, item.body_text)

    def close(self) -> None:
        pass
