"""XLSForm interchange: questionnaires as ODK / KoboToolbox workbooks, and back.

``write`` writes a workbook; ``read`` reads one back into validated YAML, with ``survey``
following the survey sheet's groups and questions. Both share the column names of
``columns``; ``sheets`` reads cells and rows, ``dump`` writes readable YAML. No module here
imports another that imports it back, and openpyxl is imported only inside the functions
that open or save a workbook.
"""
