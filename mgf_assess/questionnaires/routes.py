"""Questionnaire versions: list, outline, lifecycle (admins) and differences between versions."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.forms import ActionForm, choices
from mgf_assess.extensions import db
from mgf_assess.questionnaires import operations, queries
from mgf_assess.questionnaires.definitions import definition_of
from mgf_assess.questionnaires.forms import DiffForm, StatusForm
from mgf_assess.questionnaires.models import STATUS_LABELS

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


@bp.get("/")
@login_required
def index():
    policy.require(current_user, "questionnaires.view")
    families = queries.families()
    return render_template("questionnaires/index.html", families=families, action_form=ActionForm(),
                           diff_forms={family: _diff_form(v) for family, v in families.items()})


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
    return render_template("questionnaires/show.html", version=found, definition=definition_of(found),
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
