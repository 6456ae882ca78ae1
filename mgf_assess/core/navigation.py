"""The main navigation: entries shown to a user when the access policy allows them."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l

from mgf_assess.core import policy


@dataclass(frozen=True)
class Entry:
    endpoint: str
    label: object
    action: str | None = None  # policy action required to see the entry


ENTRIES: list[Entry] = [
    Entry("core.dashboard", _l("Dashboard")),
    Entry("assessments.index", _l("Assessments")),
    Entry("review.queue", _l("Review queue"), "review.queue"),
    Entry("comparisons.page", _l("Comparisons"), "comparisons.view"),
    Entry("questionnaires.index", _l("Questionnaires"), "questionnaires.view"),
    Entry("auth.users", _l("Users"), "users.manage"),
    Entry("auth.invitations", _l("Invitations"), "invitation.create"),
    Entry("core.audit_log", _l("Audit log"), "audit.view"),
]


def entries_for(user) -> list[Entry]:
    """Entries whose feature is installed and whose action the user may perform."""
    endpoints = current_app.view_functions
    return [entry for entry in ENTRIES
            if entry.endpoint in endpoints and (entry.action is None or policy.can(user, entry.action))]
