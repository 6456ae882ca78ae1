"""Corridors, defined by analysts and admins: ``/comparisons/corridors`` lists them with a form
for a new one, ``/comparisons/corridors/<id>`` changes one, ``…/delete`` deletes it."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mgf_assess.comparisons import operations, queries
from mgf_assess.comparisons.forms import CorridorForm
from mgf_assess.comparisons.routes import bp
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.forms import ActionForm
from mgf_assess.extensions import db


def _corridor(corridor_id: int):
    policy.require(current_user, "corridors.manage")
    corridor = queries.corridor_or_none(corridor_id)
    if corridor is None:
        abort(404)
    return corridor


def _page(form: CorridorForm, corridor=None):
    return render_template("comparisons/corridors.html", form=form, corridor=corridor,
                           corridors=queries.corridors(), delete_form=ActionForm())


@bp.get("/comparisons/corridors")
@login_required
def corridors():
    policy.require(current_user, "corridors.manage")
    return _page(CorridorForm())


@bp.post("/comparisons/corridors")
@login_required
def create_corridor():
    policy.require(current_user, "corridors.manage")
    return _save(CorridorForm(), None)


@bp.get("/comparisons/corridors/<int:corridor_id>")
@login_required
def corridor(corridor_id: int):
    found = _corridor(corridor_id)
    lines = "\n".join(f"{m.country_code} {m.role}" for m in found.members)
    return _page(CorridorForm(name=found.name, members=lines), found)


@bp.post("/comparisons/corridors/<int:corridor_id>")
@login_required
def update_corridor(corridor_id: int):
    return _save(CorridorForm(), _corridor(corridor_id))


def _save(form: CorridorForm, found):
    if not form.validate_on_submit():
        return _page(form, found), 422
    try:
        saved = operations.save_corridor(current_user, found, form.name.data,
                                         operations.parse_members(form.members.data))
    except OperationError as error:
        db.session.rollback()
        for name, message in error.problems.items():
            (form[name] if name in ("name", "members") else form.members).errors.append(message)
        return _page(form, found), 422
    db.session.commit()
    flash(_("The corridor %(name)s was saved.", name=saved.name), "success")
    return redirect(url_for("comparisons.corridors"))


@bp.post("/comparisons/corridors/<int:corridor_id>/delete")
@login_required
def delete_corridor(corridor_id: int):
    found = _corridor(corridor_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    name = found.name
    operations.delete_corridor(current_user, found)
    db.session.commit()
    flash(_("The corridor %(name)s was deleted.", name=name), "success")
    return redirect(url_for("comparisons.corridors"))
