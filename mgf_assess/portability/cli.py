"""``flask --app wsgi mgf export-assessment ID OUT.zip [--include-internal]``."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext

from mgf_assess.assessments.models import Assessment
from mgf_assess.extensions import db
from mgf_assess.portability.archive import export_assessment


@click.command("export-assessment")
@click.argument("assessment_id", metavar="ID", type=int)
@click.argument("out", metavar="OUT.zip", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--include-internal", is_flag=True,
              help="Include internal review comments (evaluators' notes never shown to the country).")
@with_appcontext
def export_command(assessment_id: int, out: Path, include_internal: bool) -> None:
    """Write everything stored about assessment ID into the zip archive OUT.zip, with a README
    describing each file."""
    assessment = db.session.get(Assessment, assessment_id)
    problem = _problem(assessment, assessment_id, out)
    if problem:
        click.echo(problem, err=True)
        sys.exit(1)
    export = export_assessment(assessment, out, include_internal)
    db.session.commit()
    click.echo(f"exported assessment {assessment_id} ({len(export.answers)} answers, {len(export.evidence)} "
               f"pieces of evidence, {len(export.review_comments)} review comments"
               f"{', internal ones included' if include_internal else ''}) into {out}")


def _problem(assessment: Assessment | None, assessment_id: int, out: Path) -> str:
    if assessment is None:
        return f"there is no assessment {assessment_id}: check the number (it is in the assessment's address, /assessments/ID)."
    if out.suffix.lower() != ".zip":
        return f"{out} does not end in .zip: the export is a zip archive; name it NAME.zip."
    if out.exists():
        return f"{out} already exists: remove it or choose another name (an export never overwrites a file)."
    if not out.parent.is_dir():
        return f"the folder {out.parent} does not exist: create it or choose another place."
    return ""
