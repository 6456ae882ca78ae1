"""A report-sized questionnaire for application tests: two weighted domains, four bands,
recommendations of every priority with GCM tags, units, NA / unknown, and a required text
question. Texts read "<text> [<language>]" so that tests can tell the languages apart."""

from __future__ import annotations

from qfiles import LANGS, write

from mgf_assess.assessments import operations
from mgf_assess.extensions import db
from mgf_assess.questionnaires import operations as qops


def t(text: str) -> dict:
    return {lang: f"{text} [{lang}]" for lang in LANGS}


def rec(qid: str, priority: str, below: int = 100) -> dict:
    return {"id": f"rec_{qid}", "below": below, "priority": priority, "text": t(f"Recommendation {qid}")}


def options(*pairs) -> list[dict]:
    return [{"code": code, "score": score, "label": t(f"Option {code}")} for code, score in pairs]


def question(qid: str, qtype: str, priority: str | None = "medium", gcm=(), **extra) -> dict:
    data = {"id": qid, "type": qtype, "label": t(f"Label {qid}?"), "tags": {"gcm": list(gcm)}, **extra}
    if priority:
        data["recommendations"] = [rec(qid, priority)]
    return data


def _rights_areas() -> list[dict]:
    services = [
        question("r_health", "single_choice", "high", gcm=[15], weight=2,
                 options=options(("none", 0), ("some", 50), ("all", 100))),
        question("r_school", "yes_no", "low", gcm=[15, 16]),
        question("r_justice", "multi_choice", "medium", options=options(("x", 30), ("y", 30), ("z", 40))),
    ]
    data = [
        question("r_days", "number", "medium", unit=t("days"),
                 scoring={"method": "linear", "best": 0, "worst": 30}),
        question("r_share", "percent", "high", allow_unknown=True, allow_na=True, scoring={
            "method": "thresholds", "thresholds": [{"min": 50, "score": 100}, {"min": 0, "score": 0}]}),
        question("r_note", "text", None, required=True, evidence="none"),
        question("r_extra", "text", None, required=False, evidence="none"),
    ]
    return [{"id": "r_services", "title": t("Services"), "method": "weighted_mean", "questions": services},
            {"id": "r_data", "title": t("Data"), "method": "min", "weight": 2, "questions": data}]


def _crisis_areas() -> list[dict]:
    plans = [
        question("c_plan", "yes_no", "high", gcm=[7]),
        question("c_drill", "yes_no", "medium", relevant="${c_plan} = 'yes'"),
        question("c_fund", "yes_no", "low", allow_unknown=True),
    ]
    return [{"id": "c_plans", "title": t("Plans"), "questions": plans}]


def definition(family="rich", version="1.0", status="published") -> dict:
    bands = [{"code": code, "min": low, "label": t(code.title())}
             for code, low in (("low", 0), ("partial", 40), ("meets", 80), ("full", 100))]
    domains = [
        {"id": "rights", "title": t("Rights"), "help": t("Rights help"), "weight": 2,
         "method": "weighted_mean", "areas": _rights_areas()},
        {"id": "crisis", "title": t("Crisis"), "target_band": "full", "areas": _crisis_areas()},
    ]
    return {"format_version": 1, "id": family, "version": version, "status": status, "languages": LANGS,
            "title": t("Rich questionnaire"), "bands": bands, "target_band": "meets",
            "method": "weighted_mean", "domains": domains}


# A full set of answers exercising every status: gaps of several sizes, one question at
# 100, one unknown, one not applicable, one missing (c_fund) and one not relevant (c_drill).
ANSWERS = {
    "r_health": {"value": "some"},
    "r_school": {"value": "yes"},
    "r_justice": {"value": ["x", "y"]},
    "r_days": {"value": 6},
    "r_share": {"status": "unknown"},
    "r_note": {"value": "Notes <b>bold</b> & more"},
    "c_plan": {"value": "no"},
}


def load(app, folder, **overrides) -> None:
    """Write and register the questionnaire file (published)."""
    write(folder, definition(**overrides))
    app.config["QUESTIONNAIRES_FOLDER"] = str(folder)
    qops.load_folder(folder)
    db.session.commit()


def open_assessment(country="KEN", cycle=2026, answers=None, family="rich", version="1.0"):
    """Open an assessment and save ``answers`` (default ANSWERS)."""
    assessment = operations.create_assessment(None, country=country, family=family, version=version,
                                              cycle=cycle)
    for qid, payload in (ANSWERS if answers is None else answers).items():
        operations.save_answer(None, assessment, qid, payload, 0)
    db.session.commit()
    return assessment


def _value(question, index: int):
    """A valid answer value for any question type, varied by the question's position."""
    codes = [option.code for option in question.options]
    if question.type == "yes_no":
        return ("yes", "no")[index % 2]
    if question.type == "single_choice":
        return codes[index % len(codes)]
    if question.type == "multi_choice":
        return codes[: 1 + index % len(codes)]
    if question.type in ("number", "percent"):
        return (index * 37) % 100
    if question.type == "date":
        return "2025-06-30"
    return f"Practice note {index}"


def answer_everything(assessment, definition) -> None:
    """Answer every question deterministically; every seventh one that allows it is "don't know"."""
    for index, (_, _, question) in enumerate(definition.iter_questions()):
        payload = {"status": "unknown"} if question.allow_unknown and index % 7 == 3 else \
            {"value": _value(question, index)}
        operations.save_answer(None, assessment, question.id, payload, 0)
    db.session.commit()
