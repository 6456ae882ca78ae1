"""``flask --app wsgi mgf reports ...``: write reports to files."""

from __future__ import annotations

from flask.cli import AppGroup

reports = AppGroup("reports", help="Build reports: gap reports as PDF, XLSX, CSV, JSON or HTML.")
