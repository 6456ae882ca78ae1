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
