"""The scoring package stays pure: importing it never pulls in the web or database stack."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import importlib, json, pkgutil, sys
import scoring
names = sorted(m.name for m in pkgutil.iter_modules(scoring.__path__) if m.name != "__main__")
for name in names:
    importlib.import_module("scoring." + name)
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("flask", "sqlalchemy", "flask_sqlalchemy"))
print(json.dumps({"modules": names, "heavy": heavy}))
"""


def test_importing_every_scoring_module_imports_no_flask_or_sqlalchemy():
    completed = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)
    assert {"engine", "answers", "frames", "carry", "explain", "commands_score"} <= set(
        report["modules"]
    )
    assert report["heavy"] == []
