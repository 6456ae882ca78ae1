"""Comparisons feature: member-state comparison reports, public country profiles, corridors.

Layers, each reading only the ones before it (as in ``reports``):

* ``data``: ``build_comparison(user, request, language) -> Comparison``: the one data
  builder, with its request parsing, sources, labels and the views' computations;
* ``charts``: heatmap, small-multiple radars, stacked bars, dumbbells, drawn once for the PDF
  (reportlab) and the web page (inline SVG), with ``reports.typography``;
* ``pdf``, ``tables`` (XLSX, CSV, JSON, the API's document) and ``web``: the renderers.

At the root, the feature's usual file roles: ``models`` (corridors), ``operations`` (writing
corridors), ``queries``, ``forms``, ``routes/`` (the comparison page and its downloads, the
public profiles, the corridors pages), ``cli`` (``mgf reports compare``) and ``downloads``.
"""

from flask import Flask


def init_app(app: Flask) -> None:
    from mgf_assess.comparisons import models  # noqa: F401  (tables are known to migrations)
    from mgf_assess.comparisons.cli import compare_command
    from mgf_assess.comparisons.routes import bp, public
    from mgf_assess.reports.cli import reports

    app.register_blueprint(bp)
    app.register_blueprint(public)
    if "compare" not in reports.commands:
        reports.add_command(compare_command)
