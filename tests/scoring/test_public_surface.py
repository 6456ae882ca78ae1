"""The application uses the scoring library only through ``scoring.api`` (DESIGN §2).

Every ``.py`` file under ``mgf_assess/`` is parsed (never imported) and each import of
``scoring`` is checked, including imports inside functions: only ``from scoring.api import …``
and ``from scoring import api`` are allowed.
"""

import ast
from pathlib import Path

import pytest

import scoring.api

ROOT = Path(__file__).resolve().parents[2]
APPLICATION = ROOT / "mgf_assess"
PUBLIC = "scoring.api"


def _is_scoring(module: str | None) -> bool:
    return module is not None and (module == "scoring" or module.startswith("scoring."))


def _import_problem(node: ast.AST) -> str | None:
    """Why ``node`` imports scoring other than through scoring.api, or None when it does not."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names if _is_scoring(alias.name)]
        return f"import {', '.join(names)}" if names else None
    if isinstance(node, ast.ImportFrom) and node.level == 0 and _is_scoring(node.module):
        names = [alias.name for alias in node.names]
        if node.module == PUBLIC or (node.module == "scoring" and names == ["api"]):
            return None
        return f"from {node.module} import {', '.join(names)}"
    if isinstance(node, ast.Call) and _imports_module_by_name(node):
        return f"import_module({node.args[0].value!r})"
    return None


def _imports_module_by_name(call: ast.Call) -> bool:
    # importlib.import_module("scoring.engine") and __import__("scoring.engine") count too.
    name = getattr(call.func, "attr", None) or getattr(call.func, "id", None)
    if name not in ("import_module", "__import__") or not call.args:
        return False
    first = call.args[0]
    return isinstance(first, ast.Constant) and isinstance(first.value, str) and (
        _is_scoring(first.value) and first.value != PUBLIC
    )


def imports_outside_api(source: str, filename: str) -> list[str]:
    """``FILE:LINE: statement`` for every import of scoring in ``source`` not via scoring.api."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        problem = _import_problem(node)
        if problem is not None:
            found.append(f"{filename}:{node.lineno}: {problem} (use from scoring.api import ...)")
    return sorted(found, key=lambda line: int(line.split(":")[1]))


def test_the_application_imports_scoring_only_through_the_api():
    files = sorted(APPLICATION.rglob("*.py"))
    assert len(files) > 20, "the application's sources were not found"
    found = []
    for path in files:
        relative = path.relative_to(ROOT).as_posix()
        found += imports_outside_api(path.read_text(encoding="utf-8"), relative)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "from scoring.engine import score\n",
        "import scoring\n",
        "import scoring.api\n",
        "import scoring.engine as engine\n",
        "from scoring import engine\n",
        "from scoring import api, engine\n",
        "from scoring import ENGINE_VERSION\n",
        "def lazy():\n    from scoring.definition.loader import load_definition\n",
        "import importlib\nimportlib.import_module('scoring.engine.score')\n",
    ],
)
def test_the_checker_refuses_imports_around_the_api(source):
    (problem,) = imports_outside_api(source, "mgf_assess/fake.py")
    assert problem.startswith("mgf_assess/fake.py:")
    line = int(problem.split(":")[1])
    assert "scoring" in source.splitlines()[line - 1]


def test_the_checker_names_file_and_line():
    source = "import json\n\nfrom scoring.api import score\nfrom scoring.engine import score\n"
    assert imports_outside_api(source, "mgf_assess/x.py") == [
        "mgf_assess/x.py:4: from scoring.engine import score (use from scoring.api import ...)"
    ]


@pytest.mark.parametrize(
    "source",
    [
        "from scoring.api import Definition, score\n",
        "from scoring.api import Answer as TypedAnswer\n",
        "from scoring import api\n",
        "def lazy():\n    from scoring.api import write_xlsform\n",
        "from mgf_assess.assessments.scoring_bridge import score_assessment\n",
        "from .scoring import something\n",
        "import scoring_extra\n",
    ],
)
def test_the_checker_accepts_the_api_and_other_modules(source):
    assert imports_outside_api(source, "mgf_assess/fake.py") == []


def test_every_public_name_resolves():
    assert sorted(scoring.api.__all__) == sorted(set(scoring.api.__all__))
    for name in scoring.api.__all__:
        assert getattr(scoring.api, name) is not None, name
    with pytest.raises(AttributeError):
        scoring.api.no_such_name  # noqa: B018
