"""Questionnaire versions: list, outline, lifecycle (admins), differences between versions, XLSForm
import (upload, report, save the draft) and downloads (XLSForm, YAML)."""

from __future__ import annotations

import io
from pathlib import PurePath

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.forms import ActionForm, choices
from mgf_assess.extensions import db
from mgf_assess.i18n import use_questionnaire_language
from mgf_assess.questionnaires import operations, queries
from mgf_assess.questionnaires.definitions import definition_of
from mgf_assess.questionnaires.forms import DiffForm, DraftForm, StatusForm, XlsformUploadForm
from mgf_assess.questionnaires.labels import ROW_KINDS
from mgf_assess.questionnaires.models import STATUS_LABELS
from scoring.api import import_xlsform, write_xlsform

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

bp = Blueprint("questionnaires", __name__, url_prefix="/questionnaires", template_folder="templates")


def _version_or_404(family: str, version: str):
    found = queries.version_or_none(family, version)
    if found is None:
        abort(404)
    return found


def _diff_form(versions) -> DiffForm:
    form = DiffForm(request.args, old=versions[0].version, new=versions[-1].version)
    labels = [(v.version, f"{v.version} ({STATUS_LABELS[v.status]})") for v in versions]
    form.old.choices, form.new.choices = choices(labels), choices(labels)
    return form


@bp.context_processor
def _labels() -> dict:
    return {"ROW_KINDS": ROW_KINDS}


@bp.get("/")
@login_required
def index():
    policy.require(current_user, "questionnaires.view")
    families = queries.families()
    return render_template("questionnaires/index.html", families=families, action_form=ActionForm(),
                           diff_forms={family: _diff_form(v) for family, v in families.items()},
                           upload_form=XlsformUploadForm())


@bp.post("/load")
@login_required
def load():
    policy.require(current_user, "questionnaires.manage")
    if ActionForm().validate_on_submit():
        result = operations.load_folder(current_app.config["QUESTIONNAIRES_FOLDER"], current_user)
        db.session.commit()
        flash(_("Registered %(new)d, updated %(updated)d, unchanged %(same)d.", new=len(result.registered),
                updated=len(result.updated), same=len(result.unchanged)), "success")
        for path, why in result.refused:
            flash(_("Refused %(path)s: %(why)s", path=path, why=why), "error")
    return redirect(url_for("questionnaires.index"))


@bp.get("/<family>/<version>")
@login_required
def show(family: str, version: str):
    policy.require(current_user, "questionnaires.view")
    found = _version_or_404(family, version)
    definition = definition_of(found)
    use_questionnaire_language(definition)
    return render_template("questionnaires/show.html", version=found, definition=definition,
                           status_form=StatusForm())


@bp.post("/<family>/<version>/status")
@login_required
def change_status(family: str, version: str):
    policy.require(current_user, "questionnaires.manage")
    found = _version_or_404(family, version)
    form = StatusForm()
    if form.validate_on_submit():
        try:
            operations.set_status(current_user, found, form.status.data, form.reason.data or None)
            db.session.commit()
            flash(_("%(label)s is now %(status)s.", label=found.label,
                    status=STATUS_LABELS[found.status]), "success")
        except OperationError as error:
            db.session.rollback()
            flash(" ".join(error.problems.values()), "error")
    return redirect(url_for("questionnaires.show", family=family, version=version))


@bp.get("/<family>/diff")
@login_required
def diff(family: str):
    policy.require(current_user, "questionnaires.view")
    old = _version_or_404(family, request.args.get("old", ""))
    new = _version_or_404(family, request.args.get("new", ""))
    old_def, new_def = definition_of(old), definition_of(new)
    return render_template("questionnaires/diff.html", family=family, old=old, new=new,
                           old_def=old_def, new_def=new_def, diff=queries.diff(old_def, new_def))


@bp.post("/import")
@login_required
def import_workbook():
    """Read an uploaded XLSForm and show its import report; nothing is stored yet."""
    policy.require(current_user, "questionnaires.manage")
    upload_form = XlsformUploadForm()
    if not upload_form.validate_on_submit():
        return render_template("questionnaires/import.html", upload_form=upload_form, report=None,
                               draft_form=None), 422
    upload = upload_form.workbook.data
    name = PurePath(upload.filename or "form.xlsx").name[:200]
    result = import_xlsform(upload.stream, name)
    draft_form = None
    if result.ok:
        draft_form = DraftForm(formdata=None, source=result.yaml, file_name=name, family=result.definition.id,
                               version=result.definition.version)
    return render_template("questionnaires/import.html", upload_form=XlsformUploadForm(formdata=None),
                           report=result.report, draft_form=draft_form, yaml=result.yaml), 200 if result.ok else 422


@bp.post("/import/save")
@login_required
def save_import():
    """Register the imported questionnaire as a draft version."""
    policy.require(current_user, "questionnaires.manage")
    form = DraftForm()
    if form.validate_on_submit():
        try:
            found = operations.save_imported_draft(current_user, form.source.data, form.family.data,
                                                   form.version.data, form.file_name.data or None)
            db.session.commit()
            flash(_("%(label)s is saved as a draft.", label=found.label), "success")
            return redirect(url_for("questionnaires.show", family=found.family, version=found.version))
        except OperationError as error:
            db.session.rollback()
            form.version.errors = [*form.version.errors, *error.problems.values()]
    return render_template("questionnaires/import.html", upload_form=XlsformUploadForm(formdata=None), report=None,
                           draft_form=form, yaml=form.source.data), 422


@bp.get("/<family>/<version>/xlsform.xlsx")
@login_required
def download_xlsform(family: str, version: str):
    policy.require(current_user, "questionnaires.view")
    found = _version_or_404(family, version)
    buffer = io.BytesIO()
    write_xlsform(definition_of(found), buffer)
    buffer.seek(0)
    return send_file(buffer, mimetype=XLSX, as_attachment=True, download_name=f"{family}-{version}.xlsx")


@bp.get("/<family>/<version>/questionnaire.yaml")
@login_required
def download_yaml(family: str, version: str):
    policy.require(current_user, "questionnaires.view")
    found = _version_or_404(family, version)
    return Response(found.source, mimetype="application/yaml",
                    headers={"Content-Disposition": f'attachment; filename="{family}-{version}.yaml"'})
