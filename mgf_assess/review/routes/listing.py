"""The list of an assessment's queries: for the country, the questions the evaluator asked it."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user, login_required

from mgf_assess.assessments import queries as assessment_queries
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.i18n import use_questionnaire_language
from mgf_assess.review.display import query_lines
from mgf_assess.review.routes import ASSESSMENT, bp


@bp.get(ASSESSMENT + "/queries")
@login_required
def queries_page(assessment_id: int):
    assessment = assessment_queries.assessment_for(current_user, assessment_id, "comment.view")
    definition = definition_for(assessment)
    use_questionnaire_language(definition)
    lines = query_lines(current_user, assessment, definition)
    return render_template("review/queries.html", assessment=assessment, lines=lines,
                           open_count=sum(1 for line in lines if line.thread.is_open))
