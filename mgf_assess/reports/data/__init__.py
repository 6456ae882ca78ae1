"""The gap report's data: the bottom layer every renderer (PDF, tables, web, charts) reads.

``build_gap_report(assessment, language) -> GapReport`` (``builder``) assembles the report from
its ``sources`` (stored results through ``mgf_assess.results.queries``, or the current
answers), its ``sections`` and its ``method`` annex, into the frozen dataclasses of ``model``.
``labels`` holds the report's words and ``formatting`` its numbers and dates in the report's
language; renderers use both, so a figure reads the same in every format.
"""

from mgf_assess.reports.data.builder import build_gap_report
from mgf_assess.reports.data.model import GapReport

__all__ = ["GapReport", "build_gap_report"]
