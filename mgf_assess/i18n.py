"""Language selection and helpers for templates.

The UI language comes from, in order: the signed-in user's saved preference, the language
switcher (kept in the session), the browser's Accept-Language header, the configured default.
"""

from __future__ import annotations

from flask import current_app, g, has_app_context, has_request_context, request, session
from flask_babel import get_locale
from flask_login import current_user

from mgf_assess.config import LANGUAGES, RTL_LANGUAGES

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}


def select_locale() -> str:
    """Flask-Babel's locale selector."""
    if not has_request_context():  # command line: the configured default
        return current_app.config["DEFAULT_LANGUAGE"]
    user_language = getattr(current_user, "language", None) if _has_user() else None
    if user_language in LANGUAGES:
        return user_language
    if session.get("lang") in LANGUAGES:
        return session["lang"]
    best = request.accept_languages.best_match(LANGUAGES)
    return best or current_app.config["DEFAULT_LANGUAGE"]


def select_timezone() -> str:
    return "UTC"


def _has_user() -> bool:
    try:
        return bool(current_user and current_user.is_authenticated)
    except Exception:  # outside a request (CLI), there is no user to ask
        return False


def current_language() -> str:
    """The two-letter code of the language the current request is rendered in."""
    return str(get_locale() or "en").split("_")[0]


def text_direction(language: str | None = None) -> str:
    return "rtl" if (language or current_language()) in RTL_LANGUAGES else "ltr"


def localized(texts: dict | None, language: str | None = None) -> str:
    """Pick a definition text in the UI language; else in the source language of the
    questionnaire the page shows (``use_questionnaire_language``), else English, else any."""
    if not texts:
        return ""
    language = language or current_language()
    fallback = g.get("questionnaire_language") if has_app_context() else None
    return texts.get(language) or (fallback and texts.get(fallback)) or texts.get("en") or next(
        iter(texts.values()), "")


def use_questionnaire_language(definition) -> None:
    """Texts of this request fall back to the questionnaire's source language (the first of its
    languages), which every text has, rather than to English, which it may not have."""
    g.questionnaire_language = definition.source_language


def template_globals() -> dict:
    return {
        "LANGUAGES": LANGUAGES,
        "LANGUAGE_NAMES": LANGUAGE_NAMES,
        "current_language": current_language,
        "text_direction": text_direction,
        "localized": localized,
    }
