"""The assessment workflow: its states, the states in which the country edits, and its transitions.

This table is the one place that says how an assessment moves. The access policy derives its
transition rules from it, the operations run a transition through it
(``operations.run_transition``), the API offers its names (``POST /api/v1/assessments/{id}/
transitions``) and the overview page shows a button for each transition the user may make now
(``POST /assessments/<id>/transitions``).

Adding a transition is one entry in ``TRANSITIONS`` plus, when the transition does more than
change the state, its step in ``assessments.steps`` (named by ``step``). Nothing here imports
the rest of the application, so that anything may read the table.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

STATES = ("draft", "submitted", "in_review", "returned", "reviewed", "validated")
EDITABLE_STATES = frozenset({"draft", "returned"})  # the country may change answers and evidence
VALIDATED_STATES = frozenset({"validated"})  # the government's sign-off: the result of record
REVIEW_STATES = frozenset({"in_review"})  # the evaluator overrides scores, reviews evidence, marks questions
# Nothing of a locked assessment changes (answers, evidence, overrides, comments, assignments)
# until an admin reopens it; publishing and unpublishing are not changes of the assessment.
LOCKED_STATES = frozenset({"validated"})
REVIEW_DONE_STATES = frozenset({"reviewed", "validated"})  # only accepted evidence counts for confidence
STATE_LABELS = {
    "draft": _l("Draft"),
    "submitted": _l("Submitted"),
    "in_review": _l("In review"),
    "returned": _l("Returned to the country"),
    "reviewed": _l("Reviewed"),
    "validated": _l("Validated"),
}
STATE_BADGES = {"draft": "", "returned": "badge--warn", "submitted": "badge--ok", "in_review": "badge--ok",
                "reviewed": "badge--ok", "validated": "badge--ok"}


@dataclass(frozen=True)
class Transition:
    """One move of the workflow.

    ``who`` names the access policy's rule for the people who may make it (whatever the
    state); ``step`` names the function of ``assessments.steps`` that does its own work, if
    any, before the state changes (e.g. refusing an incomplete submission and taking a score
    snapshot). ``refusal`` is shown when the assessment is in a state the transition does not
    start from (it may use ``%(state)s``); ``done`` when it succeeded. ``published`` says
    which publication flag the assessment must have for the transition to apply (None: either):
    publishing is a flag beside the state (``published_at``), not a state of its own.
    """

    name: str
    sources: frozenset[str]
    target: str
    who: str
    label: object
    refusal: object
    done: object
    step: str | None = None
    comment_required: bool = False
    page: str | None = None  # an endpoint that prepares the transition (a confirmation page)
    danger: bool = False  # shown as a warning-coloured button
    published: bool | None = None

    def starts_from(self, state: str) -> bool:
        return state in self.sources

    def applies_to(self, assessment) -> bool:
        """Whether the transition may start from the assessment as it is: its state, and its
        publication flag when that matters."""
        if not self.starts_from(assessment.state):
            return False
        return self.published is None or is_published(assessment) == self.published


TRANSITIONS: dict[str, Transition] = {
    transition.name: transition
    for transition in (
        Transition(
            name="submit", sources=frozenset({"draft", "returned"}), target="submitted",
            who="assessment.manage", step="submitted", page="assessments.submit_page",
            label=_l("Submit for review"),
            refusal=_l("This assessment is %(state)s and cannot be submitted."),
            done=_l("The assessment was submitted for review. Answers can no longer be changed.")),
        Transition(
            name="start_review", sources=frozenset({"submitted"}), target="in_review", who="review.act",
            label=_l("Start the review"),
            refusal=_l("Only a submitted assessment can be taken into review (this one is %(state)s)."),
            done=_l("The review has started: you may now query answers, review evidence and override scores.")),
        Transition(
            name="return", sources=frozenset({"in_review"}), target="returned", who="review.act",
            comment_required=True, danger=True,
            label=_l("Return to the country"),
            refusal=_l("Only an assessment in review can be returned to the country (this one is %(state)s)."),
            done=_l("The assessment was returned to the country: they can change answers and evidence again.")),
        Transition(
            name="accept", sources=frozenset({"in_review"}), target="reviewed", who="review.act", step="reviewed",
            label=_l("Accept the review"),
            refusal=_l("Only an assessment in review can be accepted (this one is %(state)s)."),
            done=_l("The review is accepted: the government can now validate the assessment.")),
        Transition(
            name="validate", sources=frozenset({"reviewed"}), target="validated", who="assessment.manage",
            step="validated",
            label=_l("Validate (the government's sign-off)"),
            refusal=_l("Only a reviewed assessment can be validated (this one is %(state)s)."),
            done=_l("The assessment is validated and locked: nothing in it can change unless an administrator "
                    "reopens it.")),
        # Publishing keeps the state (a flag, ``published_at``); unpublishing needs a reason.
        Transition(
            name="publish", sources=frozenset({"validated"}), target="validated", published=False,
            who="assessment.manage", step="published",
            label=_l("Publish as a public country profile"),
            refusal=_l("Only a validated assessment that is not published yet can be published "
                       "(this one is %(state)s)."),
            done=_l("The assessment is published: its country profile is public.")),
        Transition(
            name="unpublish", sources=frozenset({"validated"}), target="validated", published=True,
            who="assessment.unpublish", step="unpublished", comment_required=True, danger=True,
            label=_l("Unpublish"),
            refusal=_l("Only a published assessment can be unpublished (this one is %(state)s)."),
            done=_l("The assessment is no longer published: its public profile is withdrawn.")),
        # Reopening unlocks a validated assessment (and withdraws its publication): admins only.
        Transition(
            name="reopen", sources=frozenset({"validated"}), target="in_review", who="assessment.reopen",
            step="reopened", comment_required=True, danger=True,
            label=_l("Reopen for review"),
            refusal=_l("Only a validated assessment can be reopened (this one is %(state)s)."),
            done=_l("The assessment is reopened and in review again; it is no longer validated nor published.")),
    )
}


def transition(name: str) -> Transition | None:
    """The transition called ``name``, or None when there is none."""
    return TRANSITIONS.get(name)


def is_editable(state: str) -> bool:
    """Whether the country may change answers and evidence in this state."""
    return state in EDITABLE_STATES


def is_validated(state: str) -> bool:
    """Whether the assessment carries the government's validation."""
    return state in VALIDATED_STATES


def is_locked(state: str) -> bool:
    """Whether nothing of the assessment may change (validated: until an admin reopens it)."""
    return state in LOCKED_STATES


def is_in_review(state: str) -> bool:
    """Whether the evaluator's review writes (overrides, evidence review, marks) are open."""
    return state in REVIEW_STATES


def is_review_done(state: str) -> bool:
    """Whether the evaluator's review is accepted (then only accepted evidence counts)."""
    return state in REVIEW_DONE_STATES


def is_published(assessment) -> bool:
    """Whether the assessment is published (a public country profile)."""
    return getattr(assessment, "published_at", None) is not None


def refusal_text(item: Transition, state: str) -> str:
    """Why ``item`` cannot start from ``state``, in the user's language."""
    return str(item.refusal) % {"state": state}
