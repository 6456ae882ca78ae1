"""Forms of questionnaire administration."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField
from wtforms.validators import AnyOf, Length, Optional


class StatusForm(FlaskForm):
    status = HiddenField(validators=[AnyOf(["published", "retired"])])
    reason = StringField(_l("Reason (recorded in the audit log)"), validators=[Optional(), Length(max=500)])


class DiffForm(FlaskForm):
    """Chosen in a GET form: no CSRF token needed for reading."""

    class Meta:
        csrf = False

    old = SelectField(_l("From version"))
    new = SelectField(_l("To version"))
