"""mgf-assess: governance self-assessments against IOM's Migration Governance Framework."""

from __future__ import annotations

import os

from flask import Flask

from mgf_assess import config as settings
from mgf_assess.extensions import babel, csrf, db, login_manager, migrate


def create_app(config: dict | None = None) -> Flask:
    """Application factory: environment settings, then ``config`` over them (tests pass one)."""
    app = Flask(__name__, instance_relative_config=True,
                instance_path=os.environ.get("MGF_INSTANCE_PATH") or None)
    os.makedirs(app.instance_path, exist_ok=True)
    given = config or {}
    app.config.update(settings.from_environment(app.instance_path))
    app.config.update(given)
    derived = settings.derived_settings(app.config, app.debug, app.instance_path)
    app.config.update({key: value for key, value in derived.items() if key not in given})  # explicit settings win
    _refuse_unsafe_production(app)
    _init_extensions(app)
    _register_features(app)
    return app


class UnsafeConfiguration(RuntimeError):
    """The application was asked to serve in production with an unsafe configuration."""


def _refuse_unsafe_production(app: Flask) -> None:
    if not app.config["PRODUCTION"]:
        return
    problems = settings.production_problems(app.config, app.debug)
    if problems:
        raise UnsafeConfiguration("mgf-assess will not start in production (MGF_ENV=production): "
                                  + "; ".join(problems) + ".")


def _init_extensions(app: Flask) -> None:
    from mgf_assess.auth.passwords import configure_hashing
    from mgf_assess.database import ping_when_idle, tune_sqlite
    from mgf_assess.i18n import select_locale, select_timezone
    from mgf_assess.storage import init_app as init_storage

    configure_hashing(fast=app.config["FAST_PASSWORD_HASHING"])
    db.init_app(app)
    migrate.init_app(app, db, directory=str(settings.REPO_ROOT / "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    init_storage(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            tune_sqlite(db.engine)
        else:
            ping_when_idle(db.engine, app.config["DATABASE_IDLE_PING_SECONDS"])


def _register_features(app: Flask) -> None:
    from mgf_assess import (
        api,
        assessments,
        auth,
        cli,
        comparisons,
        core,
        mail,
        notifications,
        questionnaires,
        reports,
        results,
        review,
    )

    core.init_app(app)
    mail.init_app(app)
    auth.init_app(app)
    questionnaires.init_app(app)
    assessments.init_app(app)
    results.init_app(app)
    review.init_app(app)
    notifications.init_app(app)
    api.init_app(app)
    reports.init_app(app)
    comparisons.init_app(app)
    cli.init_app(app)
