"""Forms of questionnaire administration."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from wtforms import HiddenField, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired, Length, Optional, Regexp

XLSFORM_MAX_MB = 10


class StatusForm(FlaskForm):
    status = HiddenField(validators=[AnyOf(["published", "retired"])])
    reason = StringField(_l("Reason (recorded in the audit log)"), validators=[Optional(), Length(max=500)])


class DiffForm(FlaskForm):
    """Chosen in a GET form: no CSRF token needed for reading."""

    class Meta:
        csrf = False

    old = SelectField(_l("From version"))
    new = SelectField(_l("To version"))


class XlsformUploadForm(FlaskForm):
    """An XLSForm workbook to import as a draft (nothing is stored until the draft is saved)."""

    workbook = FileField(_l("XLSForm workbook"), validators=[
        FileRequired(_l("Choose a workbook.")), FileAllowed(["xlsx"], _l("Upload an Excel workbook (.xlsx).")),
        FileSize(XLSFORM_MAX_MB * 1024 * 1024, message=_l("The workbook is larger than %(mb)d MB.",
                                                          mb=XLSFORM_MAX_MB))],
        description=_l("An .xlsx file in XLSForm (ODK, KoboToolbox). It becomes a draft version, with a "
                       "report of what each row became."))


class DraftForm(FlaskForm):
    """Saving an imported questionnaire as a draft version; id and version may be changed."""

    source = HiddenField(validators=[DataRequired()])
    file_name = HiddenField(validators=[Length(max=200)])
    family = StringField(_l("Questionnaire id"), validators=[
        DataRequired(), Length(max=64), Regexp(r"^[a-z0-9_]+$", message=_l("Use a-z, 0-9 and _ only."))],
        description=_l("Lowercase letters, digits and _: the folder of its files."))
    version = StringField(_l("Version"), validators=[
        DataRequired(), Length(max=32),
        Regexp(r"^[0-9A-Za-z][0-9A-Za-z._-]*$", message=_l("Use letters, digits, '.', '_' and '-' only."))],
        description=_l("For example 2026.2: the name of its file."))
