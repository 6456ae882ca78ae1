"""The gap report as PDF: contents in every language, the preliminary mark, hostile text,
right-to-left text, fonts, charts and the command line."""

import shutil
import subprocess
import unicodedata

import pytest
import qrich
from babel.dates import format_date
from flask_babel import force_locale

from mgf_assess.assessments import evidence
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.config import REPO_ROOT
from mgf_assess.extensions import db
from mgf_assess.questionnaires import operations as qops
from mgf_assess.reports.charts import bands_svg, radar_svg
from mgf_assess.reports.data import build_gap_report, labels
from mgf_assess.reports.pdf import render_pdf
from mgf_assess.reports.typography.fonts import FALLBACK, FontMissing, drawable, register_fonts
from mgf_assess.reports.typography.rtl import wrap_lines

HEADINGS = ("executive_summary", "data_gaps", "recommendations", "methodology", "well_developed", "potential")
HARAKAT = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"}
BIDI_MARKS = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
HOSTILE = ['<para>', '<img src="/etc/passwd"/>', "<font color='red'>unclosed", "Tom & Jerry",
           "emoji 🧭🛂 here", "قانون العمل Labour Act 2020 رقم 12"]


def pdf_text(data: bytes, tmp_path) -> list[str]:
    """The text of each page, through pdftotext (the test is skipped without it)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    # Wrapped cell lines are joined back: only words and their order matter here.
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def plain(text: str) -> str:
    """Text comparable across shaping: base letters (NFKC), no harakat, bidi marks or extra spaces."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join("".join(c for c in text if c not in HARAKAT | BIDI_MARKS).split())


@pytest.fixture
def rich(app, tmp_path):
    with app.app_context():
        qrich.load(app, tmp_path / "q")
    return app


def _pdf(assessment, language):
    return render_pdf(build_gap_report(assessment, language))


@pytest.mark.parametrize("language,country", [("en", "Senegal"), ("fr", "Sénégal"), ("es", "Senegal"),
                                              ("ar", "السنغال")])
def test_pdf_has_headings_recommendations_and_country(rich, tmp_path, language, country):
    with rich.app_context():
        assessment = qrich.open_assessment(country="SEN")
        pages = pdf_text(_pdf(assessment, language), tmp_path)
        text = plain(" ".join(pages))
        assert plain(country) in text
        with force_locale(language):
            for key in HEADINGS:
                assert plain(labels.text(labels.HEADINGS, key)) in text, key
        assert plain(f"Recommendation r_health [{language}]") in text
        assert plain(f"Rights [{language}]") in text
        assert 3 <= len(pages) <= 30


@pytest.mark.parametrize("language,score", [("fr", "80,00"), ("es", "80,00"), ("en", "80.00")])
def test_numbers_and_dates_are_localized(rich, tmp_path, language, score):
    with rich.app_context():
        report = build_gap_report(qrich.open_assessment(), language)
        text = " ".join(pdf_text(render_pdf(report), tmp_path))
        assert score in text  # r_days scores 80
        assert format_date(report.cover.as_of, "long", locale=language) in text


def test_preliminary_mark_on_every_page_until_validated(rich, tmp_path):
    with rich.app_context():
        assessment = qrich.open_assessment()
        mark = labels.text(labels.MARKS, "preliminary")
        pages = pdf_text(_pdf(assessment, "en"), tmp_path)
        assert all(mark in page for page in pages)
        assessment.state = "validated"
        db.session.commit()
        pages = pdf_text(_pdf(assessment, "en"), tmp_path)
        assert not any(mark in page for page in pages)


def test_page_x_of_y_and_snapshot_in_footer(rich, tmp_path):
    with rich.app_context():
        pages = pdf_text(_pdf(qrich.open_assessment(), "en"), tmp_path)
        assert f"Page 1 of {len(pages)}" in pages[0] and f"Page {len(pages)} of {len(pages)}" in pages[-1]
        assert all("rich 1.0" in page for page in pages)


def test_hostile_text_renders_literally(rich, tmp_path):
    with rich.app_context():
        long_texts = ["x" * evidence.MAX_CITATION] * 5  # the longest citations there can be
        answers = {**qrich.ANSWERS, "r_note": {"value": " ".join(HOSTILE)},
                   "r_share": {"status": "na", "justification": "<b>bold</b> & <br/> " + HOSTILE[1] + " z" * 1500}}
        assessment = qrich.open_assessment(answers=answers)
        for citation in [*HOSTILE, *long_texts]:
            evidence.add_evidence(None, assessment, "r_health", kind="law", citation=citation)
        db.session.commit()
        text = " ".join(pdf_text(_pdf(assessment, "en"), tmp_path))
        for literal in ("<para>", '<img src="/etc/passwd"/>', "<font", "color='red'>unclosed", "Tom & Jerry",
                        "<b>bold</b> & <br/>"):
            assert literal in text
        assert "Labour Act 2020" in text and plain("قانون العمل") in plain(text)
        assert "x" * 20 in text and text.count("x") >= 10_000


def test_hostile_text_in_arabic_report(rich, tmp_path):
    with rich.app_context():
        answers = {**qrich.ANSWERS, "r_note": {"value": " ".join(HOSTILE) + " " + "y" * 9_000}}
        text = " ".join(pdf_text(_pdf(qrich.open_assessment(answers=answers), "ar"), tmp_path))
        # Latin runs keep their order inside the Arabic line; the markup is drawn, not obeyed.
        assert "para>" in text and 'src="/etc/passwd"/>' in text and "color='red'>unclosed" in text
        assert "Labour Act" in text and "y" * 20 in text and text.count("y") >= 9_000


def test_characters_without_glyph_are_replaced(app):
    with app.app_context():
        register_fonts()
        assert drawable("ok 🧭\x00\u200f é") == f"ok {FALLBACK} é"


def test_arabic_lines_wrap_in_reading_order(app):
    with app.app_context():
        register_fonts()
        lines = wrap_lines("واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة", "DejaVuSans", 10, 80)
        assert len(lines) > 2
        assert plain(lines[0]).startswith("واحد") and plain(lines[-1]).endswith("عشرة")


def test_missing_font_gives_a_clear_error(rich, tmp_path):
    with rich.app_context():
        assessment = qrich.open_assessment()
        rich.config["REPORT_FONT_DIR"] = str(tmp_path / "no-fonts")
        with pytest.raises(FontMissing, match="fonts-dejavu-core"):
            _pdf(assessment, "en")


def test_charts_as_svg_carry_a_text_alternative(rich):
    with rich.app_context():
        report = build_gap_report(qrich.open_assessment(), "ar")
        svg = radar_svg(report)
        assert svg.startswith("<svg") and 'role="img"' in svg and 'aria-labelledby="radar-title radar-desc"' in svg
        assert '<title id="radar-title">' in svg and '<desc id="radar-desc">' in svg
        # Two domains make no radar: domain bars are drawn instead.
        assert "Rights [ar]" in svg and "<polygon" not in svg and 'id="group"' not in svg and 'id="bands-group"' in bands_svg(report)


def test_realistic_report_in_english_and_arabic(app, tmp_path):
    with app.app_context():
        qops.load_folder(REPO_ROOT / "questionnaires")
        db.session.commit()
        from mgf_assess.assessments import operations

        assessment = operations.create_assessment(None, country="JOR", family="mgf", version="2026.1", cycle=2026)
        qrich.answer_everything(assessment, definition_for(assessment))
        for language, title in (("en", "Executive summary"), ("ar", "حقوق المهاجرين")):
            report = build_gap_report(assessment, language)
            pages = pdf_text(render_pdf(report), tmp_path)
            assert 3 <= len(pages) <= 60
            assert plain(title) in plain(" ".join(pages))
        # Arabic chart labels are drawn in visual order: browsers must not reorder them again.
        assert 'unicode-bidi="bidi-override"' in radar_svg(report)


def test_cli_writes_a_pdf(rich, runner, tmp_path):
    with rich.app_context():
        assessment_id = qrich.open_assessment().id
    output = tmp_path / "gap.pdf"
    result = runner.invoke(args=["mgf", "reports", "gap", str(assessment_id), "--lang", "fr", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_bytes().startswith(b"%PDF")
    missing = runner.invoke(args=["mgf", "reports", "gap", "999999", "--output", str(output)])
    assert missing.exit_code != 0 and "no assessment 999999" in missing.output


def test_bidi_levels_come_from_the_whole_paragraph():
    from mgf_assess.reports.typography.bidi import levels

    text = "ab (جج) cd"
    resolved = levels(text, True)
    assert len(resolved) == len(text) and resolved[0] == resolved[-1] == 2 and resolved[4] == 1


def test_brackets_of_a_wrapped_arabic_paragraph_are_mirrored(app):
    from mgf_assess.reports.typography.rtl import visual_lines

    with app.app_context():
        register_fonts()
        lines = visual_lines("الضمان الاجتماعي (التأمين الصحي، وإصابات العمل، والبطالة) بالشروط نفسها",
                             "DejaVuSans", 8, 120, True)
        opening = next(i for i, line in enumerate(lines) if ")" in line)  # "(" drawn mirrored
        closing = next(i for i, line in enumerate(lines) if "(" in line)
        assert opening < closing and "".join(lines).count(")") == 1


def test_cli_other_formats_and_a_missing_renderer(rich, runner, tmp_path, monkeypatch):
    from mgf_assess.reports import cli

    with rich.app_context():
        assessment_id = qrich.open_assessment().id
    output = tmp_path / "gap.json"
    result = runner.invoke(args=["mgf", "reports", "gap", str(assessment_id), "--format", "json",
                                 "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_bytes().startswith(b"{")
    monkeypatch.setitem(cli.RENDERERS, "json", ("mgf_assess.reports.not_there", "render_json"))
    result = runner.invoke(args=["mgf", "reports", "gap", str(assessment_id), "--format", "json",
                                 "--output", str(output)])
    assert result.exit_code != 0 and "json renderer is not available" in result.output
