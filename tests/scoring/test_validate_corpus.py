"""The corpus of invalid files: each file states the issues it must produce.

A file in ``invalid/<case>/`` starts with comment lines ``# expect: CODE LOCATION`` (an
error) or ``# expect-warning: CODE LOCATION``; it must produce exactly those issues.
Files without such lines (the versions beside a mapping) must be valid. Every case sits
in a folder laid out like ``questionnaires/`` so the layout rules do not fire by accident.
"""

from pathlib import Path

import pytest

from scoring.definition.loader import check_file

CORPUS = Path(__file__).parent / "invalid"
FILES = sorted(path for path in CORPUS.rglob("*") if path.suffix in (".yaml", ".yml"))
HEADERS = {"# expect:": "error", "# expect-warning:": "warning"}


def expected_issues(path):
    expected = []
    for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
        for prefix, severity in HEADERS.items():
            if line.startswith(prefix):
                code, _, location = line[len(prefix):].strip().partition(" ")
                expected.append((severity, code, location.strip()))
    return sorted(expected)


def test_the_corpus_is_large_enough():
    assert sum(bool(expected_issues(path)) for path in FILES) >= 30


@pytest.mark.parametrize("path", FILES, ids=[str(path.relative_to(CORPUS)) for path in FILES])
def test_each_file_gives_exactly_the_expected_issues(path):
    report = check_file(path)
    found = sorted((issue.severity, issue.code, issue.location) for issue in report.issues)
    assert found == expected_issues(path), "\n".join(str(issue) for issue in report.issues)
    assert (report.definition is None) == any(severity == "error" for severity, _, _ in found)


@pytest.mark.parametrize("path", FILES, ids=[str(path.relative_to(CORPUS)) for path in FILES])
def test_every_issue_says_what_and_how_to_fix(path):
    for issue in check_file(path).issues:
        assert issue.message and issue.fix and issue.code.islower()
        assert str(issue).startswith(f"{path}:{issue.location}: {issue.code}")
