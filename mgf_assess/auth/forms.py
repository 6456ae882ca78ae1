"""Forms of sign-in, account and user administration."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    HiddenField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import DataRequired, EqualTo, Length, Optional

from mgf_assess.auth.password_policy import MAX_LENGTH, MIN_LENGTH
from mgf_assess.config import LANGUAGES
from mgf_assess.core.forms import choices
from mgf_assess.i18n import LANGUAGE_NAMES

ROLE_LABELS = {
    "admin": _l("Administrator"),
    "focal_point": _l("National focal point"),
    "contributor": _l("Contributor"),
    "evaluator": _l("IOM evaluator"),
    "analyst": _l("Programme analyst"),
}


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=1000)])


class PasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired()])
    password = PasswordField(
        _l("New password"), validators=[DataRequired(), Length(max=MAX_LENGTH)],
        description=_l("At least %(n)d characters and hard to guess, for example three or four "
                       "unrelated words.", n=MIN_LENGTH))
    confirm = PasswordField(_l("Repeat the new password"),
                            validators=[EqualTo("password", message=_l("The two passwords differ."))])


class CodeForm(FlaskForm):
    """The second step of a sign-in: a code from the app, or a recovery code."""

    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)],
                       render_kw={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"},
                       description=_l("The 6-digit code your authenticator app shows for mgf-assess, "
                                      "or one of your recovery codes."))


class SetupForm(FlaskForm):
    """Setting up two-step verification: the secret shown (signed), and a first code from the app."""

    setup = HiddenField()
    code = StringField(_l("Code from the app"), validators=[DataRequired(), Length(max=20)],
                       render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
                       description=_l("The 6-digit code the app shows once you have added the account."))


class ProofForm(FlaskForm):
    """Confirming it is really the user before a change to their two-step verification."""

    proof = PasswordField(_l("Your password, or a code from your authenticator app"),
                          validators=[DataRequired(), Length(max=MAX_LENGTH)])


class TokenForm(FlaskForm):
    name = StringField(_l("Token name"), validators=[DataRequired(), Length(max=100)],
                       description=_l("For example the name of the script or system that will use it."))


def _language_choices():
    return choices([("", _l("Browser default"))] + [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES])


class PreferencesForm(FlaskForm):
    language = SelectField(_l("Preferred language"), choices=_language_choices, validators=[Optional()])


class UserForm(FlaskForm):
    """Only length limits here: the account rules (valid e-mail, country for country roles,
    password strength) are checked together by the operation, so every problem shows at once."""

    email = EmailField(_l("E-mail"), validators=[Length(max=254)])
    name = StringField(_l("Name"), validators=[Length(max=200)])
    role = SelectField(_l("Role"), choices=lambda: choices(ROLE_LABELS.items()))
    country = SelectField(_l("Country"), validators=[Optional()],
                          description=_l("Required for focal points and contributors."))
    language = SelectField(_l("Preferred language"), choices=_language_choices, validators=[Optional()])
    password = PasswordField(
        _l("Initial password"), validators=[Length(max=MAX_LENGTH)],
        description=_l("At least %(n)d characters and hard to guess, for example three or four "
                       "unrelated words. Share it with the person securely.", n=MIN_LENGTH))


class DeactivateForm(FlaskForm):
    reason = StringField(_l("Reason"), validators=[Optional(), Length(max=500)])


class EvaluatorCountriesForm(FlaskForm):
    countries = SelectMultipleField(_l("Assigned countries"), validators=[Optional()])


class ResetRequestForm(FlaskForm):
    """Forgotten password: the one field, the account's e-mail address."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)],
                       render_kw={"autocomplete": "email"},
                       description=_l("The address you sign in with."))


class NewPasswordForm(FlaskForm):
    """Choosing a password through a link (a reset, or accepting an invitation)."""

    password = PasswordField(
        _l("New password"), validators=[DataRequired(), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "new-password"},
        description=_l("At least %(n)d characters and hard to guess, for example three or four "
                       "unrelated words.", n=MIN_LENGTH))
    confirm = PasswordField(_l("Repeat the new password"), render_kw={"autocomplete": "new-password"},
                            validators=[EqualTo("password", message=_l("The two passwords differ."))])


class AcceptInvitationForm(NewPasswordForm):
    name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=200)],
                       render_kw={"autocomplete": "name"}, description=_l("As your colleagues will see it."))


class InvitationForm(FlaskForm):
    """Inviting someone; the role and country choices are those the inviter may give."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    role = SelectField(_l("Role"))
    country = SelectField(_l("Country"), validators=[Optional()],
                          description=_l("Required for focal points and contributors."))
    language = SelectField(_l("Language"), choices=lambda: choices(
        (code, LANGUAGE_NAMES[code]) for code in LANGUAGES),
        description=_l("Of the invitation e-mail, and the person's preferred language."))
