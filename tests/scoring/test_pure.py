"""The scoring package stays pure: importing it never pulls in the web or database stack.

Each probe runs in a fresh interpreter, so modules imported by other tests cannot hide a
heavy import.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WEB_AND_DATABASE = ("flask", "sqlalchemy", "flask_sqlalchemy")
EVERY_MODULE = """
import importlib, json, pkgutil, sys
import scoring
names = sorted(m.name for m in pkgutil.walk_packages(scoring.__path__, "scoring.")
               if not m.name.endswith("__main__"))
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "loaded": sorted({m.split(".")[0] for m in sys.modules})}))
"""
PUBLIC_SURFACE = """
import json, sys
import scoring.api
print(json.dumps({"modules": [], "loaded": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def probe(code: str) -> dict:
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_importing_every_scoring_module_imports_no_flask_or_sqlalchemy():
    report = probe(EVERY_MODULE)
    assert {
        "scoring.api",
        "scoring.engine.score",
        "scoring.answers.check",
        "scoring.frames",
        "scoring.engine.carry",
        "scoring.explain.nodes",
        "scoring.cli.score",
        "scoring.xlsform.read",
    } <= set(report["modules"])
    assert set(report["loaded"]) & set(WEB_AND_DATABASE) == set()


def test_importing_the_public_surface_stays_light():
    loaded = set(probe(PUBLIC_SURFACE)["loaded"])
    assert loaded & {*WEB_AND_DATABASE, "pandas", "openpyxl"} == set()
