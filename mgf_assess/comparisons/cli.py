"""``flask --app wsgi mgf reports compare ...``: write a member-state comparison to a file.

The command line is an administrator's tool: it sees every result (as an admin does), so
nothing is withheld and ``--source latest`` is allowed.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext
from werkzeug.datastructures import MultiDict

from mgf_assess.config import LANGUAGES

FORMATS = ("pdf", "xlsx", "csv", "json", "html")


class CommandLine:
    """Whoever runs the command, as the access policy sees them: an administrator."""

    role, id, country_code = "admin", None, None
    is_authenticated = is_active = True
    country_codes: set[str] = set()


@click.command("compare")
@click.option("--questionnaire", default="mgf", show_default=True, help="Questionnaire family id.")
@click.option("--cycle", type=int, required=True, help="The cycle compared (a year).")
@click.option("--baseline", type=int, help="An earlier cycle: adds the change between cycles.")
@click.option("--country", "countries", multiple=True, help="ISO 3166 alpha-3 code (repeat for several).")
@click.option("--region", "regions", multiple=True, help="UN M49 region or sub-region code (repeatable).")
@click.option("--corridor", help="The name of a corridor.")
@click.option("--source", type=click.Choice(["validated", "latest"]), default="validated", show_default=True)
@click.option("--rank", help="overall or a domain id: adds a ranking (MGI does not rank unless asked).")
@click.option("--peer", help="ISO 3166 alpha-3 code: adds peer learning for that country.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="pdf", show_default=True)
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default="en", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
@with_appcontext
def compare_command(output: Path, fmt: str, language: str, **options) -> None:
    """Write a member-state comparison (every country unless --country, --region or --corridor)."""
    from mgf_assess.comparisons import downloads
    from mgf_assess.comparisons.data import RequestProblems, build_comparison, read_request
    from mgf_assess.reports.typography.fonts import FontMissing

    args = MultiDict([(key, str(value)) for key, values in options.items() if values is not None
                      for value in (values if isinstance(values, tuple) else (values,))])
    try:
        comparison = build_comparison(CommandLine(), read_request(args), language)
        content = downloads.render(comparison, fmt)
    except RequestProblems as problems:
        raise click.ClickException("; ".join(f"--{k}: {v}" for k, v in problems.problems.items())) from None
    except FontMissing as error:
        raise click.ClickException(str(error)) from None
    output.write_bytes(content)
    click.echo(f"Wrote {output} ({fmt}, {language}, {len(comparison.profiles)} countries, {len(content):,} bytes).")
