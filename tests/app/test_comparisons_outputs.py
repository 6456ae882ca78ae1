"""Every output of a comparison from the same data: PDF (text checked with pdftotext in four
languages), XLSX (reopened with openpyxl), tidy CSV and JSON, and the command line."""

import csv
import io
import json
import shutil
import subprocess

import compare_support as cs
import openpyxl
import pytest
from compare_support import ADMIN, FOCAL_KEN
from test_reports_pdf import plain

from mgf_assess.comparisons import downloads
from mgf_assess.comparisons.data import build_comparison, read_request


@pytest.fixture
def seeded(app, tmp_path):
    return cs.seed(app, tmp_path)


PARAMS = {"questionnaire": "cmp", "cycle": "2026", "baseline": "2019", "rank": "rights", "peer": "ETH"}


def comparison(app, user=ADMIN, language="en", **extra):
    with app.app_context():
        return build_comparison(user, read_request({**PARAMS, **extra}), language)


def pdf_text(data: bytes, tmp_path) -> str:
    """The PDF's text, pages separated by form feeds, comparable across Arabic shaping."""
    path = tmp_path / "c.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return "\f".join(plain(page) for page in text.split("\f"))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize(("language", "words"), [
    ("en", ["Member-state comparison", "Rights [en]", "Distribution of states by band", "Kenya"]),
    ("fr", ["Rights [fr]", "Kenya"]),
    ("es", ["Rights [es]", "Kenia"]),
    ("ar", ["Rights [ar]", "كينيا", "الصفحة"]),
])
def test_the_pdf_speaks_the_language(seeded, tmp_path, language, words):
    found = comparison(seeded, language=language)
    with seeded.app_context():
        data = downloads.render(found, "pdf")
    assert data.startswith(b"%PDF")
    text = pdf_text(data, tmp_path)
    for word in words:
        assert word in text, (word, text[:3000])


def test_a_preliminary_comparison_says_so_on_every_page(seeded, tmp_path):
    found = comparison(seeded, source="latest")
    with seeded.app_context():
        pages = pdf_text(downloads.render(found, "pdf"), tmp_path).split("\f")
    assert all("PRELIMINARY" in page for page in pages if page.strip())


def test_the_workbook_has_every_sheet(seeded):
    found = comparison(seeded)
    with seeded.app_context():
        book = openpyxl.load_workbook(io.BytesIO(downloads.render(found, "xlsx")))
    assert book.sheetnames == ["Profiles", "Distribution", "Regions", "Change between cycles", "Ranking", "Peers", "Method"]
    profiles = book["Profiles"]
    assert profiles["A1"].value == "Country code" and profiles["A2"].value == "DEU"  # ranked by rights, as asked
    header = [cell.value for cell in profiles[1]]
    assert "Rights [en] — Score" in header
    change = book["Change between cycles"]
    assert any(row[0].value == "KEN" and row[2].value == "rights" for row in change.iter_rows(min_row=2))


def test_the_arabic_workbook_reads_right_to_left(seeded):
    found = comparison(seeded, language="ar")
    with seeded.app_context():
        book = openpyxl.load_workbook(io.BytesIO(downloads.render(found, "xlsx")))
    assert all(sheet.sheet_view.rightToLeft for sheet in book.worksheets)


def test_csv_and_json_are_tidy_one_row_per_country_cycle_and_node(seeded):
    found = comparison(seeded)
    with seeded.app_context():
        rows = list(csv.DictReader(io.StringIO(downloads.render(found, "csv").decode("utf-8-sig"))))
        document = json.loads(downloads.render(found, "json"))
    keys = {(r["country"], r["cycle"], r["node"]) for r in rows}
    assert len(keys) == len(rows)
    assert ("KEN", "2019", "rights") in keys and ("KEN", "2026", "whole_a") in keys
    ken = next(r for r in rows if (r["country"], r["cycle"], r["node"]) == ("KEN", "2026", "rights"))
    assert (ken["score"], ken["band"], ken["level"]) == ("100.00", "full", "domain")
    assert len(document["rows"]) == len(rows) and document["source"] == "validated"
    assert next(r for r in document["rows"] if r["node"] == "crisis_a" and r["country"] == "KEN")["domain"] == "crisis"


def test_only_what_the_user_may_see_is_exported(seeded):
    found = comparison(seeded, user=FOCAL_KEN, peer="KEN")
    with seeded.app_context():
        rows = list(csv.DictReader(io.StringIO(downloads.render(found, "csv").decode("utf-8-sig"))))
        book = openpyxl.load_workbook(io.BytesIO(downloads.render(found, "xlsx")))
    assert {r["country"] for r in rows} == {"KEN", "MEX", "DEU"}
    regions = book["Regions"]
    withheld = [row for row in regions.iter_rows(min_row=2, values_only=True) if row[0] == "014"]
    assert withheld and all("fewer than 3 states" in row for row in withheld)


def test_the_command_line_writes_every_format(seeded, runner, tmp_path):
    for fmt in ("pdf", "xlsx", "csv", "json", "html"):
        output = tmp_path / f"c.{fmt}"
        result = runner.invoke(args=["mgf", "reports", "compare", "--questionnaire", "cmp", "--cycle", "2026",
                                     "--baseline", "2019", "--region", "002", "--format", fmt, "--lang", "fr",
                                     "--output", str(output)])
        assert result.exit_code == 0, result.output
        assert output.stat().st_size > 100 and "5 countries" in result.output


def test_the_command_line_explains_a_bad_request(seeded, runner, tmp_path):
    result = runner.invoke(args=["mgf", "reports", "compare", "--questionnaire", "cmp", "--cycle", "2026",
                                 "--region", "9x9", "--output", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1 and "--regions:" in result.output and "M49" in result.output
