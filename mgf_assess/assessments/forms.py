"""Forms: section forms generated from the definition (one field factory per question type),
opening an assessment, assignments, evidence, submission.

A section form holds one sub-form per question, named by the question id, with the fields
``value``, ``status`` and ``justification`` (only where the definition allows not applicable or
don't know) and the hidden ``base_revision`` the answer was displayed at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    Field,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms import Form as PlainForm
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, DateInput, ListWidget, NumberInput

from mgf_assess.assessments.evidence import MAX_CITATION, MAX_URL
from mgf_assess.assessments.labels import EVIDENCE_KIND_LABELS, STATUS_LABELS
from mgf_assess.core.forms import choices
from mgf_assess.core.limits import TEXT_MAX
from mgf_assess.i18n import localized
from scoring.api import Question


class MultiCheckboxField(SelectMultipleField):
    """Several options as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


@dataclass(frozen=True)
class FieldType:
    """How one question type becomes a field, and how the field's data becomes an answer value."""

    make: Callable[[Question, object, str], Field]  # (question, label, help) → unbound field
    read: Callable[[object], object]  # field data → answer value (None = no answer)
    show: Callable[[object], object]  # stored value → field data


def _options(question: Question):
    return choices((option.code, localized(option.label)) for option in question.options)


def _text_or_none(data) -> str | None:
    return data if isinstance(data, str) and data.strip() else None


def _number_text(value) -> str | None:
    return None if value is None else str(value)


def _yes_no(question, label, help_text):
    return RadioField(label, choices=choices([("yes", _l("Yes")), ("no", _l("No"))]),
                      description=help_text, validate_choice=False)


def _single(question, label, help_text):
    return RadioField(label, choices=_options(question), description=help_text, validate_choice=False)


def _multi(question, label, help_text):
    return MultiCheckboxField(label, choices=_options(question), description=help_text, validate_choice=False)


def _number(question, label, help_text):
    """A number input; the browser's own check knows the range a question declares (the server
    checks it again, and always the ±10¹⁵ and 0–100 limits)."""
    declared = question.type == "percent" or question.min is not None or question.max is not None
    low, high = question.value_range
    bounds = {"min": str(low), "max": str(high)} if declared else {}
    return StringField(label, description=help_text, widget=NumberInput(step="any", **bounds),
                       render_kw={"inputmode": "decimal"})


def _text(question, label, help_text):
    return TextAreaField(label, description=help_text, render_kw={"rows": 4})


def _date(question, label, help_text):
    return StringField(label, description=help_text, widget=DateInput())


FIELD_TYPES: dict[str, FieldType] = {
    "yes_no": FieldType(_yes_no, _text_or_none, lambda v: v),
    "single_choice": FieldType(_single, _text_or_none, lambda v: v),
    "multi_choice": FieldType(_multi, lambda data: list(data) if data else None, lambda v: list(v or [])),
    "number": FieldType(_number, _text_or_none, _number_text),
    "percent": FieldType(_number, _text_or_none, _number_text),
    "text": FieldType(_text, _text_or_none, lambda v: v),
    "date": FieldType(_date, _text_or_none, lambda v: v),
}


def status_codes(question: Question) -> list[str]:
    """The answer statuses a question allows; a single one means no choice is shown."""
    return ["answered"] + (["na"] if question.allow_na else []) + (["unknown"] if question.allow_unknown else [])


def _justification_help(question: Question):
    if question.allow_na:
        return _l("Required when the question is not applicable: explain why.")
    return _l("Optional: say which information is missing.")


def question_form_class(question: Question) -> type[PlainForm]:
    """The sub-form of one question, its labels in the current language."""
    attributes = {
        "value": FIELD_TYPES[question.type].make(question, localized(question.label), localized(question.help)),
        "base_revision": HiddenField(default="0"),
    }
    codes = status_codes(question)
    if len(codes) > 1:
        attributes["status"] = RadioField(_l("Answer status"), default="answered", validate_choice=False,
                                          choices=choices((code, STATUS_LABELS[code]) for code in codes))
        attributes["justification"] = TextAreaField(_l("Justification"), render_kw={"rows": 2},
                                                    description=_justification_help(question))
    return type(f"Question_{question.id}", (PlainForm,), attributes)


def section_form_class(questions: list[Question]) -> type[FlaskForm]:
    """The form of one area: a sub-form per question, named by the question id."""
    return type("SectionForm", (FlaskForm,), {q.id: FormField(question_form_class(q)) for q in questions})


def form_data(question: Question, answer) -> dict:
    """A question's sub-form data from its stored answer (None: never answered)."""
    if answer is None:
        return {"base_revision": "0"}
    data = {"base_revision": str(answer.revision),
            "value": FIELD_TYPES[question.type].show(answer.value) if answer.status == "answered" else None}
    if len(status_codes(question)) > 1:
        data.update(status=answer.status, justification=answer.justification or "")
    return data


def payload_of(question: Question, subform) -> dict | None:
    """The answer payload (for ``operations.save_answer``) a sub-form holds; None = no answer."""
    status = subform.status.data if "status" in subform and subform.status.data else "answered"
    if status != "answered":
        return {"status": status, "value": None,
                "justification": _text_or_none(subform.justification.data)}
    value = FIELD_TYPES[question.type].read(subform.value.data)
    return None if value is None else {"value": value}


def base_revision_of(subform) -> int:
    text = subform.base_revision.data or "0"
    return int(text) if text.isdigit() else -1  # a tampered revision can only conflict


class OpenAssessmentForm(FlaskForm):
    country = SelectField(_l("Country"), validators=[DataRequired()])
    questionnaire = SelectField(_l("Questionnaire version"), validators=[DataRequired()])
    cycle = IntegerField(_l("Cycle (year)"), validators=[DataRequired(), NumberRange(2000, 2100)])


class AssignmentForm(FlaskForm):
    scopes = MultiCheckboxField(_l("Domains and areas"), validators=[Optional()], validate_choice=False)


class EvidenceForm(FlaskForm):
    kind = SelectField(_l("Type of evidence"), choices=lambda: choices(EVIDENCE_KIND_LABELS.items()))
    citation = TextAreaField(_l("Citation"), validators=[Length(max=MAX_CITATION)], render_kw={"rows": 2},
                             description=_l("Title, number and date of the law, policy, programme or data source."))
    url = URLField(_l("Link (optional)"), validators=[Optional(), Length(max=MAX_URL)])
    file = FileField(_l("File (optional)"),
                     description=_l("PDF, Word, Excel, PowerPoint, OpenDocument, image, text or CSV."))


class TransitionForm(FlaskForm):
    """A workflow transition (``action``, a name of the workflow table) with its comment."""

    action = HiddenField()  # read by the route (the submit page's legacy address implies it)
    comment = TextAreaField(_l("Comment for the evaluators (optional)"), validators=[Optional(), Length(max=TEXT_MAX)],
                            render_kw={"rows": 3})
