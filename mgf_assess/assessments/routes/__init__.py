"""The assessments feature's pages: one blueprint, its routes in one module per page group.

``overview``: the list, opening an assessment and its overview; ``section``: the generated
section pages and saving them; ``evidence``: evidence and an answer's history; ``manage``:
assignments, carry-forward and the workflow's transitions; ``workbook``: the offline answers
workbook (download, upload, preview, apply).
"""

from flask import Blueprint

from mgf_assess.assessments.display import template_helpers
from mgf_assess.assessments.labels import EVIDENCE_KIND_LABELS
from mgf_assess.assessments.workflow import STATE_BADGES, STATE_LABELS

bp = Blueprint("assessments", __name__, url_prefix="/assessments", template_folder="../templates")


@bp.context_processor
def _helpers() -> dict:
    return {**template_helpers(), "STATE_LABELS": STATE_LABELS, "STATE_BADGES": STATE_BADGES,
            "EVIDENCE_KIND_LABELS": EVIDENCE_KIND_LABELS}


from mgf_assess.assessments.routes import evidence, manage, overview, section, workbook  # noqa: E402, F401  (register)
