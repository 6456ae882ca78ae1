"""Reports feature: the gap report's data, charts, PDF and the ``mgf reports`` commands."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mgf_assess.cli import mgf
    from mgf_assess.reports.cli import reports
    from mgf_assess.reports.routes import bp

    app.register_blueprint(bp)
    if "reports" not in mgf.commands:
        mgf.add_command(reports)
