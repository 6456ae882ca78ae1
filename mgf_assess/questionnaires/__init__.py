"""Questionnaires feature: registered versions, their lifecycle, differences, XLSForm interchange."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mgf_assess.cli import add_init_step, mgf
    from mgf_assess.questionnaires.cli import load_on_init, questionnaires
    from mgf_assess.questionnaires.routes import bp

    app.register_blueprint(bp)
    if "questionnaires" not in mgf.commands:
        mgf.add_command(questionnaires)
    add_init_step(load_on_init)
