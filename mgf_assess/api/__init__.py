"""JSON API under /api/v1: token-authenticated, same access policy as the web pages."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mgf_assess.api import routes  # noqa: F401  (registers the endpoints)
    from mgf_assess.api.blueprint import bp
    from mgf_assess.extensions import csrf

    csrf.exempt(bp)  # bearer tokens are not sent automatically by browsers: no CSRF risk
    app.register_blueprint(bp)
