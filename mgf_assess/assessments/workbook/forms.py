"""The workbook page's forms: uploading a workbook, applying its preview."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired


class WorkbookUploadForm(FlaskForm):
    file = FileField(_l("Answers workbook (.xlsx)"),
                     validators=[FileRequired(_l("Choose the workbook to upload."))],
                     description=_l("The workbook downloaded from this assessment, filled in. Nothing is saved before "
                                    "you have seen the preview."))


def overwrite_choices(form) -> dict[str, int]:
    """The conflicts to resolve with the workbook's answer: ``choice-<question id>`` fields whose
    value is ``mine:<revision of the stored answer shown>``; anything else keeps the stored one."""
    chosen = {}
    for name, value in form.items():
        kind, _sep, revision = value.partition(":")
        if name.startswith("choice-") and kind == "mine" and revision.isdigit():
            chosen[name.removeprefix("choice-")] = int(revision)
    return chosen
