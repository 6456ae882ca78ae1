"""Assessments feature: opening, assignments, generated section forms, answers, evidence, the workflow."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mgf_assess.assessments import models  # noqa: F401  (tables are known to migrations)
    from mgf_assess.assessments.routes import bp
    from mgf_assess.assessments.workbook.cli import answers
    from mgf_assess.cli import mgf

    app.register_blueprint(bp)
    if "answers" not in mgf.commands:
        mgf.add_command(answers)
