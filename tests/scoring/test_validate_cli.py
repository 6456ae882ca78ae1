"""``python -m scoring validate`` and ``python -m scoring schema``: output and exit status."""

import json
import re
import subprocess
import sys
from pathlib import Path

from scoring.cli.main import main

HERE = Path(__file__).parent
VALID = HERE / "valid"
INVALID = HERE / "invalid"
LINE = re.compile(r"^(?P<file>[^:]+):(?P<location>[^:]*): (?P<code>[a-z0-9_]+)( \(warning\))? .+ Fix: .+$")


def run(capsys, *argv):
    status = main(list(argv))
    return status, capsys.readouterr().out.splitlines()


def test_valid_folder_exits_zero(capsys):
    status, lines = run(capsys, "validate", str(VALID))
    assert status == 0
    assert lines == ["3 files checked: all valid."]


def test_invalid_file_exits_one_and_lists_every_issue(capsys):
    path = INVALID / "three_problems" / "mgf" / "2026.1.yaml"
    status, lines = run(capsys, "validate", str(path))
    assert status == 1
    assert [LINE.match(line)["code"] for line in lines[:-1]] == ["unknown_target_band", "duplicate_id",
                                                                 "missing_options"]
    assert all(LINE.match(line)["file"] == str(path) for line in lines[:-1])
    assert lines[-1] == "1 file checked: 3 errors, 0 warnings; 1 file invalid."


def test_warnings_alone_exit_zero(capsys):
    status, lines = run(capsys, "validate", str(INVALID / "missing_translation_draft"))
    assert status == 0
    assert LINE.match(lines[0])["code"] == "missing_translation" and "(warning)" in lines[0]


def test_a_missing_path_is_an_error(capsys, tmp_path):
    status, lines = run(capsys, "validate", str(VALID), str(tmp_path / "nothing"))
    assert status == 1
    assert LINE.match(lines[0])["code"] == "path_not_found"


def test_an_empty_folder_is_an_error(capsys, tmp_path):
    status, lines = run(capsys, "validate", str(tmp_path))
    assert status == 1 and LINE.match(lines[0])["code"] == "no_yaml_files"


def test_folders_are_searched_recursively(capsys):
    status, lines = run(capsys, "validate", str(INVALID))
    assert status == 1
    checked = int(lines[-1].split()[0])
    assert checked == len([p for p in INVALID.rglob("*") if p.suffix in (".yaml", ".yml")])
    assert all(LINE.match(line) for line in lines[:-1])


def test_schema_prints_the_json_schema(capsys):
    status, lines = run(capsys, "schema")
    schema = json.loads("\n".join(lines))
    assert status == 0 and schema["$id"] and "domains" in schema["properties"]


def test_module_runs_as_a_program():
    path = INVALID / "unknown_key" / "mgf" / "2026.1.yaml"
    result = subprocess.run([sys.executable, "-m", "scoring", "validate", str(path)], capture_output=True,
                            text=True, cwd=HERE.parent.parent, check=False, timeout=60)
    assert result.returncode == 1
    assert f"{path}:domains[0].areas[0].questions[0].hepl: unknown_key" in result.stdout
