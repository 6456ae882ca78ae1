"""pandas adapter: tidy rows per assessment × node."""

import math

import pytest

from scoring.frames import COLUMNS, results_frame
from tests.scoring.fixtures.builders import area, definition, domain, scale, scored

DEFN = definition(
    domain("d1", area("a1", scale("q1", 50)), area("a2", scale("q2", 100, allow_na=True))),
    domain("d2", area("a3", scale("q3", 80))),
)
NA = {"status": "na", "justification": "n/a"}


@pytest.fixture(scope="module")
def frame():
    kenya = scored(DEFN, {"q1": "s0", "q2": NA, "q3": "s0"})
    peru = scored(
        DEFN, {"q1": "s0", "q2": "s0", "q3": "s0"}, {"q3": {"score": 20, "justification": "x"}}
    )
    return results_frame([("KEN", 2026, kenya), ("PER", 2026, peru)])


def test_one_row_per_country_and_node(frame):
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == 2 * (1 + 2 + 3)
    assert list(frame[frame.country == "KEN"].node) == ["overall", "d1", "a1", "a2", "d2", "a3"]
    assert list(frame[frame.country == "KEN"].level) == [
        "overall",
        "domain",
        "area",
        "area",
        "domain",
        "area",
    ]


def test_values_are_reported_scores(frame):
    row = frame[(frame.country == "PER") & (frame.node == "d2")].iloc[0]
    assert (row.score, row.self_score, row.band, row.self_band) == (
        20.0,
        80.0,
        "requires_further_progress",
        "meets",
    )
    assert bool(row.below_target) is True
    assert row.questionnaire == "demo" and row.version == "1.0" and row.cycle == 2026
    kenya_a2 = frame[(frame.country == "KEN") & (frame.node == "a2")].iloc[0]
    assert math.isnan(kenya_a2.score) and kenya_a2.completeness == 1.0


def test_question_level_and_empty_input():
    result = scored(DEFN, {"q1": "s0"})
    questions = results_frame([("KEN", "2026", result)], levels=("question",))
    assert list(questions.node) == ["q1", "q2", "q3"]
    assert list(results_frame([]).columns) == list(COLUMNS)
    with pytest.raises(ValueError):
        results_frame([], levels=("country",))
