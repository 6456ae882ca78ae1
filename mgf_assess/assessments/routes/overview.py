"""Assessment list, opening an assessment, and its overview page."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mgf_assess.assessments import operations, pages, queries
from mgf_assess.assessments.forms import AssignmentForm, OpenAssessmentForm
from mgf_assess.assessments.readiness import readiness_of
from mgf_assess.assessments.routes import bp
from mgf_assess.assessments.scoring_bridge import definition_for, score_assessment
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.forms import choices
from mgf_assess.core.models import Country
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.i18n import current_language, localized
from mgf_assess.questionnaires.queries import published_versions
from mgf_assess.review.progress import review_progress
from mgf_assess.review.recent import changes_panel
from mgf_assess.review.threads.queries import open_queries


def creatable_countries(user) -> list[Country]:
    """Countries the user may open assessments for, by name in the UI language."""
    countries = db.session.scalars(db.select(Country))
    allowed = [country for country in countries if policy.can(user, "assessment.create", country)]
    return sorted(allowed, key=lambda country: country.name(current_language()))


def _open_form(countries: list[Country]) -> OpenAssessmentForm:
    versions = [(f"{v.family}:{v.version}", f"{v.version} — {localized(v.title)}") for v in published_versions()]
    newest = versions[-1][0] if versions else None  # a new cycle usually takes the latest version
    form = OpenAssessmentForm(cycle=utcnow().year, questionnaire=newest)
    form.country.choices = choices((c.code, c.name(current_language())) for c in countries)
    form.questionnaire.choices = choices(versions)
    return form


def _index_page(form: OpenAssessmentForm | None):
    assessments = queries.visible_assessments(current_user)
    return render_template("assessments/index.html", assessments=assessments, form=form,
                           shares=pages.completeness_of(assessments))


@bp.get("/")
@login_required
def index():
    countries = creatable_countries(current_user)
    return _index_page(_open_form(countries) if countries else None)


@bp.post("/")
@login_required
def create():
    countries = creatable_countries(current_user)
    if not countries:
        policy.require(current_user, "assessment.create")  # refused: 403
    form = _open_form(countries)
    if not form.validate_on_submit():
        return _index_page(form), 422
    return _create(form)


def _create(form: OpenAssessmentForm):
    policy.require(current_user, "assessment.create", db.session.get(Country, form.country.data))
    family, _sep, version = form.questionnaire.data.partition(":")
    try:
        assessment = operations.create_assessment(current_user, country=form.country.data, family=family,
                                                  version=version, cycle=form.cycle.data)
    except OperationError as error:
        db.session.rollback()
        for name, message in error.problems.items():
            (form[name] if name in ("country", "cycle") else form.questionnaire).errors.append(message)
        return _index_page(form), 422
    db.session.commit()
    flash(_("The assessment was opened."), "success")
    return redirect(url_for("assessments.show", assessment_id=assessment.id))


@bp.get("/<int:assessment_id>")
@login_required
def show(assessment_id: int):
    assessment = queries.assessment_for(current_user, assessment_id)
    result = score_assessment(assessment)
    manage = policy.can(current_user, "assessment.manage", assessment)
    context = {"manage": manage, "transitions": policy.transitions_for(current_user, assessment),
               "review": _review(assessment), "stage": pages.score_stage(assessment),
               "changes": changes_panel(current_user, assessment, definition_for(assessment)),
               "show_scores": policy.can(current_user, "assessment.scores", assessment),
               "queries": open_queries(assessment, definition_for(assessment))
               if policy.can(current_user, "comment.view", assessment) else None}
    if manage:
        context.update(_management(assessment, result))
    return render_template("assessments/show.html", assessment=assessment, definition=definition_for(assessment),
                           result=result, domains=pages.domain_views(current_user, assessment, result),
                           bands=pages.band_labels(definition_for(assessment)), **context)


def _review(assessment):
    """The review's progress for its reviewers and the country's managers, once submitted."""
    if assessment.state == "draft" or not policy.can(current_user, "review.view", assessment):
        return None
    return review_progress(assessment)


def assignment_form(definition, user, scopes: set[str] | None = None) -> AssignmentForm:
    """The assignment checkboxes of one contributor (prefixed: one form per person on the page)."""
    form = AssignmentForm(prefix=f"u{user.id}", data=None if scopes is None else {"scopes": sorted(scopes)})
    form.scopes.choices = choices(pages.scope_choices(definition))
    return form


def _management(assessment, result) -> dict:
    offer, carry_problem = pages.carry_offer(assessment)
    definition = definition_for(assessment)
    labels = pages.scope_choices(definition)
    return {"carry_offer": offer, "carry_problem": carry_problem,
            "contributors": [(user, [label for scope, label in labels if scope in scopes],
                              assignment_form(definition, user, scopes))
                             for user, scopes in pages.contributors_of(assessment)],
            "readiness": readiness_of(assessment, result)}
