"""``mgf answers export`` and ``mgf answers import [--apply]``."""

from assess_helpers import save, stored, user
from workbook_support import edit, opened

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db


def _export(runner, assessment_id, path, *options):
    result = runner.invoke(args=["mgf", "answers", "export", str(assessment_id), str(path), *options])
    assert result.exit_code == 0, result.output
    return path.read_bytes()


def _import(runner, assessment_id, path, data, *options):
    path.write_bytes(data)
    return runner.invoke(args=["mgf", "answers", "import", str(assessment_id), str(path), *options])


def test_export_writes_the_workbook(runner, assessment_id, tmp_path):
    data = _export(runner, assessment_id, tmp_path / "out.xlsx", "--lang", "fr", "--scope", "plans")
    sheet = opened(data)["Answers"]
    assert sheet["G2"].value == "Réponse" and [sheet.cell(row, 1).value for row in (3, 4)] == ["q_plan", "q_plan_tested"]


def test_export_refuses_an_unknown_scope_or_assessment(runner, assessment_id, tmp_path):
    result = runner.invoke(args=["mgf", "answers", "export", str(assessment_id), str(tmp_path / "a.xlsx"), "--scope", "x"])
    assert result.exit_code == 1 and "no domain or area 'x'" in result.output
    result = runner.invoke(args=["mgf", "answers", "export", "999", str(tmp_path / "a.xlsx")])
    assert result.exit_code == 1 and "There is no assessment 999." in result.output


def test_import_is_a_dry_run_then_applies(app, runner, assessment_id, tmp_path):
    data = edit(_export(runner, assessment_id, tmp_path / "out.xlsx"), {"q_yes": {"answer": "Yes"}})
    dry = _import(runner, assessment_id, tmp_path / "in.xlsx", data)
    assert dry.exit_code == 0 and "change   row 3 q_yes: No answer → Yes" in dry.output
    assert "Dry run: nothing was saved." in dry.output and stored(app, assessment_id, "q_yes") is None
    applied = runner.invoke(args=["mgf", "answers", "import", str(assessment_id), str(tmp_path / "in.xlsx"), "--apply"])
    assert applied.exit_code == 0 and "Saved 1 answer." in applied.output
    assert stored(app, assessment_id, "q_yes").value == "yes"
    with app.app_context():
        event = db.session.scalar(db.select(AuditEvent).filter_by(action="answers.import"))
        assert event.actor_id is None and event.new_value["saved"] == ["q_yes"]


def test_conflicts_are_kept_unless_overwritten(app, runner, make_user, assessment_id, tmp_path):
    data = edit(_export(runner, assessment_id, tmp_path / "out.xlsx"), {"q_yes": {"answer": "Yes"},
                                                                       "q_choice": {"answer": "a"}})
    save(app, assessment_id, "q_yes", {"value": "no"}, make_user(role="focal_point", name="Grace Other"))
    save(app, assessment_id, "q_choice", {"value": "b"})
    result = _import(runner, assessment_id, tmp_path / "in.xlsx", data, "--apply", "--overwrite", "q_yes",
                     "--overwrite", "q_text")
    assert result.exit_code == 0, result.output
    assert "conflict row 3 q_yes: stored No (Grace Other" in result.output
    assert "q_text is not a conflict of this workbook" in result.output
    assert (stored(app, assessment_id, "q_yes").value, stored(app, assessment_id, "q_choice").value) == ("yes", "b")


def test_invalid_cells_exit_2_and_save_nothing(app, runner, assessment_id, tmp_path):
    data = edit(_export(runner, assessment_id, tmp_path / "out.xlsx"), {"q_yes": {"answer": "Yes"},
                                                                       "q_percent": {"answer": 150}})
    result = _import(runner, assessment_id, tmp_path / "in.xlsx", data, "--apply")
    assert result.exit_code == 2 and "invalid  Answers!G8: Enter a percentage from 0 to 100." in result.output
    assert stored(app, assessment_id, "q_yes") is None


def test_refused_files_exit_1(app, runner, assessment_id, tmp_path):
    result = _import(runner, assessment_id, tmp_path / "in.xlsx", b"not a workbook", "--apply")
    assert result.exit_code == 1 and "This file is not an .xlsx workbook." in result.output


def test_as_a_contributor_only_assigned_sections_change(app, runner, make_user, assessment_id, tmp_path):
    email = make_user(role="contributor")
    contributor = user(app, email)
    with app.app_context():
        operations.set_assignments(None, db.session.get(Assessment, assessment_id), contributor, ["plans"])
        db.session.commit()
    data = edit(_export(runner, assessment_id, tmp_path / "out.xlsx", "--scope", "all"), {"q_yes": {"answer": "Yes"}})
    result = _import(runner, assessment_id, tmp_path / "in.xlsx", data, "--apply", "--user", email)
    assert result.exit_code == 2 and "refused  row 3 q_yes" in result.output
    evaluator = make_user(role="evaluator", country=None, evaluated=["KEN"])
    result = _import(runner, assessment_id, tmp_path / "in.xlsx", data, "--user", evaluator)
    assert result.exit_code == 1 and "may not use the answers workbook" in result.output


def test_a_submitted_assessment_refuses_imports(app, runner, assessment_id, tmp_path):
    data = edit(_export(runner, assessment_id, tmp_path / "out.xlsx"), {"q_yes": {"answer": "Yes"}})
    with app.app_context():
        db.session.get(Assessment, assessment_id).state = "submitted"
        db.session.commit()
    result = _import(runner, assessment_id, tmp_path / "in.xlsx", data, "--apply")
    assert result.exit_code == 1 and "answers cannot change now" in result.output
