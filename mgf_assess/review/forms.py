"""The review's forms on the section page: open a thread, reply to one."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, TextAreaField
from wtforms.validators import DataRequired, Length

from mgf_assess.core.forms import choices
from mgf_assess.core.limits import TEXT_MAX

TEXT_TOO_LONG = _l("The text is too long: at most %(max)d characters.")
KIND_CHOICES = [("query", _l("Query: ask the country to explain, correct or add evidence")),
                ("comment", _l("Comment: no answer expected"))]


class ThreadForm(FlaskForm):
    """An evaluator's new query or comment on a question."""

    kind = RadioField(_l("Kind"), choices=lambda: choices(KIND_CHOICES), default="query")
    text = TextAreaField(_l("Message"), validators=[DataRequired(_l("Write the message: the text is required.")),
                                                    Length(max=TEXT_MAX, message=TEXT_TOO_LONG)])
    internal = BooleanField(_l("Internal: visible to evaluators and administrators only, never to the country"))


class ReplyForm(FlaskForm):
    """A reply in a thread."""

    text = TextAreaField(_l("Your reply"), validators=[DataRequired(_l("Write the message: the text is required.")),
                                                       Length(max=TEXT_MAX, message=TEXT_TOO_LONG)])
