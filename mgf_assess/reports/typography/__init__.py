"""Typesetting shared by the PDF and the charts, both drawn with reportlab.

``fonts``: the one embedded font family (DejaVu Sans) and what it cannot draw; ``rtl``: Arabic
shaping, wrapping and the ``TextBlock`` flowable every report text becomes; ``bidi``: the
Unicode bidirectional order of each wrapped line; ``palette``: the report's colours.
It imports nothing else of the reports package; the PDF and the charts build on it.
"""
