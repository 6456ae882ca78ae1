"""The auth feature's pages: ``signin`` (sign-in, sign-out, ending sessions), ``mfa`` (two-step
verification), ``account`` (the user's own account, language), ``admin`` (user
administration), ``reset`` (forgotten passwords) and ``invitations`` (inviting people,
accepting an invitation)."""

from flask import Blueprint

bp = Blueprint("auth", __name__, template_folder="../templates")

from mgf_assess.auth.routes import account, admin, invitations, mfa, reset, signin  # noqa: E402, F401  (register)
