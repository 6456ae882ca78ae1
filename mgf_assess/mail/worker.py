"""The background sender of a serving process: a daemon thread that delivers the outbox every
``MAIL_POLL_SECONDS`` and at once when a commit has queued mail (the commit nudges it).

It is started by the first request a process serves, so it runs in each gunicorn worker (after
the fork) and in ``flask run``, and never in command-line runs, which serve no request; nor
under ``TESTING`` or with ``MAIL_BACKGROUND`` off. Workers on several processes and machines
share the outbox safely: each claims its messages (``delivery.outbox.claim``).
"""

from __future__ import annotations

import threading

from flask import Flask, current_app, has_app_context

from mgf_assess.extensions import db
from mgf_assess.mail.delivery import deliver_due, transports
from mgf_assess.mail.operations import QUEUED

EXTENSION = "mgf_mail_sender"


class Sender:
    """Delivers the outbox in a thread of its own, beside the requests of its process."""

    def __init__(self, app: Flask, poll_seconds: float):
        self.app, self.poll_seconds = app, poll_seconds
        self.wake, self.stopping = threading.Event(), threading.Event()
        self.thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self.thread is None or not self.thread.is_alive():
                self.stopping.clear()
                self.thread = threading.Thread(target=self.run, name="mgf-mail-sender", daemon=True)
                self.thread.start()

    def nudge(self) -> None:
        """Deliver now rather than at the next poll (a commit has queued mail)."""
        self.wake.set()

    def stop(self, timeout: float = 10) -> None:
        self.stopping.set()
        self.wake.set()
        if self.thread is not None:
            self.thread.join(timeout)

    def run(self) -> None:
        while not self.stopping.is_set():
            self.deliver_once()
            self.wake.wait(self.poll_seconds)
            self.wake.clear()

    def deliver_once(self) -> None:
        """One delivery pass; a failure (the database is unreachable, say) is logged, and the
        next pass tries again."""
        with self.app.app_context():
            try:
                deliver_due()
            except Exception:
                transports.log.exception("the background mail sender failed; it tries again in %s s",
                                         self.poll_seconds)
            finally:
                db.session.remove()


def start_when_serving() -> None:
    """``before_request``: start this process's sender, once."""
    sender = current_app.extensions.get(EXTENSION)
    if sender is not None and (sender.thread is None or not sender.thread.is_alive()):
        sender.start()


def nudge_after_commit(session) -> None:
    """Session ``after_commit``: wake the sender when the transaction queued mail."""
    if session.info.pop(QUEUED, False) and has_app_context():
        sender = current_app.extensions.get(EXTENSION)
        if sender is not None:
            sender.nudge()


def forget_after_rollback(session) -> None:
    session.info.pop(QUEUED, None)
