"""A notification's words, in the reader's language at the time they read it (the page, the
API, the mail), from its kind and its params; and where it leads."""

from __future__ import annotations

from flask import url_for
from flask_babel import lazy_gettext as _l

from mgf_assess.core.models import Country
from mgf_assess.extensions import db
from mgf_assess.i18n import current_language

TEXTS = {
    "assessment.submit": _l("%(actor)s submitted the assessment of %(country)s %(cycle)s for review."),
    "assessment.start_review": _l("%(actor)s started the review of the assessment of %(country)s %(cycle)s."),
    "assessment.return": _l("%(actor)s returned the assessment of %(country)s %(cycle)s to the country."),
    "assessment.accept": _l("%(actor)s accepted the review of the assessment of %(country)s %(cycle)s."),
    "assessment.validate": _l("%(actor)s validated the assessment of %(country)s %(cycle)s."),
    "assessment.reopen": _l("%(actor)s reopened the assessment of %(country)s %(cycle)s."),
    "comment.query": _l("%(actor)s asked a question about %(question)s (%(country)s %(cycle)s)."),
    "comment.comment": _l("%(actor)s commented on %(question)s (%(country)s %(cycle)s)."),
    "comment.reply": _l("%(actor)s replied about %(question)s (%(country)s %(cycle)s)."),
}
SOMEONE = _l("Someone")


def text_of(notification, language: str | None = None) -> str:
    """The notification's sentence in ``language`` (default: the current one)."""
    params = notification.params or {}
    language = language or current_language()
    country = db.session.get(Country, params.get("country") or "")
    values = {"actor": params.get("actor") or str(SOMEONE), "cycle": params.get("cycle", ""),
              "country": country.name(language) if country else params.get("country", ""),
              "question": params.get("number") or notification.question_id or ""}
    template = TEXTS.get(notification.kind)
    return str(template) % values if template is not None else notification.kind


def link_of(notification, **options) -> str | None:
    """The page it leads to: the question on its section page, else the assessment's overview
    (``options``: e.g. ``_external``)."""
    if notification.assessment_id is None:
        return None
    area = (notification.params or {}).get("area")
    if notification.question_id and area:
        return url_for("assessments.section", assessment_id=notification.assessment_id, area_id=area,
                       _anchor=f"q-{notification.question_id}", **options)
    return url_for("assessments.show", assessment_id=notification.assessment_id, **options)
