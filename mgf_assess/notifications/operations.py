"""Writing notifications: who is told of a transition or of a new message, one notification
each, and one mail each through the outbox, in the transaction of the action that causes it
(flush, never commit). Marking them read.

Transitions notify the groups listed in ``TRANSITIONS``; a transition not listed there notifies
nobody. Nobody is told of their own action, and an internal message reaches only those who
may read internal comments (never the country).
"""

from __future__ import annotations

from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.core import policy
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.mail.operations import queue_message
from mgf_assess.mail.rendering import absolute_url
from mgf_assess.notifications.models import Notification
from mgf_assess.notifications.recipients import GROUPS, section_contributors, thread_people
from mgf_assess.notifications.texts import text_of
from mgf_assess.review.display import question_place
from mgf_assess.review.models import ReviewComment

# transition name -> the groups of people it notifies (``recipients.GROUPS``)
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "submit": ("evaluators",),
    "start_review": ("focal_points",),
    "return": ("focal_points",),
    "accept": ("focal_points",),
    "validate": ("evaluators",),
    "reopen": ("focal_points", "evaluators"),
}
EXCERPT_MAX = 500  # characters of a message or a reason quoted in a notification


def notify_transition(actor, assessment, name: str, comment: str | None = None) -> list[Notification]:
    """Tell the groups ``TRANSITIONS`` lists for ``name`` (nobody when it lists none)."""
    people = [person for group in TRANSITIONS.get(name, ()) for person in GROUPS[group](assessment)]
    return notify(actor, people, f"assessment.{name}", assessment, excerpt=comment)


def notify_comment(actor, assessment, comment: ReviewComment) -> list[Notification]:
    """A new thread tells the country's focal points and the contributors of the question's
    section (an internal one tells nobody); a reply tells the people of the thread."""
    domain_id, area_id, number = question_place(definition_for(assessment), comment.question_id)
    if comment.reply_to_id is not None:
        people, kind = thread_people(db.session.get(ReviewComment, comment.reply_to_id)), "comment.reply"
    elif comment.internal:
        people, kind = [], "comment.comment"
    else:
        people = GROUPS["focal_points"](assessment) + section_contributors(assessment, domain_id, area_id)
        kind = f"comment.{comment.kind}"
    right = "comment.view_internal" if comment.internal else "comment.view"
    people = [person for person in people if policy.can(person, right, assessment)]
    return notify(actor, people, kind, assessment, question=comment.question_id, area=area_id, number=number,
                  excerpt=comment.text)


def notify(actor, people, kind: str, assessment, question: str | None = None, excerpt: str | None = None,
           **params) -> list[Notification]:
    """One notification (and one mail) for each person, once, never the actor."""
    params = {"country": assessment.country_code, "cycle": assessment.cycle,
              "actor": getattr(actor, "name", None), **params}
    if excerpt:
        params["excerpt"] = excerpt[:EXCERPT_MAX]
    skip, made = {getattr(actor, "id", None)}, []
    for person in people:
        if person.id in skip:
            continue
        skip.add(person.id)
        made.append((person, Notification(user_id=person.id, kind=kind, assessment_id=assessment.id,
                                          question_id=question, actor_id=getattr(actor, "id", None),
                                          params=params)))
    db.session.add_all([notification for _person, notification in made])
    db.session.flush()
    for person, notification in made:
        _queue_mail(person, notification)
    return [notification for _person, notification in made]


def _queue_mail(person, notification: Notification) -> None:
    link = mail_link(notification)
    queue_message("notification", person.email, person.language,
                  {"name": person.name, "notification": notification, "text_of": text_of, "link": link,
                   "excerpt": (notification.params or {}).get("excerpt")})


def mail_link(notification: Notification) -> str:
    """The absolute address a mail gives: the question on its section page, or the overview."""
    area = (notification.params or {}).get("area")
    if notification.question_id and area:
        return absolute_url("assessments.section", assessment_id=notification.assessment_id,
                            area_id=area) + f"#q-{notification.question_id}"
    return absolute_url("assessments.show", assessment_id=notification.assessment_id)


def mark_read(user, notification: Notification) -> bool:
    """Mark one of the user's notifications read; False when it was already."""
    if notification.read_at is not None:
        return False
    notification.read_at = utcnow()
    db.session.flush()
    return True


def mark_all_read(user) -> int:
    """Mark every unread notification of the user read; how many there were."""
    unread = db.session.scalars(db.select(Notification).filter_by(user_id=user.id, read_at=None)).all()
    now = utcnow()
    for notification in unread:
        notification.read_at = now
    db.session.flush()
    return len(unread)
