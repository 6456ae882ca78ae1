"""``flask --app wsgi mgf reports ...``: write reports to files.

``mgf reports gap ASSESSMENT_ID --lang ar --format pdf --output report.pdf`` builds the gap
report of one assessment (from its latest score snapshot, or its current answers) and writes
it in one format. The command line is an administrator's tool: it reads any assessment.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import click
from flask.cli import AppGroup

from mgf_assess.config import LANGUAGES

reports = AppGroup("reports", help="Build reports: gap reports and member-state comparisons as PDF, XLSX, CSV, JSON or HTML.")

# format: (module, function) of its renderer, imported only when that format is asked for
RENDERERS = {
    "pdf": ("mgf_assess.reports.pdf", "render_pdf"),
    "xlsx": ("mgf_assess.reports.tables", "render_xlsx"),
    "csv": ("mgf_assess.reports.tables", "render_csv"),
    "json": ("mgf_assess.reports.tables", "render_json"),
    "html": ("mgf_assess.reports.web", "render_html_document"),
}


def renderer(fmt: str):
    """The function rendering a GapReport in ``fmt``; a clear error when it is not available."""
    module_name, function_name = RENDERERS[fmt]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        raise click.ClickException(f"The {fmt} renderer is not available ({module_name} is missing).") from None
    function = getattr(module, function_name, None)
    if function is None:
        raise click.ClickException(f"The {fmt} renderer is not available ({module_name}.{function_name}).")
    return function


def as_bytes(content: bytes | str) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


@reports.command("gap")
@click.argument("assessment_id", type=int)
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default="en", show_default=True,
              help="Language of the report.")
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="pdf", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write.")
def gap_command(assessment_id: int, language: str, fmt: str, output: Path) -> None:
    """Write the gap report of ASSESSMENT_ID."""
    from mgf_assess.assessments.models import Assessment
    from mgf_assess.extensions import db
    from mgf_assess.reports.data import build_gap_report
    from mgf_assess.reports.typography.fonts import FontMissing

    render = renderer(fmt)
    assessment = db.session.get(Assessment, assessment_id)
    if assessment is None:
        raise click.ClickException(f"There is no assessment {assessment_id}.")
    try:
        content = as_bytes(render(build_gap_report(assessment, language)))
    except FontMissing as error:
        raise click.ClickException(str(error)) from None
    output.write_bytes(content)
    click.echo(f"Wrote {output} ({fmt}, {language}, {len(content):,} bytes).")
