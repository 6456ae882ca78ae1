"""Auth feature: accounts, sign-in, sessions, API tokens, user administration."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from mgf_assess.extensions import login_manager


def init_app(app: Flask) -> None:
    from mgf_assess.auth import queries
    from mgf_assess.auth.routes import bp
    from mgf_assess.auth.sessions import SessionInterface

    app.session_interface = SessionInterface()

    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    login_manager.user_loader(queries.user_by_session_id)
    login_manager.request_loader(_user_from_bearer_token)
    app.register_blueprint(bp)


def _user_from_bearer_token(req):
    """API requests authenticate with ``Authorization: Bearer <token>``, only under /api/."""
    from mgf_assess.auth.queries import user_by_token
    from mgf_assess.auth.sessions import bearer_token

    token = bearer_token(req)
    return None if token is None else user_by_token(token)
