"""The request body of ``POST /assessments/{id}/transitions``: one of the workflow's transitions.

The transitions themselves (names, states, who, operation) are the workflow table's
(``assessments.workflow``): a new one appears here, in the check and in the OpenAPI enum.
"""

from __future__ import annotations

from mgf_assess.api.bodies import Field, one_of
from mgf_assess.assessments.workflow import TRANSITIONS


def transition_fields() -> list[Field]:
    """The request body of ``POST /assessments/{id}/transitions``."""
    return [Field("action", (str,), required=True, check=one_of(sorted(TRANSITIONS)),
                  description="the transition to make"),
            Field("comment", (str,), nullable=True, description="recorded with the change of state")]
