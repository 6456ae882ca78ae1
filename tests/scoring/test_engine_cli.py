"""``python -m scoring score``: exit statuses 0/1/2 and output on the right stream."""

import json
import subprocess
import sys
from pathlib import Path

from scoring.cli.main import main
from tests.scoring.fixtures.builders import fixture

ROOT = Path(__file__).resolve().parents[2]


def test_score_command_in_a_subprocess():
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "scoring",
            "score",
            str(fixture("mgf/2026.1.yaml")),
            str(fixture("answers/mgf-2026.1.yaml")),
        ],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout.decode("utf-8"))
    assert list(result)[:6] == [
        "questionnaire",
        "version",
        "overall",
        "domains",
        "gaps",
        "recommendations",
    ]
    assert result["overall"]["score"] == 50.0
    assert completed.stderr == b""


def test_invalid_answers_exit_2_listing_every_problem(capsys):
    status = main(
        ["score", str(fixture("mgf/2026.1.yaml")), str(fixture("answers/mgf-2026.1-invalid.json"))]
    )
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert "answers.rights_health_acess: no question 'rights_health_acess'" in captured.err
    assert "did you mean 'rights_health_access'?" in captured.err
    for code in ("unknown_question", "value_with_status", "justification_required", "out_of_range"):
        assert f"[{code}]" in captured.err


def test_invalid_definition_exits_1(capsys):
    status = main(
        [
            "score",
            str(fixture("broken/1.0.yaml")),
            str(fixture("answers/mgf-2026.1.yaml")),
        ]
    )
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out == ""
    assert "broken/1.0.yaml" in captured.err


def test_missing_definition_file_exits_1(capsys, tmp_path):
    status = main(["score", str(tmp_path / "none.yaml"), str(fixture("answers/mgf-2026.1.yaml"))])
    assert status == 1
    assert capsys.readouterr().err


def test_unreadable_answers_exit_2(capsys, tmp_path):
    broken = tmp_path / "answers.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["score", str(fixture("mgf/2026.1.yaml")), str(broken)]) == 2
    assert "answers.json" in capsys.readouterr().err


def test_yaml_and_json_answers_give_the_same_output(capsys, tmp_path):
    converted = tmp_path / "answers.json"
    converted.write_text(
        json.dumps(
            {
                "questionnaire": "mgf",
                "version": "2026.1",
                "answers": {"rights_health_access": "regular_only"},
            }
        )
    )
    assert main(["score", str(fixture("mgf/2026.1.yaml")), str(converted)]) == 0
    from_json = capsys.readouterr().out
    assert (
        main(
            [
                "score",
                str(fixture("mgf/2026.1.yaml")),
                str(fixture("answers/mgf-2026.1.yaml")),
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == from_json
