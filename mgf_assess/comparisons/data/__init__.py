"""A comparison's data: the bottom layer every renderer (PDF, tables, web, charts, API) reads.

``build_comparison(user, request, language) -> Comparison`` (``builder``) reads stored
results through ``mgf_assess.results.queries`` (``sources``), computes each view (``profiles``,
``distribution``, ``change``, ``ranking``, ``peers``, ``corridor``, ``method``) into the frozen
dataclasses of ``model``; ``request`` reads and checks what is asked for; ``labels`` holds
the words; ``places`` names regions and sorts names. Renderers format numbers with
``reports.data.formatting``.
"""

from mgf_assess.comparisons.data.builder import build_comparison
from mgf_assess.comparisons.data.model import Comparison
from mgf_assess.comparisons.data.request import ComparisonRequest, RequestProblems, read_request

__all__ = ["Comparison", "ComparisonRequest", "RequestProblems", "build_comparison", "read_request"]
