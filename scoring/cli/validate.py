"""``python -m scoring validate PATH...`` and ``python -m scoring schema``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from scoring.definition.loader import Report, check_file
from scoring.definition.schema import render_schema
from scoring.problems.catalog import Catalog
from scoring.problems.problem import Problem

SUFFIXES = (".yaml", ".yml")


def run(args: argparse.Namespace) -> int:
    """Run the ``validate`` or ``schema`` command; return the exit status."""
    if args.command == "schema":
        sys.stdout.write(render_schema())
        return 0
    return validate_paths(args.paths, sys.stdout)


def validate_paths(paths: Iterable[str], out: TextIO) -> int:
    """Check every file named or found under ``paths``; print issues and a summary.

    Returns 1 when any file has an error or a path is unusable, else 0 (warnings allowed).
    """
    files, problems = collect_files(paths)
    reports = [check_file(path) for path in files]
    issues = [*problems, *(issue for report in reports for issue in report.issues)]
    for issue in issues:
        out.write(f"{issue}\n")
    out.write(summary(reports, issues) + "\n")
    return 1 if any(issue.is_error for issue in issues) else 0


def collect_files(paths: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    """The YAML files named by ``paths`` (folders searched recursively) and path problems."""
    files: list[Path] = []
    problems: list[Problem] = []
    for name in paths:
        found = _files_at(Path(name))
        files.extend(found)
        if not found:
            problems.append(_missing(name))
    return files, problems


def _files_at(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
    return [path] if path.exists() else []


def _missing(name: str) -> Problem:
    entry = Catalog.NO_YAML_FILES if Path(name).is_dir() else Catalog.PATH_NOT_FOUND
    return entry.at("", file=name)


def summary(reports: list[Report], issues: list[Problem]) -> str:
    """One line: how many files were checked and how many errors and warnings were found."""
    errors = sum(issue.is_error for issue in issues)
    warnings = len(issues) - errors
    failed = sum(not report.ok for report in reports)
    checked = f"{len(reports)} file{'s' if len(reports) != 1 else ''} checked"
    if not issues:
        return f"{checked}: all valid."
    return (f"{checked}: {errors} error{'s' if errors != 1 else ''}, {warnings} warning"
            f"{'s' if warnings != 1 else ''}; {failed} file{'s' if failed != 1 else ''} invalid.")
