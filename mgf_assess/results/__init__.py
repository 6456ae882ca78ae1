"""Results: immutable score snapshots and the queries that read stored results.

A snapshot is taken at each step of the workflow that fixes a score (submitted, reviewed,
validated). Reports and comparisons read results only through ``results.queries``.
"""

from flask import Flask


def init_app(app: Flask) -> None:
    from mgf_assess.results import models  # noqa: F401  (tables are known to migrations)
