"""``flask --app wsgi mgf questionnaires ...``: load, validate, publish, retire, XLSForm interchange."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from mgf_assess.core.errors import OperationError
from mgf_assess.extensions import db
from mgf_assess.questionnaires import operations, queries

questionnaires = AppGroup("questionnaires", help="Questionnaire versions: load, validate, lifecycle, XLSForm.")


def _report(result: operations.LoadResult) -> None:
    for label, paths in (("registered", result.registered), ("updated draft", result.updated),
                         ("unchanged", result.unchanged)):
        for path in paths:
            click.echo(f"{label}: {path}")
    for path, why in result.refused:
        click.echo(f"refused: {path}: {why}", err=True)


def load_on_init() -> None:
    """The ``mgf init`` step: register every file; report refusals without failing the init."""
    result = operations.load_folder(current_app.config["QUESTIONNAIRES_FOLDER"])
    db.session.commit()
    _report(result)


@questionnaires.command("load")
@click.option("--folder", type=click.Path(file_okay=False), help="Default: the configured questionnaires folder.")
def load(folder) -> None:
    """Register every questionnaire file with its content hash (exit 1 if any is refused)."""
    result = operations.load_folder(folder or current_app.config["QUESTIONNAIRES_FOLDER"])
    db.session.commit()
    _report(result)
    raise SystemExit(0 if result.ok else 1)


@questionnaires.command("validate")
@click.argument("paths", nargs=-1, type=click.Path())
def validate(paths) -> None:
    """Validate questionnaire and mapping files (default: the whole questionnaires folder)."""
    from scoring.api import cli_main as scoring_main

    raise SystemExit(scoring_main(["validate", *(paths or [current_app.config["QUESTIONNAIRES_FOLDER"]])]))


def _change_status(family: str, version: str, status: str, reason: str | None) -> None:
    found = queries.version_or_none(family, version)
    if found is None:
        click.echo(f"error: no registered version {family} {version}; run 'mgf questionnaires load'.", err=True)
        raise SystemExit(2)
    try:
        operations.set_status(None, found, status, reason)
    except OperationError as error:
        db.session.rollback()
        click.echo(f"error: {error}", err=True)
        raise SystemExit(2) from None
    db.session.commit()
    click.echo(f"{found.label} is now {found.status}.")


@questionnaires.command("publish")
@click.argument("family")
@click.argument("version")
@click.option("--reason")
def publish(family, version, reason) -> None:
    """Publish a draft version (its content becomes immutable)."""
    _change_status(family, version, "published", reason)


@questionnaires.command("retire")
@click.argument("family")
@click.argument("version")
@click.option("--reason")
def retire(family, version, reason) -> None:
    """Retire a published version (no new assessments; existing ones stay readable)."""
    _change_status(family, version, "retired", reason)


@questionnaires.command("list")
def list_versions() -> None:
    """List registered versions: family, version, status, questions, hash."""
    for family, versions in queries.families().items():
        for v in versions:
            click.echo(f"{family}\t{v.version}\t{v.status}\t{v.question_count} questions\t{v.content_hash[:12]}")


@questionnaires.command("export-xlsform")
@click.argument("family")
@click.argument("version")
@click.argument("out", type=click.Path(dir_okay=False))
def export_xlsform(family, version, out) -> None:
    """Write a registered version as an XLSForm workbook (survey, choices and settings sheets).

    Texts go in label::English (en)-style language columns; our extra data (weights, scoring,
    option scores, evidence rules, tags, recommendations, ids) in gov::-prefixed columns of the
    survey and settings sheets. See questionnaires/XLSFORM.md.
    """
    from mgf_assess.questionnaires.definitions import definition_of
    from scoring.api import write_xlsform

    found = queries.version_or_none(family, version)
    if found is None:
        click.echo(f"error: no registered version {family} {version}; run 'mgf questionnaires load'.", err=True)
        raise SystemExit(2)
    write_xlsform(definition_of(found), Path(out))
    click.echo(f"Wrote {out}")


@questionnaires.command("import-xlsform")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.argument("out", type=click.Path(dir_okay=False))
def import_xlsform(source, out) -> None:
    """Read any XLSForm workbook into a draft questionnaire YAML file, and print the import report
    (what each row became, every warning and error). Exit 1 when the workbook cannot be imported."""
    from scoring.api import import_xlsform as read

    result = read(Path(source))
    click.echo(result.report.text(), err=not result.ok, nl=False)
    if not result.ok:
        raise SystemExit(1)
    Path(out).write_text(result.yaml, encoding="utf-8")
    click.echo(f"Wrote {out} (a valid draft)")
