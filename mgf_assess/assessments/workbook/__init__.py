"""The offline answers workbook: download it, fill it in a spreadsheet, upload it back safely.

The way through, one module per step:

* ``export``: the workbook of an assessment (all of it, the user's sections, one domain or
  area) in one language: the ``Answers`` sheet, an ``Instructions`` sheet, the dropdown lists
  and the hidden ``_about`` sheet (which assessment, and each answer's revision and
  fingerprint at download time);
* ``archive``: checks of the file as a zip archive, before any spreadsheet library opens it
  (size, parts, compression ratio, macros, embedded objects, DTDs);
* ``read``: the sheets read with openpyxl (read-only; formulas refused), as rows of raw cells;
* ``values``: a row's cells as an answer payload (codes or labels, in any language);
* ``preview``: every row compared with the stored answers: changes, conflicts, invalid cells,
  rows outside the user's sections;
* ``apply``: the changes written through the one answer-save path, all or nothing;
* ``pending``: an uploaded file kept on the server between its preview and its application.

``layout`` holds the sheet names, the columns and every limit.
"""
