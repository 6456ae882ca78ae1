"""The review queue: the assessments an evaluator (or an admin) has to review, by state."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user, login_required

from mgf_assess.core import policy
from mgf_assess.database import utcnow
from mgf_assess.i18n import current_language
from mgf_assess.review.queue import review_queue
from mgf_assess.review.routes import bp
from mgf_assess.review.rows import RowTexts


@bp.get("/review")
@login_required
def queue():
    policy.require(current_user, "review.queue")
    groups = review_queue(current_user, utcnow().date())
    rows = RowTexts(current_language()).rows(groups)
    return render_template("review/queue.html", groups=rows, total=sum(len(items) for items in rows.values()),
                           every_country=policy.country_filter(current_user) is None)
