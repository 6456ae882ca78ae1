"""Reports feature: the gap report as a web page, PDF, XLSX, CSV, JSON and HTML download.

Layers, each reading only the ones before it:

* ``data``: ``build_gap_report(assessment, language) -> GapReport``, its words and formatting;
* ``typography``: fonts, right-to-left text and colours for everything drawn with reportlab;
* ``charts``: the radar and the band distribution (reportlab drawings, inline SVG);
* ``pdf``, ``tables`` (XLSX, CSV, JSON) and ``web`` (page body, HTML document): the renderers.

At the root, the feature's usual file roles: ``routes`` (the blueprint), ``cli`` (``mgf
reports``) and ``downloads`` (each download format's renderer, media type and file name).
"""

from flask import Flask


def init_app(app: Flask) -> None:
    from mgf_assess.cli import mgf
    from mgf_assess.reports.cli import reports
    from mgf_assess.reports.routes import bp

    app.register_blueprint(bp)
    if "reports" not in mgf.commands:
        mgf.add_command(reports)
