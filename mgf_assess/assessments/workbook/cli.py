"""``flask --app wsgi mgf answers ...``: answers workbooks on the command line.

``answers export ID OUT.xlsx`` writes an assessment's answers workbook; ``answers import ID
IN.xlsx`` prints the preview of a filled-in one (a dry run), and with ``--apply`` writes it, all
or nothing. The command line is an administrator's tool: without ``--user`` it may change every
question, and the audit log records the command line as the author; with ``--user EMAIL`` that
account's sections and rules apply and it is recorded as the author.

Exit status: 0 done (or a clean dry run), 1 the file or the command was refused, 2 the workbook
has invalid cells or refused rows (nothing written).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import AppGroup
from flask_babel import force_locale

from mgf_assess.config import LANGUAGES

answers = AppGroup("answers", help="Answers workbooks: export an assessment's answers, import them back.")


def _assessment(assessment_id: int):
    from mgf_assess.assessments.models import Assessment
    from mgf_assess.extensions import db

    assessment = db.session.get(Assessment, assessment_id)
    if assessment is None:
        raise click.ClickException(f"There is no assessment {assessment_id}.")
    return assessment


def _user(email: str | None, assessment):
    """The account named by ``--user`` (None without it), refused when it may not use workbooks."""
    if email is None:
        return None
    from mgf_assess.auth import queries
    from mgf_assess.core import policy

    user = queries.user_by_email(email)
    if user is None or not user.active:
        raise click.ClickException(f"There is no active account {email}.")
    if not policy.can(user, "answers.workbook", assessment):
        raise click.ClickException(f"{email} may not use the answers workbook of assessment {assessment.id}.")
    return user


@answers.command("export")
@click.argument("assessment_id", type=int)
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default="en", show_default=True)
@click.option("--scope", help="all, assigned, or the id of a domain or area (default: all; assigned for a "
                              "contributor given with --user).")
@click.option("--user", "email", help="Download as this account: its sections are the ones it may change.")
def export_command(assessment_id: int, output: Path, language: str, scope: str | None, email: str | None) -> None:
    """Write the answers workbook of ASSESSMENT_ID to OUTPUT."""
    from mgf_assess.assessments.workbook import export, scopes

    assessment = _assessment(assessment_id)
    user = _user(email, assessment)
    scope = scope or scopes.default_scope(user, assessment)
    data = export.build_workbook(assessment, user, scope, language)
    if data is None:
        raise click.ClickException(f"The questionnaire has no domain or area {scope!r}: use all, assigned or an id.")
    output.write_bytes(data)
    click.echo(f"Wrote {output} ({scope}, {language}, {len(data):,} bytes).")


@answers.command("import")
@click.argument("assessment_id", type=int)
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--apply", "apply_", is_flag=True, help="Save the changes (without it: a dry run).")
@click.option("--overwrite", multiple=True, metavar="QUESTION_ID",
              help="Resolve this conflict with the workbook's answer (repeat for several); other conflicts keep "
                   "the stored answer.")
@click.option("--user", "email", help="Import as this account: only its sections may change.")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default="en", show_default=True,
              help="Language of the messages.")
def import_command(assessment_id: int, source: Path, apply_: bool, overwrite: tuple[str, ...], email: str | None,
                   language: str) -> None:
    """Preview (or, with --apply, save) the answers workbook SOURCE for ASSESSMENT_ID."""
    from mgf_assess.assessments.errors import AnswerConflict, NotEditable
    from mgf_assess.assessments.workbook.apply import PreviewOutdated
    from mgf_assess.assessments.workbook.problems import WorkbookRefused
    from mgf_assess.extensions import db

    assessment = _assessment(assessment_id)
    user = _user(email, assessment)
    with force_locale(language):
        try:
            _import(user, assessment, source, apply_, overwrite)
        except (WorkbookRefused, NotEditable, PreviewOutdated) as refusal:
            db.session.rollback()
            raise click.ClickException(" ".join(refusal.problems.values())) from None
        except AnswerConflict as conflict:
            db.session.rollback()
            raise click.ClickException(f"The answer to {conflict.current.question_id} changed during the import; "
                                       "nothing was saved. Run the command again.") from None


def _import(user, assessment, source: Path, apply_: bool, overwrite: tuple[str, ...]) -> None:
    """Print the preview; exit 2 if it cannot be applied; apply it when asked (committed)."""
    from mgf_assess.assessments.workbook.apply import import_workbook
    from mgf_assess.extensions import db

    data = source.read_bytes()
    preview = import_workbook(user, assessment, data).preview
    click.echo(report(preview, source.name))
    if not preview.ready:
        sys.exit(2)
    if not apply_:
        click.echo("Dry run: nothing was saved. Run again with --apply to save.")
        return
    saved = import_workbook(user, assessment, data, _chosen(preview, overwrite), apply=True, plan=preview.plan).saved
    db.session.commit()
    click.echo(f"Saved {len(saved)} answer{'' if len(saved) == 1 else 's'}.")


def _chosen(preview, overwrite: tuple[str, ...]) -> dict[str, int]:
    conflicts = {item.question.id: item.current.revision for item in preview.conflicts}
    for qid in overwrite:
        if qid not in conflicts:
            click.echo(f"Note: {qid} is not a conflict of this workbook; --overwrite {qid} has no effect.")
    return {qid: conflicts[qid] for qid in overwrite if qid in conflicts}


def report(preview, name: str) -> str:
    """The preview as text: the counts, then every row that matters."""
    from mgf_assess.assessments.display import answer_text

    lines = [f"{name}: {preview.rows} rows (sha256 {preview.digest[:12]}…), downloaded {preview.downloaded_at}",
             f"  {len(preview.changes)} to change, {len(preview.conflicts)} conflicts, {len(preview.invalid)} invalid "
             f"cells, {len(preview.refused)} refused rows, {preview.unchanged} unchanged, {len(preview.kept)} kept, "
             f"{len(preview.skipped)} not applicable"]
    for item in preview.changes:
        lines.append(f"  change   row {item.row} {item.question.id}: {answer_text(item.question, item.current)} → "
                     f"{answer_text(item.question, item.new)}")
    for item in preview.conflicts:
        who = item.current.updated_by.name if item.current.updated_by else "someone"
        lines.append(f"  conflict row {item.row} {item.question.id}: stored {answer_text(item.question, item.current)}"
                     f" ({who}, {item.current.updated_at:%Y-%m-%d %H:%M} UTC), workbook "
                     f"{answer_text(item.question, item.new)}; kept unless --overwrite {item.question.id}")
    lines += [f"  invalid  {problem.location}: {problem.message}" for problem in preview.invalid]
    lines += [f"  refused  row {item.row} {item.question.id}: {item.message}" for item in preview.refused]
    lines += [f"  skipped  row {item.row} {item.question.id}: {item.message}" for item in preview.skipped]
    return "\n".join(lines)
