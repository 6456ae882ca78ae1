"""Command line of the scoring library: ``python -m scoring COMMAND ...``."""

import argparse


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scoring", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="validate questionnaire and mapping files")
    validate.add_argument("paths", nargs="+", help="files or folders")
    commands.add_parser("schema", help="print the JSON Schema of the questionnaire format")
    score = commands.add_parser("score", help="score answers against a definition, print JSON")
    score.add_argument("definition")
    score.add_argument("answers")
    explain = commands.add_parser("explain", help="explain how one node's score was obtained")
    explain.add_argument("definition")
    explain.add_argument("answers")
    explain.add_argument("node_id")
    carry = commands.add_parser("carry-forward", help="carry answers to a newer version")
    carry.add_argument("old")
    carry.add_argument("new")
    carry.add_argument("mapping")
    carry.add_argument("answers")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command (``argv`` defaults to the process's arguments); return the exit status."""
    args = _parser().parse_args(argv)
    if args.command in ("validate", "schema"):
        from scoring.cli import validate as commands
    else:
        from scoring.cli import score as commands
    return commands.run(args)
