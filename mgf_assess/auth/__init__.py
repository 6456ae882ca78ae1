"""Auth feature: accounts, sign-in, sessions, API tokens, user administration, forgotten
passwords, invitations."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from mgf_assess.extensions import login_manager


def init_app(app: Flask) -> None:
    from mgf_assess.auth.mfa.guard import require_enrolment
    from mgf_assess.auth.reset.operations import prepare_requests
    from mgf_assess.auth.routes import bp
    from mgf_assess.auth.sessions import SessionInterface
    from mgf_assess.auth.sessions.queries import user_by_session_key
    from mgf_assess.mail.delivery import register_preparer

    check_settings(app.config)
    register_preparer(prepare_requests)  # forgotten-password requests become mail in the background
    app.session_interface = SessionInterface()

    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    login_manager.user_loader(user_by_session_key)
    login_manager.request_loader(_user_from_bearer_token)
    app.before_request(require_enrolment)
    app.register_blueprint(bp)


POSITIVE_SETTINGS = ("SESSION_IDLE_MINUTES", "SESSION_MAX_HOURS")


def check_settings(config) -> None:
    """Refuse to start with a session limit that is not a positive whole number, or an unknown
    role in ``MFA_REQUIRED_ROLES`` (which becomes a tuple of roles)."""
    for name in POSITIVE_SETTINGS:
        value = config[name]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}: "
                             f"set it in the environment or leave it unset for the default.")
    config["MFA_REQUIRED_ROLES"] = required_roles(config["MFA_REQUIRED_ROLES"])


def required_roles(value) -> tuple[str, ...]:
    """The roles of ``MFA_REQUIRED_ROLES``, given as "admin,evaluator" or a sequence."""
    from mgf_assess.auth.models import ROLES

    names = value.split(",") if isinstance(value, str) else list(value or ())
    roles = tuple(name.strip() for name in names if name.strip())
    unknown = [role for role in roles if role not in ROLES]
    if unknown:
        raise ValueError(f"MFA_REQUIRED_ROLES names unknown roles {', '.join(unknown)}: use a comma-separated "
                         f"list of {', '.join(ROLES)}, or leave it empty for none.")
    return roles


def _user_from_bearer_token(req):
    """API requests authenticate with ``Authorization: Bearer <token>``, only under /api/."""
    from mgf_assess.auth.queries import user_by_token
    from mgf_assess.auth.sessions import bearer_token

    token = bearer_token(req)
    return None if token is None else user_by_token(token)
