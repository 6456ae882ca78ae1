"""The comparisons feature's pages: two blueprints, their routes in one module per page group.

``bp`` (signed in): ``comparison`` — ``/comparisons`` and its downloads; ``corridors`` — the
corridors analysts and admins define. ``public`` (no sign-in): ``profiles`` — the published
country profiles and their gap reports.
"""

from flask import Blueprint

bp = Blueprint("comparisons", __name__, template_folder="../templates")
public = Blueprint("profiles", __name__, template_folder="../templates")

from mgf_assess.comparisons.routes import comparison, corridors, profiles  # noqa: E402, F401  (register)
