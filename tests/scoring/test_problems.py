"""The problem catalog: every code the library reports is in it, and every entry formats."""

import ast
import re
from pathlib import Path

import pytest

from scoring.problems.catalog import RESERVED, Catalog, placeholders
from scoring.problems.problem import AnswersError, DefinitionError, Problem

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "scoring"
CATALOG_PACKAGE = PACKAGE / "problems"
ENTRIES = list(Catalog)


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.name for entry in ENTRIES])
def test_every_entry_formats_with_its_placeholders(entry):
    values = {name: f"<{name}>" for name in entry.placeholders}
    problem = entry.at("domains[0]", **values)
    assert (problem.code, problem.location, problem.severity) == (entry.code, "domains[0]", entry.severity)
    assert problem.message and problem.fix
    for name in entry.placeholders:
        assert f"<{name}>" in problem.message + problem.fix
    assert entry.message(**values) == problem.message


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.name for entry in ENTRIES])
def test_every_entry_is_well_named(entry):
    assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", entry.code)
    assert re.fullmatch(r"[A-Z][A-Z0-9_]*(__[A-Z0-9_]+)?", entry.name)
    assert entry.severity in ("error", "warning")
    assert not entry.placeholders & RESERVED, "a placeholder would shadow a field of Problem"


def test_an_entry_refuses_values_it_has_no_placeholder_for():
    with pytest.raises(TypeError, match="MISSING_KEY has no placeholder verison"):
        Catalog.MISSING_KEY.at("version", key="version", verison="1")
    with pytest.raises(KeyError):
        Catalog.MISSING_KEY.at("version")


def test_codes_and_variants():
    assert Catalog.WRONG_TYPE__EVIDENCE.code == "wrong_type"
    assert Catalog.MISSING_TRANSLATION__DRAFT.code == "missing_translation"
    assert Catalog.MISSING_TRANSLATION__DRAFT.severity == "warning"
    assert placeholders("write {{{used}: ..., score: ...}} for {order!r:.5}") == {"used", "order"}


def _catalog_references(tree: ast.AST) -> list[tuple[int, str]]:
    return [(node.lineno, node.attr) for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id == "Catalog"]


def _direct_problems(tree: ast.AST) -> list[int]:
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem"]


def test_the_library_reports_problems_only_through_catalog_entries():
    unknown, inline = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT).as_posix()
        unknown += [f"{where}:{line}: Catalog.{name}" for line, name in _catalog_references(tree)
                    if name not in Catalog.__members__ and not hasattr(Catalog, name)]
        if CATALOG_PACKAGE not in path.parents:
            inline += [f"{where}:{line}: Problem(...)" for line in _direct_problems(tree)]
    assert unknown == [], "entries missing from the catalog:\n" + "\n".join(unknown)
    assert inline == [], "problems written inline instead of from the catalog:\n" + "\n".join(inline)


def _documented_codes(path: Path, heading: str) -> set[str]:
    section = path.read_text(encoding="utf-8").split(heading, 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9_]+)` \|", section, re.MULTILINE))


def test_the_documented_codes_are_the_catalog_codes_of_files_and_workbooks():
    documented = _documented_codes(ROOT / "questionnaires" / "README.md", "## Error codes")
    documented |= _documented_codes(ROOT / "questionnaires" / "XLSFORM.md", "## Import errors")
    codes = {entry.code for entry in Catalog}
    assert documented - codes == set()
    assert len(documented) > 60


def test_a_problem_renders_in_a_file_or_in_an_answers_document():
    problem = Catalog.NA_NOT_ALLOWED.at("answers.q1.status", question="q1")
    assert str(problem) == "answers.q1.status: this question does not allow not applicable [na_not_allowed]"
    assert str(Catalog.WRONG_TYPE__DOCUMENT.at("")) == "(file): an answers document must be a mapping [wrong_type]"
    placed = Catalog.DUPLICATE_LANGUAGE.at("languages[1]", language="fr").in_file("q.yaml", 7)
    assert str(placed) == ("q.yaml:languages[1]: duplicate_language the language 'fr' is listed twice (line 7) "
                           "Fix: list each language once")
    assert str(AnswersError([problem])) == str(problem)
    assert str(DefinitionError([placed])).splitlines() == ["1 error", str(placed)]
    assert isinstance(placed, Problem) and placed.is_error
