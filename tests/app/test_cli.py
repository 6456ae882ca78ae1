"""The mgf command group: init, demo, users create, users token."""

from mgf_assess.auth.models import User
from mgf_assess.demo.accounts import DEMO_PASSWORD
from mgf_assess.extensions import db


def _user(app, email):
    with app.app_context():
        return db.session.scalar(db.select(User).filter_by(email=email))


def test_users_create_with_password_option(app, runner):
    result = runner.invoke(args=["mgf", "users", "create", "--email", "Ana@Example.org", "--name", "Ana",
                                 "--role", "focal_point", "--country", "ken", "--password", "long-enough-pw"])
    assert result.exit_code == 0, result.output
    user = _user(app, "ana@example.org")
    assert (user.role, user.country_code) == ("focal_point", "KEN")


def test_users_create_reads_password_from_environment(app, runner, monkeypatch):
    monkeypatch.setenv("MGF_PASSWORD", "from-the-environment")
    result = runner.invoke(args=["mgf", "users", "create", "--email", "env@example.org", "--name", "E",
                                 "--role", "analyst"])
    assert result.exit_code == 0, result.output
    from mgf_assess.auth.passwords import verify_password

    assert verify_password(_user(app, "env@example.org").password_hash, "from-the-environment")


def test_users_create_prompts_without_password(app, runner, monkeypatch):
    monkeypatch.delenv("MGF_PASSWORD", raising=False)
    result = runner.invoke(args=["mgf", "users", "create", "--email", "p@example.org", "--name", "P",
                                 "--role", "admin"], input="typed-password-1\ntyped-password-1\n")
    assert result.exit_code == 0, result.output
    assert _user(app, "p@example.org").role == "admin"


def test_users_create_reports_problems_and_stores_nothing(app, runner):
    result = runner.invoke(args=["mgf", "users", "create", "--email", "x@example.org", "--name", "X",
                                 "--role", "contributor", "--password", "short"])
    assert result.exit_code == 2
    assert "country" in result.output and "password" in result.output
    assert _user(app, "x@example.org") is None


def test_users_token_prints_token_as_last_line(app, runner, make_user):
    email = make_user(role="analyst", country=None)
    result = runner.invoke(args=["mgf", "users", "token", email])
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    response = app.test_client().get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.get_json()["email"] == email


def test_users_token_for_unknown_email_fails(runner):
    result = runner.invoke(args=["mgf", "users", "token", "nobody@example.org"])
    assert result.exit_code == 2 and "no account" in result.output


def test_demo_is_idempotent_and_prints_logins(app, runner):
    first = runner.invoke(args=["mgf", "demo"])
    second = runner.invoke(args=["mgf", "demo"])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert "admin@demo.mgf" in second.output and DEMO_PASSWORD in second.output
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(User.id))) == 8
        evaluator = db.session.scalar(db.select(User).filter_by(email="evaluator@demo.mgf"))
        assert {c.code for c in evaluator.evaluated_countries} == {"KEN", "MEX", "SEN", "JOR"}


def test_init_is_idempotent(tmp_path, monkeypatch):
    from mgf_assess import create_app

    url = "sqlite:///" + str(tmp_path / "init.sqlite3")
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url, "UPLOAD_FOLDER": str(tmp_path)})
    runner = app.test_cli_runner()
    first, second = runner.invoke(args=["mgf", "init"]), runner.invoke(args=["mgf", "init"])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert "0 countries" in second.output
    with app.app_context():
        db.engine.dispose()
