"""Notifications: what the workflow and the review tell the people concerned, in the
application (a list with an unread count in the header) and by e-mail through the outbox."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mgf_assess.notifications import models  # noqa: F401  (tables are known to migrations)
    from mgf_assess.notifications.queries import unread_count
    from mgf_assess.notifications.routes import bp

    app.register_blueprint(bp)
    app.jinja_env.globals["unread_notifications"] = unread_count
