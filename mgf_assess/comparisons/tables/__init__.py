"""The comparison as tables: XLSX (sheets Profiles, Distribution, Regions, Change, Peers,
Method), CSV and JSON in tidy long format (one row per country × cycle × node), and the API's
JSON document. ``rows`` flattens a ``Comparison`` into the rows every table is written from;
user text is neutralised in spreadsheets (``reports.tables.cells``).
"""

from mgf_assess.comparisons.tables.document import api_document
from mgf_assess.comparisons.tables.render import render_csv, render_json, render_xlsx

__all__ = ["api_document", "render_csv", "render_json", "render_xlsx"]
