"""XLSForm import speed.

* A 1,000-row XLSForm (groups, selects with their choices, numbers with constraints, notes,
  relevance), generated here, imported (read, checked, report, YAML), as a ratio to openpyxl
  reading the same workbook (every cell of every sheet, read-only mode, as the import reads it).
* The XLSForm export of ``mgf 2026.1`` imported, side by side with pyxform converting the same
  workbook to an XForm (no validation): target, no slower than pyxform.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import Result, median_time
from scoring.api import import_xlsform, load_definition, write_xlsform

ROOT = Path(__file__).resolve().parent.parent
MGF = ROOT / "questionnaires" / "mgf" / "2026.1.yaml"
ROWS = 1000


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        big = large_form(Path(folder) / "large.xlsx")
        exported = Path(folder) / "mgf-2026.1.xlsx"
        write_xlsform(load_definition(MGF), exported)
        results = [Result(f"import a {ROWS}-row XLSForm", median_time(lambda: imported(big), repeat=7),
                          "openpyxl reading it", median_time(lambda: read_cells(big), repeat=7))]
        results.append(Result("import the XLSForm of mgf 2026.1", median_time(lambda: imported(exported), repeat=7),
                              "pyxform converting it", median_time(lambda: converted(exported), repeat=7),
                              target="no slower than pyxform (x1.00)"))
        return results


def imported(path: Path) -> None:
    result = import_xlsform(path)
    assert result.ok, result.report.text()


def read_cells(path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        for _row in sheet.iter_rows(values_only=True):
            pass
    book.close()


def converted(path: Path) -> None:
    from pyxform.xls2xform import convert

    convert(str(path), warnings=[])


def large_form(path: Path) -> Path:
    """A plain XLSForm of ``ROWS`` survey rows: 10 groups of 4 subgroups of varied questions."""
    from openpyxl import Workbook

    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label::English (en)", "label::Français (fr)", "required", "relevant",
                   "constraint"])
    rows = 1
    for group in range(10):
        survey.append(["begin_group", f"g{group}", f"Group {group}", f"Groupe {group}"])
        for sub in range(4):
            survey.append(["begin_group", f"g{group}_{sub}", f"Part {sub}", f"Partie {sub}"])
            for number in range(22):
                survey.append(question(f"q{group}_{sub}_{number}", number))
            survey.append(["end_group"])
        survey.append(["end_group"])
        rows += 2 + 4 * 24
    for number in range(ROWS - rows):
        survey.append(["note", f"n{number}", f"Note {number}", f"Note {number}"])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label::English (en)", "label::Français (fr)"])
    for code, english, french in (("yes", "Yes", "Oui"), ("no", "No", "Non"), ("partly", "Partly", "En partie")):
        choices.append(["answers", code, english, french])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language"])
    settings.append(["Large form", "large", "1", "English (en)"])
    book.save(path)
    return path


def question(name: str, number: int) -> list:
    kind = ("select_one answers", "integer", "text", "select_multiple answers", "note")[number % 5]
    relevant = f"${{{name[:-len(str(number))]}{number - 1}}} != ''" if number % 5 == 2 and number else None
    constraint = ". >= 0 and . <= 1000" if kind == "integer" else None
    return [kind, name, f"Question {name}", f"Question {name} (fr)", "yes" if number % 2 else None, relevant,
            constraint]
