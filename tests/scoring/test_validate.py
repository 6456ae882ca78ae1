"""The loader: reading YAML safely, reporting every problem, loading usable definitions."""

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.definition.loader import (
    check_definition_file,
    check_file,
    load_definition,
    load_mapping,
)
from scoring.definition.model import Definition, VersionMapping
from scoring.definition.source import MAX_BYTES
from scoring.problems.problem import DefinitionError, Problem

VALID = Path(__file__).parent / "valid" / "mini"
MINIMAL = """\
format_version: 1
id: mini
version: "1"
status: draft
title: {en: T}
bands: [{code: low, min: 0, label: {en: Low}}]
target_band: low
domains:
  - id: d1
    title: {en: D}
    areas:
      - id: a1
        title: {en: A}
        questions:
          - {id: q1, type: yes_no, label: {en: Q}}
"""


def write(tmp_path, text, name="mini/1.yaml"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_complete_example_is_valid():
    report = check_file(VALID / "2026.1.yaml")
    assert report.issues == ()
    assert isinstance(report.definition, Definition)
    assert report.ok


def test_the_example_mapping_is_valid():
    report = check_file(VALID / "mappings" / "2025.1-to-2026.1.yaml")
    assert report.issues == ()
    assert isinstance(report.definition, VersionMapping)


def test_a_minimal_file_is_valid(tmp_path):
    report = check_file(write(tmp_path, MINIMAL))
    assert report.issues == () and report.definition.id == "mini"


def test_load_definition_returns_the_model():
    definition = load_definition(VALID / "2026.1.yaml")
    assert definition.question_map["rights_law"].options[0].code == "yes"


def test_load_definition_does_not_require_the_repository_layout(tmp_path):
    path = write(tmp_path, MINIMAL, "elsewhere/anything.yaml")
    assert load_definition(path).version == "1"
    assert [issue.code for issue in check_file(path).issues] == ["path_mismatch", "path_mismatch"]


def test_load_definition_raises_with_every_problem(tmp_path):
    text = MINIMAL.replace("target_band: low", "target_band: lo").replace("type: yes_no", "type: single_choice")
    with pytest.raises(DefinitionError) as caught:
        load_definition(write(tmp_path, text))
    assert sorted(issue.code for issue in caught.value.issues) == ["missing_options", "unknown_target_band"]
    text = str(caught.value)
    assert text.startswith("2 errors") and "missing_options" in text and "unknown_target_band" in text


def test_load_definition_of_a_missing_file_raises_definition_error(tmp_path):
    with pytest.raises(DefinitionError) as caught:
        load_definition(tmp_path / "nothing.yaml")
    assert caught.value.issues[0].code == "unreadable_file"


def test_load_mapping_checks_against_given_versions():
    older = load_definition(VALID / "2025.1.yaml")
    newer = load_definition(VALID / "2026.1.yaml")
    path = VALID / "mappings" / "2025.1-to-2026.1.yaml"
    mapping = load_mapping(path, older, newer)
    assert mapping.questions["rights_health_access"].source == "health_access"
    with pytest.raises(DefinitionError) as caught:
        load_mapping(path, newer, newer)
    assert {issue.code for issue in caught.value.issues} >= {"mapping_unknown_source"}


def test_three_problems_give_three_issues(tmp_path):
    text = (MINIMAL.replace("id: d1", "id: a1").replace("min: 0", "min: 5")
            .replace("{id: q1, type: yes_no, label: {en: Q}}", "{id: q1, type: number, label: {en: Q}, min: 5, max: 1}"))
    issues = check_file(write(tmp_path, text)).issues
    assert sorted(issue.code for issue in issues) == ["duplicate_id", "first_band_not_zero", "range_reversed"]


def test_file_too_large_reads_nothing_more(tmp_path):
    path = write(tmp_path, "title: x\n" + "#" * MAX_BYTES)
    assert [issue.code for issue in check_file(path).issues] == ["file_too_large"]


@pytest.mark.parametrize("name", ["", "folder"])
def test_check_file_never_raises_on_odd_paths(tmp_path, name):
    (tmp_path / "folder").mkdir()
    report = check_file(tmp_path / name)
    assert report.definition is None and report.errors[0].code == "unreadable_file"


def test_yes_and_no_are_strings_and_fractions_are_decimals(tmp_path):
    text = MINIMAL.replace("{id: q1, type: yes_no, label: {en: Q}}", (
        "{id: q1, type: yes_no, label: {en: Q}, weight: 0.1, options: "
        "[{code: yes, score: 90.5, label: {en: Y}}, {code: no, score: 0, label: {en: N}}]}"))
    question = load_definition(write(tmp_path, text)).question_map["q1"]
    assert [option.code for option in question.options] == ["yes", "no"]
    assert question.weight == Decimal("0.1") and question.options[0].score == Decimal("90.5")


def test_anchors_aliases_and_merge_keys_keep_working(tmp_path):
    text = MINIMAL.replace("title: {en: T}", "title: &t {en: T}").replace("title: {en: D}", "title: *t").replace(
        "{id: q1, type: yes_no, label: {en: Q}}", "&base {id: q1, type: yes_no, label: {en: Q}}\n"
        "          - {<<: *base, id: q2}")
    definition = load_definition(write(tmp_path, text))
    assert definition.domains[0].title == {"en": "T"}
    assert list(definition.question_map) == ["q1", "q2"]


def test_duplicate_keys_are_reported_with_their_line(tmp_path):
    text = MINIMAL.replace("    title: {en: D}\n", "    title: {en: D}\n    title: {en: E}\n")
    (issue,) = check_file(write(tmp_path, text)).issues
    assert (issue.code, issue.location, issue.line) == ("duplicate_key", "domains[0].title", 11)


def test_unsafe_tags_are_refused(tmp_path):
    path = write(tmp_path, "title: !!python/object/apply:os.system ['true']\n")
    assert [issue.code for issue in check_file(path).issues] == ["invalid_yaml"]


def test_alias_bombs_are_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    assert [issue.code for issue in check_file(write(tmp_path, "\n".join(lines))).issues] == ["too_complex"]


def test_issue_lines_point_into_the_file(tmp_path):
    text = MINIMAL.replace("type: yes_no", "type: yesno")
    (issue,) = check_file(write(tmp_path, text)).issues
    assert issue.line == 15 and issue.code == "unknown_question_type"
    assert "Did you mean 'yes_no'?" in issue.fix


def test_issue_text_format():
    issue = Problem("duplicate_id", "domains[0].id", "the id 'x' is used twice", "rename it", file="q.yaml", line=4)
    assert str(issue) == "q.yaml:domains[0].id: duplicate_id the id 'x' is used twice (line 4) Fix: rename it"
    warning = Problem("missing_translation", "", "no fr", "write it", "warning").in_file("q.yaml")
    assert str(warning) == "q.yaml:: missing_translation (warning) no fr Fix: write it"


def test_warnings_alone_leave_the_file_usable(tmp_path):
    text = MINIMAL.replace("status: draft", "status: draft\nlanguages: [en, fr]")
    report = check_definition_file(write(tmp_path, text))
    assert report.ok and report.definition is not None
    assert {issue.severity for issue in report.issues} == {"warning"}


@pytest.mark.parametrize("text", ["[" * 5000 + "]" * 5000, "a:\n" + "".join(" " * n + "b:\n" for n in range(1, 3000)),
                                  "title: {en: " + "x" * 100_000 + "}", "\x00\x01", "---\n---\n", "? [a]\n: b\n"])
def test_hostile_files_give_issues_not_exceptions(tmp_path, text):
    report = check_file(write(tmp_path, text))
    assert report.definition is None and report.errors


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_raises(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mini" / "1.yaml"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        report = check_file(path)
    assert report.definition is None and all(issue.message and issue.fix for issue in report.issues)


@pytest.mark.parametrize("text", ["[" * 30_000, "{a: " * 30_000, "".join(f"{' ' * i}- \n" for i in range(70))],
                         ids=["flow sequences", "flow mappings", "block sequences"])
def test_deep_nesting_is_a_located_problem_not_a_crash(tmp_path, text):
    """libyaml's composer recurses in C: 30,000 ``[`` used to kill the process (exit 139)."""
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    with pytest.raises(DefinitionError) as refused:
        load_definition(path)
    assert [issue.code for issue in refused.value.issues] == ["too_deep"]
    assert refused.value.issues[0].line is not None


def test_nesting_at_the_limit_is_read(tmp_path):
    from scoring.definition.source import MAX_DEPTH, read_yaml

    path = tmp_path / "ok.yaml"
    path.write_text("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n")
    assert read_yaml(path).problems == []


@pytest.mark.parametrize(("extra", "qtype", "expected"), [
    ({"min": 0, "max": 365}, "number", []),
    ({"min": 10}, "percent", []),
    ({"min": 5}, "text", [("range_not_numeric", "min")]),
    ({"max": 101}, "percent", [("range_outside_type", "max")]),
    ({"min": -(10**16)}, "number", [("range_outside_type", "min")]),
    ({"min": 10, "max": 1}, "number", [("range_reversed", "min")]),
])
def test_min_and_max_are_checked(extra, qtype, expected):
    from scoring.definition.validate import validate_definition
    from tests.scoring.fixtures.builders import one_area, question

    scoring = {"scoring": {"method": "linear", "best": 0, "worst": 10}} if qtype in ("number", "percent") else {}
    definition = one_area(question("q", qtype, **extra, **scoring))
    found = [(p.code, p.location.rsplit(".", 1)[-1]) for p in validate_definition(definition)]
    assert found == expected
