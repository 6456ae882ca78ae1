"""Assessments feature: opening, assignments, generated section forms, answers, evidence, submission."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mgf_assess.assessments import (  # noqa: F401  (routes)
        models,  # noqa: F401  (tables are known to migrations)
        routes_evidence,
        routes_manage,
        routes_section,
    )
    from mgf_assess.assessments.routes import bp

    app.register_blueprint(bp)
