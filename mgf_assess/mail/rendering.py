"""Rendering a mail in its recipient's language: a subject, a plain-text body and an HTML body,
from the templates ``mail/<kind>.txt`` and ``mail/<kind>.html``; and the absolute links they
carry (the mail is read outside the site, so links start with ``BASE_URL``)."""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlsplit

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from mgf_assess.config import LANGUAGES

# The message kinds and their subjects (translated when rendered): a text, or a function of
# the mail's context that words it in the recipient's language.
SUBJECTS = {
    "password_reset": _l("Choose a new password for mgf-assess"),
    "invitation": _l("You are invited to mgf-assess"),
    "notification": lambda context: context["text_of"](context["notification"], context["language"]),
}


class Rendered(NamedTuple):
    subject: str
    text: str
    html: str


def render(kind: str, language: str | None, context: dict) -> Rendered:
    """The mail of ``kind`` in ``language`` (the default language when it is not one of the
    interface's), with ``context`` given to both templates."""
    if kind not in SUBJECTS:
        raise ValueError(f"unknown mail kind {kind!r}: add it to SUBJECTS and write "
                         f"mail/{kind}.txt and mail/{kind}.html")
    language = mail_language(language)
    values = {**context, "language": language}
    with force_locale(language):
        subject = SUBJECTS[kind]
        subject = subject(values) if callable(subject) else str(subject)
        return Rendered(subject, render_template(f"mail/{kind}.txt", **values),
                        render_template(f"mail/{kind}.html", **values))


def mail_language(language: str | None) -> str:
    return language if language in LANGUAGES else current_app.config["DEFAULT_LANGUAGE"]


def absolute_url(endpoint: str, **values) -> str:
    """The address of a page as a mail links to it: ``BASE_URL`` and the page's path; built
    the same inside a request and on the command line."""
    base = urlsplit(current_app.config["BASE_URL"])
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme)
    return adapter.build(endpoint, values, force_external=True)
