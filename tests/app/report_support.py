"""Helpers of the gap report rendering tests: hostile texts and an assessment that carries them."""

from __future__ import annotations

from datetime import UTC, datetime

import qrich

from mgf_assess.assessments import evidence
from mgf_assess.extensions import db
from mgf_assess.reports.data import build_gap_report

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
LONG = "L" * 10_000
# Markup that would mean something to an HTML page or a PDF paragraph parser, a formula,
# an unclosed tag, an entity-like ampersand, emoji and mixed Arabic and Latin script.
HOSTILE = '=HYPERLINK("http://evil.example","x") <para><img src="/etc/passwd"> <font color=red>& caf&eacute; 🧳🌍 قانون الهجرة Act 12'
HOSTILE_CITATION = "@SUM(1+1) <b>Act</b> & العمل 👩🏽‍⚕️"
HOSTILE_JUSTIFICATION = "-1 <script>alert(1)</script> لا توجد بيانات"


def hostile_answers() -> dict:
    """qrich's answers with hostile free text, a hostile NA justification and a long text."""
    return {**qrich.ANSWERS, "r_note": {"value": HOSTILE},
            "r_extra": {"value": LONG},
            "r_share": {"status": "na", "justification": HOSTILE_JUSTIFICATION}}


def hostile_assessment(country="KEN", state=None):
    """An assessment whose answers, justification and evidence are hostile text."""
    assessment = qrich.open_assessment(country=country, answers=hostile_answers())
    evidence.add_evidence(None, assessment, "r_health", kind="law", citation=HOSTILE_CITATION)
    evidence.add_evidence(None, assessment, "r_health", kind="other", citation="Health Act 2020")
    if state:
        assessment.state = state
    db.session.commit()
    return assessment


def report_of(assessment, language="en"):
    return build_gap_report(assessment, language, now=NOW)
