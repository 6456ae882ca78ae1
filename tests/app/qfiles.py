"""Small questionnaire files for application tests (independent of the shipped questionnaires)."""

from pathlib import Path

import yaml

LANGS = ["en", "fr", "es", "ar"]


def _t(text: str, languages=LANGS) -> dict:
    return {lang: f"{text} [{lang}]" for lang in languages}


def definition(family="demo", version="1.0", status="draft", languages=LANGS, questions=("q_one", "q_two"),
               label_suffix="") -> dict:
    items = [{"id": qid, "type": "yes_no", "label": _t(f"Question {qid}{label_suffix}", languages),
              "recommendations": [{"id": f"rec_{qid}", "text": _t(f"Do {qid}", languages)}]}
             for qid in questions]
    bands = [{"code": "low", "min": 0, "label": _t("Low", languages)},
             {"code": "high", "min": 50, "label": _t("High", languages)}]
    return {"format_version": 1, "id": family, "version": version, "status": status,
            "languages": list(languages), "title": _t("Demo questionnaire", languages), "bands": bands,
            "target_band": "high", "domains": [{"id": "dom", "title": _t("Domain", languages), "areas": [
                {"id": "area", "title": _t("Area", languages), "questions": items}]}]}


def write(folder: Path, data: dict) -> Path:
    path = Path(folder) / data["id"] / f"{data['version']}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _question(qid: str, qtype: str, **extra) -> dict:
    return {"id": qid, "type": qtype, "label": _t(f"Label {qid}"), **extra}


def _options(*pairs) -> list[dict]:
    return [{"code": code, "score": score, "label": _t(f"Option {code}")} for code, score in pairs]


def rich_definition(family="rich", version="1.0", status="published") -> dict:
    """Every question type, answer statuses, units, help, a relevance rule; two domains."""
    services = [
        _question("q_yes", "yes_no", help=_t("Help q_yes"), allow_unknown=True, evidence="required"),
        _question("q_choice", "single_choice", allow_na=True, options=_options(("a", 0), ("b", 50), ("c", 100))),
        _question("q_multi", "multi_choice", options=_options(("x", 30), ("y", 30), ("z", 40))),
        _question("q_text", "text", required=False, evidence="none"),
    ]
    data = [
        _question("q_number", "number", unit=_t("days"), scoring={"method": "linear", "best": 0, "worst": 30}),
        _question("q_percent", "percent", allow_unknown=True, allow_na=True, scoring={
            "method": "thresholds", "thresholds": [{"min": 50, "score": 100}, {"min": 0, "score": 0}]}),
        _question("q_date", "date", required=False),
    ]
    plans = [
        _question("q_plan", "yes_no"),
        _question("q_plan_tested", "yes_no", relevant="${q_plan} = 'yes'"),
    ]
    bands = [{"code": "low", "min": 0, "label": _t("Low")}, {"code": "high", "min": 50, "label": _t("High")}]
    domains = [
        {"id": "rights", "title": _t("Rights"), "areas": [
            {"id": "services", "title": _t("Services"), "questions": services},
            {"id": "data", "title": _t("Data"), "questions": data}]},
        {"id": "crisis", "title": _t("Crisis"), "areas": [
            {"id": "plans", "title": _t("Plans"), "questions": plans}]},
    ]
    return {"format_version": 1, "id": family, "version": version, "status": status, "languages": LANGS,
            "title": _t("Rich questionnaire"), "bands": bands, "target_band": "high", "domains": domains}
