"""Evaluators' countries from the command line: ``users create --country`` (repeated) and
``users countries``; both audited."""

import pytest

from mgf_assess.auth.models import User
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db

PASSWORD = "copper-lantern-meadow-violin"


def _create(runner, email, role, *countries):
    args = ["mgf", "users", "create", "--email", email, "--name", "Eva Luator", "--role", role, "--password", PASSWORD]
    for code in countries:
        args += ["--country", code]
    return runner.invoke(args=args)


def _countries(app, email):
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        return None if user is None else sorted(user.country_codes)


def _audited(app, action):
    with app.app_context():
        return [(e.old_value, e.new_value) for e in db.session.scalars(db.select(AuditEvent).filter_by(action=action))]


def test_an_evaluator_is_created_with_several_countries(app, runner):
    result = _create(runner, "eva@example.org", "evaluator", "KEN", "mex", "KEN")
    assert result.exit_code == 0, result.output
    assert "for KEN, MEX" in result.output and _countries(app, "eva@example.org") == ["KEN", "MEX"]
    assert _audited(app, "user.evaluator_countries") == [([], ["KEN", "MEX"])]
    assert len(_audited(app, "user.create")) == 1


@pytest.mark.parametrize(("role", "countries", "problem"), [
    ("focal_point", ("KEN", "MEX"), "only evaluators"), ("evaluator", ("KEN", "XXX"), "XXX")])
def test_a_refused_creation_stores_nothing(app, runner, role, countries, problem):
    result = _create(runner, "eva@example.org", role, *countries)
    assert result.exit_code == 2 and problem in result.output
    assert _countries(app, "eva@example.org") is None and _audited(app, "user.create") == []


def test_the_countries_of_an_evaluator_are_replaced(app, runner):
    _create(runner, "eva@example.org", "evaluator", "KEN")
    result = runner.invoke(args=["mgf", "users", "countries", "eva@example.org", "mex", "SEN"])
    assert result.exit_code == 0, result.output
    assert _countries(app, "eva@example.org") == ["MEX", "SEN"]
    assert _audited(app, "user.evaluator_countries")[-1] == (["KEN"], ["MEX", "SEN"])
    assert runner.invoke(args=["mgf", "users", "countries", "eva@example.org"]).exit_code == 2
    assert _countries(app, "eva@example.org") == ["MEX", "SEN"]
    assert runner.invoke(args=["mgf", "users", "countries", "eva@example.org", "--clear"]).exit_code == 0
    assert _countries(app, "eva@example.org") == []


@pytest.mark.parametrize(("args", "message"), [
    (["fp@example.org", "KEN"], "Only evaluators"), (["eva@example.org", "KEN", "ZZZ"], "ZZZ"),
    (["nobody@example.org", "KEN"], "no account")])
def test_refused_country_changes(app, runner, args, message):
    _create(runner, "eva@example.org", "evaluator", "KEN")
    _create(runner, "fp@example.org", "focal_point", "KEN")
    result = runner.invoke(args=["mgf", "users", "countries", *args])
    assert result.exit_code == 2 and message in result.output
    assert _countries(app, "eva@example.org") == ["KEN"]
