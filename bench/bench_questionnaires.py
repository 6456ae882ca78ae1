"""Loading and validating the largest shipped questionnaire (target: under 200 ms)."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.common import Result, median_time
from scoring.api import check_file

DEFINITION = Path(__file__).resolve().parent.parent / "questionnaires" / "mgf" / "2026.1.yaml"


def run() -> list[Result]:
    text = DEFINITION.read_text(encoding="utf-8")
    baseline = median_time(lambda: yaml.load(text, Loader=yaml.CSafeLoader if hasattr(yaml, "CSafeLoader")
                                             else yaml.SafeLoader), repeat=10)
    checked = median_time(lambda: check_file(DEFINITION), repeat=10)
    return [Result("load + validate mgf 2026.1 (all rules)", checked, "bare YAML parse", baseline,
                   target="< 200 ms")]
