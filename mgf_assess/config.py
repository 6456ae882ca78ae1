"""Configuration from environment variables, with safe defaults.

Every setting can be given as an environment variable of the same name. Nothing secret is
written in code: without ``SECRET_KEY`` a random key is generated once and kept in the
instance folder, so sessions survive restarts.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

LANGUAGES = ("en", "fr", "es", "ar")
RTL_LANGUAGES = ("ar",)
REPO_ROOT = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a whole number: set it to one "
                         f"(default {default}) or leave it unset.") from None


def instance_secret_key(instance_path: str) -> str:
    """Read the instance's secret key, creating it (readable by the owner only) on first use."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def default_database_url(instance_path: str) -> str:
    return "sqlite:///" + str(Path(instance_path) / "mgf_assess.sqlite3")


def from_environment(instance_path: str) -> dict:
    """The settings of a deployment: environment variables over safe defaults."""
    env = os.environ
    return {
        "SECRET_KEY": env.get("SECRET_KEY"),
        "SQLALCHEMY_DATABASE_URI": env.get("DATABASE_URL") or default_database_url(instance_path),
        "UPLOAD_FOLDER": env.get("UPLOAD_FOLDER") or str(Path(instance_path) / "uploads"),
        # Files in an object store instead of UPLOAD_FOLDER (s3://bucket/prefix; see mgf_assess.storage)
        "STORAGE_URL": env.get("STORAGE_URL", "").strip(),
        "STORAGE_ENDPOINT_URL": env.get("STORAGE_ENDPOINT_URL", "").strip(),
        "MAX_UPLOAD_MB": int(env.get("MAX_UPLOAD_MB", "20")),
        "MAX_JSON_KB": int(env.get("MAX_JSON_KB", "1024")),  # a JSON request body; larger ones get 413
        "DEFAULT_LANGUAGE": env.get("DEFAULT_LANGUAGE", "en"),
        "QUESTIONNAIRES_FOLDER": env.get("QUESTIONNAIRES_FOLDER") or str(REPO_ROOT / "questionnaires"),
        "SECURE_COOKIES": _env_bool("SECURE_COOKIES", True),
        "LOGIN_MAX_FAILURES": int(env.get("LOGIN_MAX_FAILURES", "5")),
        "LOGIN_MAX_FAILURES_PER_CLIENT": int(env.get("LOGIN_MAX_FAILURES_PER_CLIENT", "20")),
        "LOGIN_LOCK_MINUTES": int(env.get("LOGIN_LOCK_MINUTES", "15")),
        # A browser session ends after this long without a request, and this long after sign-in
        "SESSION_IDLE_MINUTES": _env_int("SESSION_IDLE_MINUTES", 120),
        "SESSION_MAX_HOURS": _env_int("SESSION_MAX_HOURS", 12),
        # Roles that must sign in with two-step verification (comma-separated; empty: none)
        "MFA_REQUIRED_ROLES": env.get("MFA_REQUIRED_ROLES", "admin,evaluator"),
        # PostgreSQL: a pooled connection idle this long is checked before use
        "DATABASE_IDLE_PING_SECONDS": float(env.get("DATABASE_IDLE_PING_SECONDS", "10")),
        # Folder of DejaVuSans.ttf and DejaVuSans-Bold.ttf, the one font family of PDF reports
        "REPORT_FONT_DIR": env.get("REPORT_FONT_DIR") or "/usr/share/fonts/truetype/dejavu",
        "FAST_PASSWORD_HASHING": False,  # tests only: cheap argon2 parameters
        **mail_settings(),
        # production: refuse to start with debug on, no SECRET_KEY or an unwritable upload folder
        # (when files are kept there)
        "PRODUCTION": env.get("MGF_ENV", "").strip().lower() == "production",
    }


def mail_settings() -> dict:
    """Outgoing mail (see ``mgf_assess.mail``): the SMTP server, or none (mails go to the log),
    and the address that links in mails start with."""
    env = os.environ
    return {
        "BASE_URL": (env.get("BASE_URL") or "http://127.0.0.1:5000").rstrip("/"),
        "MAIL_SERVER": env.get("MAIL_SERVER", "").strip(),
        "MAIL_PORT": _env_int("MAIL_PORT", 25),
        "MAIL_USERNAME": env.get("MAIL_USERNAME", "").strip(),
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD", ""),
        "MAIL_USE_TLS": _env_bool("MAIL_USE_TLS", False),
        "MAIL_FROM": env.get("MAIL_FROM", "").strip(),
        # The serving process delivers the outbox in a background thread, waking this often
        "MAIL_BACKGROUND": _env_bool("MAIL_BACKGROUND", True),
        "MAIL_POLL_SECONDS": _env_int("MAIL_POLL_SECONDS", 5),
        # Forgotten-password requests accepted per address and per client within the window
        "PASSWORD_RESET_MAX_PER_ADDRESS": _env_int("PASSWORD_RESET_MAX_PER_ADDRESS", 3),
        "PASSWORD_RESET_MAX_PER_CLIENT": _env_int("PASSWORD_RESET_MAX_PER_CLIENT", 10),
        "PASSWORD_RESET_WINDOW_MINUTES": _env_int("PASSWORD_RESET_WINDOW_MINUTES", 60),
    }


def production_problems(config: dict, debug: bool) -> list[str]:
    """Why the application must not serve in production with this configuration (empty: fine)."""
    problems = []
    if debug:
        problems.append("debug mode is on: unset FLASK_DEBUG (the debugger would let anyone run code)")
    if not config.get("SECRET_KEY_FROM_ENVIRONMENT"):
        problems.append("SECRET_KEY is not set: set it to the same long random value on every server")
    if not (config.get("STORAGE_URL") or "").strip() and not _writable(config["UPLOAD_FOLDER"]):
        problems.append(f"the upload folder {config['UPLOAD_FOLDER']} is not writable: create it and give "
                        "the service's user write access, or set UPLOAD_FOLDER")
    return problems


def _writable(folder: str) -> bool:
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(path, os.W_OK | os.X_OK)


def derived_settings(config: dict, debug: bool, instance_path: str) -> dict:
    """Settings that follow from others: secret key, cookie flags, Babel, upload limits."""
    given = config.get("SECRET_KEY")
    secret_key = given or instance_secret_key(instance_path)
    secure = bool(config.get("SECURE_COOKIES", True)) and not debug and not config.get("TESTING")
    return {
        "SECRET_KEY": secret_key,
        "SECRET_KEY_FROM_ENVIRONMENT": bool(given),
        "SESSION_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_SECURE": secure,
        "SESSION_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "MAX_CONTENT_LENGTH": (config["MAX_UPLOAD_MB"] + 1) * 1024 * 1024,
        "BABEL_DEFAULT_LOCALE": config["DEFAULT_LANGUAGE"],
        "BABEL_TRANSLATION_DIRECTORIES": str(REPO_ROOT / "translations"),
        "SQLALCHEMY_ENGINE_OPTIONS": _engine_options(config["SQLALCHEMY_DATABASE_URI"]),
    }


def _engine_options(url: str) -> dict:
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": 15, "check_same_thread": False}}
    return {}  # stale connections: see ``database.ping_when_idle``
