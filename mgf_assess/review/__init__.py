"""Review feature: an IOM evaluator's review of a submitted assessment and the government's
validation.

File roles as in the other features: ``models`` (queries and comments, score overrides,
questions looked at), ``operations`` (their writes, each audited, each refused on a locked
assessment), ``queries`` (reading them, internal comments only for whoever may see them),
``routes/`` (the review queue, review mode of the section pages) and ``api``.
"""

from flask import Flask


def init_app(app: Flask) -> None:
    from mgf_assess.review import models  # noqa: F401  (tables are known to migrations)
    from mgf_assess.review.routes import bp

    app.register_blueprint(bp)
