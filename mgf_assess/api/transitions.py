"""The state transitions the API offers, each tied to its policy rules and its operation.

A new workflow step (return, accept, validate, reopen) is one more entry in ``TRANSITIONS``;
the endpoint, the request check and the OpenAPI enum follow from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from mgf_assess.assessments import operations


@dataclass(frozen=True)
class Transition:
    """``rule``: the policy action that allows it now; ``who``: the one that allows the caller
    in the right state (refused with 409 rather than 403); ``run(actor, assessment, comment)``."""

    rule: str
    who: str
    run: Callable
    refusal: Callable  # assessment -> message when only the state stands in the way


TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(
        rule="assessment.submit", who="assessment.submitter", run=operations.submit,
        refusal=lambda assessment: _l("This assessment is %(state)s and cannot be submitted.",
                                      state=assessment.state)),
}
