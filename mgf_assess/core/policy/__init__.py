"""The access policy: the one place that answers "may this user do X to this object?".

Views never test roles themselves; they call :func:`require` (or :func:`can` to decide what to
show). An object of a country the user may not see is answered with 404, never 403, so that
its existence is not revealed.

The rules live in one module per subject, each registering its rules by action name in
``registry.RULES``: ``accounts``, ``assessments`` (with the workflow's transitions),
``review`` and ``results``.
"""

from mgf_assess.core.policy.accounts import FOCAL_POINT_INVITES, mfa_required, role_requires_mfa  # noqa: F401, E402
from mgf_assess.core.policy.assessments import country_filter, transitions_for  # noqa: F401, E402
from mgf_assess.core.policy.registry import (  # noqa: F401  (the policy's interface)
    ALL_COUNTRIES_ROLES,
    COUNTRY_ROLES,
    RULES,
    Rule,
    can,
    can_see_country,
    require,
    rule,
)
from mgf_assess.core.policy.results import is_public, peer_countries, sees_every_result  # noqa: F401, E402
from mgf_assess.core.policy.review import REPLY_STATES, RESOLVE_STATES, THREAD_STATES  # noqa: F401, E402
