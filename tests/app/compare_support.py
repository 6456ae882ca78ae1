"""Comparison tests: a small questionnaire in two versions with a mapping, and validated
(optionally published) assessments made by hand, as the review workflow will leave them.

Version 1.0: rights (r1 a three-step scale, r2 yes/no), crisis (c1, c_old yes/no).
Version 2.0: rights (r1 direct, r2 → a three-step scale, indirect; r_new), crisis (c1 direct,
c_new), whole (w1, new: not comparable). Bands: low 0, mid 40, meets 80, full 100; target meets.
"""

from __future__ import annotations

import yaml
from qfiles import LANGS, write

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.scoring_bridge import score_assessment
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.questionnaires import operations as qops
from mgf_assess.results.operations import record_snapshot

FAMILY = "cmp"
SCALE = ("s0", 0), ("s1", 50), ("s2", 100)
ANSWER = {0: "s0", 50: "s1", 100: "s2"}


def t(text: str) -> dict:
    return {lang: f"{text} [{lang}]" for lang in LANGS}


def _scale(qid: str, **extra) -> dict:
    return {"id": qid, "type": "single_choice", "label": t(f"Label {qid}"),
            "options": [{"code": c, "score": s, "label": t(c)} for c, s in SCALE], **extra}


def _yes_no(qid: str, **extra) -> dict:
    return {"id": qid, "type": "yes_no", "label": t(f"Label {qid}"), **extra}


def _domain(did: str, *questions: dict) -> dict:
    return {"id": did, "title": t(did.title()), "areas": [{"id": f"{did}_a", "title": t(f"{did} area"),
                                                             "questions": list(questions)}]}


BANDS = [{"code": "low", "min": 0, "label": t("Low")}, {"code": "mid", "min": 40, "label": t("Mid")},
         {"code": "meets", "min": 80, "label": t("Meets")}, {"code": "full", "min": 100, "label": t("Full")}]
REC = [{"id": "rec_r1", "below": 100, "priority": "high", "text": t("Improve r1")}]


def version(number: str) -> dict:
    if number == "1.0":
        domains = [_domain("rights", _scale("r1", recommendations=REC), _yes_no("r2")),
                   _domain("crisis", _yes_no("c1"), _yes_no("c_old"))]
    else:
        domains = [_domain("rights", _scale("r1", recommendations=REC), _scale("r2"), _yes_no("r_new")),
                   _domain("crisis", _yes_no("c1"), _yes_no("c_new")), _domain("whole", _yes_no("w1"))]
    return {"format_version": 1, "id": FAMILY, "version": number, "status": "published", "languages": LANGS,
            "title": t("Comparison questionnaire"), "bands": BANDS, "target_band": "meets", "domains": domains}


MAPPING = {"format_version": 1, "questionnaire": FAMILY, "from_version": "1.0", "to_version": "2.0",
           "questions": {"r1": {"from": "r1", "comparability": "direct"},
                         "r2": {"from": "r2", "comparability": "indirect", "options": {"no": "s0", "yes": "s2"}},
                         "r_new": {"from": None, "comparability": "none"},
                         "c1": {"from": "c1", "comparability": "direct"},
                         "c_new": {"from": None, "comparability": "none"},
                         "w1": {"from": None, "comparability": "none"}}}


def load(app, folder) -> None:
    """Write both versions and the mapping, and register them (published)."""
    for number in ("1.0", "2.0"):
        write(folder, version(number))
    mappings = folder / FAMILY / "mappings"
    mappings.mkdir(parents=True, exist_ok=True)
    (mappings / "1.0-to-2.0.yaml").write_text(yaml.safe_dump(MAPPING, sort_keys=False), encoding="utf-8")
    app.config["QUESTIONNAIRES_FOLDER"] = str(folder)
    with app.app_context():
        qops.load_folder(folder)
        db.session.commit()


def result(country: str, cycle: int, answers: dict, *, state="validated", published=False,
           kind="validated") -> int:
    """An assessment with these answers (scale scores as numbers, yes/no as text), its state
    set and a snapshot of ``kind`` recorded (call inside an application context)."""
    number = "1.0" if cycle < 2020 else "2.0"
    assessment = operations.create_assessment(None, country=country, family=FAMILY, version=number, cycle=cycle)
    for qid, value in answers.items():
        operations.save_answer(None, assessment, qid, {"value": ANSWER.get(value, value)}, 0)
    assessment.state = state
    record_snapshot(None, assessment, kind, score_assessment(assessment))
    if published:
        assessment.published_at = utcnow()
    db.session.commit()
    return assessment.id


def assessment(assessment_id: int) -> Assessment:
    return db.session.get(Assessment, assessment_id)


RESULTS_2026 = {
    "KEN": {"r1": 100, "r2": 100, "r_new": "yes", "c1": "yes", "c_new": "no", "w1": "yes"},
    "ETH": {"r1": 50, "r2": 50, "r_new": "no", "c1": "yes", "c_new": "yes", "w1": "no"},
    "UGA": {"r1": 100, "r2": 50, "r_new": "yes", "c1": "no", "c_new": "no", "w1": "yes"},
    "NGA": {"r1": 0, "r2": 0, "r_new": "no", "c1": "yes", "c_new": "no", "w1": "yes"},
    "SEN": {"r1": 100, "r2": 100, "r_new": "no", "c1": "yes", "c_new": "yes", "w1": "no"},
    "MEX": {"r1": 50, "r2": 100, "r_new": "yes", "c1": "no", "c_new": "yes", "w1": "yes"},
    "DEU": {"r1": 100, "r2": 100, "r_new": "yes", "c1": "yes", "c_new": "yes", "w1": "yes"},
}
PUBLISHED = {"DEU", "MEX"}


def seed(app, tmp_path):
    """The results of the comparison tests (see ``tests/app/test_comparisons_data.py``)."""
    load(app, tmp_path / "q")
    with app.app_context():
        for code, answers in RESULTS_2026.items():
            result(code, 2026, answers, published=code in PUBLISHED)
        result("KEN", 2019, {"r1": 50, "r2": "no", "c1": "yes", "c_old": "yes"})
        result("ETH", 2023, {"r1": 50, "r2": 0, "r_new": "no", "c1": "no", "c_new": "no", "w1": "no"})
    return app


class Viewer:
    """A signed-in user as the policy sees one, without an account in the database."""

    is_authenticated = is_active = True
    id = None

    def __init__(self, role, country=None, countries=()):
        self.role, self.country_code = role, country
        self.country_codes = set(countries) or ({country} if country else set())


ADMIN, ANALYST = Viewer("admin"), Viewer("analyst")
FOCAL_KEN = Viewer("focal_point", "KEN")


