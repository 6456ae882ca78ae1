"""Scoring speed: one fully answered assessment, and a batch of 10,000.

Each measurement reads the answers from JSON text, checks them and scores them; its baseline
is merely decoding the same JSON text (``json.loads``), measured in the same run. The
definition is the shipped ``questionnaires/mgf/2026.1.yaml`` when it loads, otherwise a
synthetic one of 90 questions in 6 domains.
"""

from __future__ import annotations

import json
import random
import time
from decimal import Decimal
from pathlib import Path

from bench.common import Result, median_time
from scoring.api import Definition, parse_answers, result_json, score

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "questionnaires" / "mgf" / "2026.1.yaml"
BATCH = 10_000
KINDS = ("single_choice", "yes_no", "multi_choice", "percent", "number")


def run() -> list[Result]:
    """Median time to score one assessment, and the time for a batch, with their baselines.

    When the shipped definition is used, one assessment of the 90-question synthetic
    definition is measured as well, to show how time grows with size.
    """
    definition, name = benchmark_definition()
    documents = answer_documents(definition, BATCH)
    results = [one_assessment(definition, name, documents[0])]
    results.append(with_json(definition, documents[0]))
    if name != "synthetic":
        synthetic = synthetic_definition()
        results.append(one_assessment(synthetic, "synthetic", answer_documents(synthetic, 1)[0]))
    results.append(
        Result(
            f"score {BATCH:,} assessments of {name} (batch, results not kept)",
            _once(lambda: _score_all(definition, documents)),
            "json.loads of the batch",
            _once(lambda: _decode_all(documents)),
        )
    )
    return results


def one_assessment(definition: Definition, name: str, text: str) -> Result:
    """Median time to decode, check and score one answers document."""
    label = f"{name}, {len(definition.question_map)} questions"
    return Result(
        f"score one assessment ({label})",
        median_time(lambda: score_text(definition, text), 200),
        "json.loads",
        median_time(lambda: json.loads(text), 200),
        target="< 2 ms",
    )


def with_json(definition: Definition, text: str) -> Result:
    """The same, plus writing the result as JSON."""
    return Result(
        "score one assessment + result_json",
        median_time(lambda: result_json(score_text(definition, text)), 200),
        "json.loads",
        median_time(lambda: json.loads(text), 200),
    )


def score_text(definition: Definition, text: str):
    """Decode, check and score one answers document."""
    return score(definition, parse_answers(definition, json.loads(text, parse_float=Decimal)))


def benchmark_definition() -> tuple[Definition, str]:
    """The shipped definition when it loads, else the synthetic one."""
    if SHIPPED.exists():
        try:
            from scoring.api import load_definition

            return load_definition(SHIPPED), "mgf 2026.1"
        except Exception:  # any load failure falls back: the bench must still run
            pass
    return synthetic_definition(), "synthetic"


def synthetic_definition(domains: int = 6, areas: int = 3, questions: int = 5) -> Definition:
    """A definition of domains × areas × questions, mixing every scored type and relevance."""
    counter = iter(range(domains * areas * questions))
    data = {
        "format_version": 1,
        "id": "bench",
        "version": "1",
        "status": "draft",
        "title": {"en": "Bench"},
        "bands": [
            {"code": code, "min": low, "label": {"en": code}}
            for code, low in (("low", 0), ("partial", 40), ("meets", 80), ("full", 100))
        ],
        "target_band": "meets",
        "method": "weighted_mean",
        "domains": [
            {
                "id": f"d{d}",
                "title": {"en": "d"},
                "method": "mean",
                "areas": [
                    {
                        "id": f"d{d}a{a}",
                        "title": {"en": "a"},
                        "method": ("mean", "min", "weighted_mean")[a % 3],
                        "questions": [_question(next(counter)) for _ in range(questions)],
                    }
                    for a in range(areas)
                ],
            }
            for d in range(domains)
        ],
    }
    return Definition.model_validate(data)


def _question(number: int) -> dict:
    kind = KINDS[number % len(KINDS)]
    question = {
        "id": f"q{number}",
        "type": kind,
        "label": {"en": "q"},
        "allow_na": True,
        "allow_unknown": True,
    }
    if kind in ("single_choice", "multi_choice"):
        question["options"] = [
            {"code": f"o{i}", "score": 25 * i, "label": {"en": "o"}} for i in range(5)
        ]
    elif kind == "percent":
        question["scoring"] = {
            "method": "thresholds",
            "thresholds": [
                {"min": 75, "score": 100},
                {"min": 25, "score": 50},
                {"min": 0, "score": 0},
            ],
        }
    elif kind == "number":
        question["scoring"] = {"method": "linear", "best": 0, "worst": 30}
    if number % 7 == 6:
        question["relevant"] = f"${{q{number - 5}}} != 'no'"
    return question


def answer_documents(definition: Definition, count: int) -> list[str]:
    """``count`` fully answered documents as JSON text, with varied values (fixed seed)."""
    chooser = random.Random(2026)
    questions = [q for _, _, q in definition.iter_questions()]
    return [
        json.dumps(
            {
                "questionnaire": definition.id,
                "version": definition.version,
                "answers": {q.id: _value(chooser, q) for q in questions},
            }
        )
        for _ in range(count)
    ]


def _value(chooser: random.Random, question) -> object:
    codes = [option.code for option in question.options]
    if question.type == "multi_choice":
        return chooser.sample(codes, chooser.randint(0, len(codes)))
    if question.type == "single_choice":
        return chooser.choice(codes)
    if question.type == "yes_no":
        return chooser.choice(["yes", "no"])
    if question.type in ("number", "percent"):
        return round(chooser.uniform(0, 100), 1)
    if question.type == "date":
        return "2026-01-31"
    return "Evidence of practice"


def _score_all(definition: Definition, documents: list[str]) -> None:
    for text in documents:
        score_text(definition, text)


def _decode_all(documents: list[str]) -> None:
    for text in documents:
        json.loads(text)


def _once(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start
