"""Core feature: layout, error pages, security headers, access policy, countries, audit log."""

from flask import Flask

from mgf_assess.core import errors, security


def init_app(app: Flask) -> None:
    from mgf_assess.core.navigation import entries_for
    from mgf_assess.core.policy import can
    from mgf_assess.core.routes import bp
    from mgf_assess.i18n import template_globals

    app.register_blueprint(bp)
    app.jinja_env.globals.update(template_globals(), navigation=entries_for, policy_can=can)
    errors.register_error_pages(app)
    security.init_app(app)
