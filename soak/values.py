"""Answers a simulated user types: a valid, usually new, value for a question described as data
(see ``instance._writable``)."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta


def value_for(question: dict, rng: random.Random, mark: str) -> object:
    """A valid value for the question; text answers carry ``mark`` so that each is unique."""
    kind = question["type"]
    if kind == "yes_no":
        return rng.choice(["yes", "no"])
    if kind in ("number", "percent"):
        return _number(question, rng, 100 if kind == "percent" else 10_000)
    if kind == "text":
        return f"soak answer {mark}"
    if kind == "date":
        return (date(2020, 1, 1) + timedelta(days=rng.randrange(2500))).isoformat()
    if kind == "single_choice":
        return rng.choice(question["options"])
    return rng.sample(question["options"], 1)  # multi_choice


def _number(question: dict, rng: random.Random, top: int) -> int:
    low = math.ceil(question["min"]) if question["min"] is not None else 0
    high = math.floor(question["max"]) if question["max"] is not None else top
    return rng.randint(low, max(low, high))
