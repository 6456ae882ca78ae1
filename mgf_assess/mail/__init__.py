"""Mail feature: the outbox (``models``), queueing a message in the caller's transaction
(``operations.queue_message``), rendering it in the recipient's language (``rendering``),
delivering it after the commit (``delivery``) from a background thread of the serving process
(``worker``) or ``mgf notifications send`` (``cli``)."""

from __future__ import annotations

import ipaddress
import logging
from urllib.parse import urlsplit

from flask import Blueprint, Flask
from sqlalchemy import event

from mgf_assess.extensions import db

bp = Blueprint("mail", __name__, template_folder="templates")
POSITIVE_SETTINGS = ("MAIL_POLL_SECONDS", "PASSWORD_RESET_MAX_PER_ADDRESS", "PASSWORD_RESET_MAX_PER_CLIENT",
                     "PASSWORD_RESET_WINDOW_MINUTES")


def init_app(app: Flask) -> None:
    from mgf_assess.cli import mgf
    from mgf_assess.mail import models  # noqa: F401  (the outbox table)
    from mgf_assess.mail.cli import notifications
    from mgf_assess.mail.worker import EXTENSION, Sender, start_when_serving

    check_settings(app.config)
    app.register_blueprint(bp)
    if "notifications" not in mgf.commands:
        mgf.add_command(notifications)
    _listen_to_commits()
    _log_at_info(app)
    if app.config["MAIL_BACKGROUND"] and not app.testing:
        app.extensions[EXTENSION] = Sender(app, app.config["MAIL_POLL_SECONDS"])
        app.before_request(start_when_serving)
    _warn_in_production(app)


def check_settings(config) -> None:
    """Refuse to start with mail settings that cannot work, saying which and what to do."""
    for name in POSITIVE_SETTINGS:
        if isinstance(config[name], bool) or not isinstance(config[name], int) or config[name] < 1:
            raise ValueError(f"{name} must be a whole number of at least 1, not {config[name]!r}: "
                             "set it in the environment or leave it unset for the default.")
    base = urlsplit(config["BASE_URL"])
    if base.scheme not in ("http", "https") or not base.netloc:
        raise ValueError(f"BASE_URL={config['BASE_URL']!r} is not an http(s) address: set it to the "
                         "address people open the site with, e.g. https://mgf.example.org")
    if config["MAIL_SERVER"]:
        _check_smtp(config)


def _check_smtp(config) -> None:
    if not 0 < config["MAIL_PORT"] < 65536:
        raise ValueError(f"MAIL_PORT={config['MAIL_PORT']!r} is not a port number: use e.g. 25, 587 or 465.")
    if not config["MAIL_FROM"]:
        raise ValueError("MAIL_SERVER is set but MAIL_FROM is not: set the sender address, e.g. "
                         "MAIL_FROM='mgf-assess <no-reply@example.org>'.")
    if config["MAIL_USERNAME"] and not config["MAIL_USE_TLS"] and not _loopback(config["MAIL_SERVER"]):
        raise ValueError("MAIL_USERNAME is set but MAIL_USE_TLS is off: the SMTP password would cross "
                         "the network in clear. Set MAIL_USE_TLS=1 (port 587, or 465 for implicit TLS).")


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _listen_to_commits() -> None:
    from mgf_assess.mail.worker import forget_after_rollback, nudge_after_commit

    for name, listener in (("after_commit", nudge_after_commit), ("after_rollback", forget_after_rollback)):
        if not event.contains(db.session, name, listener):
            event.listen(db.session, name, listener)


def _log_at_info(app: Flask) -> None:
    """Mail's log lines (a mail written to the log, a failed attempt) reach the application's
    log handler, which Flask creates with the application's logger."""
    app.logger  # noqa: B018  (creates the handler)
    logger = logging.getLogger("mgf_assess.mail")
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.INFO)


def _warn_in_production(app: Flask) -> None:
    if not app.config["PRODUCTION"]:
        return
    if not app.config["MAIL_SERVER"]:
        app.logger.warning("MAIL_SERVER is not set: mails (password resets, invitations, with their links) "
                           "are written to the log instead of being sent. Set MAIL_SERVER and MAIL_FROM.")
    if urlsplit(app.config["BASE_URL"]).hostname in ("127.0.0.1", "localhost"):
        app.logger.warning("BASE_URL is %s: links in mails will not work for anyone else. Set BASE_URL "
                           "to the address people open the site with.", app.config["BASE_URL"])
