"""The gap report as tables: XLSX and CSV (through pandas), and the same data as JSON.

``render`` holds the entry points (``render_xlsx``, ``render_csv``, ``render_json``); ``rows``
flattens a report into the tidy rows both XLSX and CSV are written from; ``spreadsheet``
formats the XLSX sheets; ``cells`` neutralises user text that a spreadsheet would run as a
formula.
"""

from mgf_assess.reports.tables.render import render_csv, render_json, render_xlsx

__all__ = ["render_csv", "render_json", "render_xlsx"]
