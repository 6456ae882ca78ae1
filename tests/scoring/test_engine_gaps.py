"""Gaps, domain targets and recommendations (DESIGN §4)."""

from decimal import Decimal

from tests.scoring.fixtures.builders import area, definition, domain, scale, scored


def rec(rid, priority, below=100):
    return {"id": rid, "below": below, "priority": priority, "text": {"en": rid}}


def gap_definition():
    return definition(
        domain(
            "rights",
            area(
                "r",
                scale("r_full", 100),
                scale("r_half", 50, weight=2),
                scale("r_low", 80, recommendations=[rec("rec_r_low", "low")]),
                scale("r_tie", 90, weight=2),
                scale("r_na", 0, allow_na=True, recommendations=[rec("rec_na", "high")]),
            ),
        ),
        domain(
            "crisis",
            area(
                "c",
                scale(
                    "c_zero",
                    0,
                    recommendations=[
                        rec("rec_c_medium", "medium"),
                        rec("rec_c_high", "high"),
                        rec("rec_c_low", "low", below=1),
                    ],
                ),
                scale(
                    "c_tie", 80, recommendations=[rec("rec_c_tie", "high", below=Decimal("80.01"))]
                ),
                scale("c_unknown", 100, allow_unknown=True),
            ),
            weight=Decimal("0.5"),
            target_band="partially_meets",
        ),
    )


VALUES = {
    "r_full": "s0",
    "r_half": "s0",
    "r_low": "s0",
    "r_tie": "s0",
    "r_na": {"status": "na", "justification": "No camps"},
    "c_zero": "s0",
    "c_tie": "s0",
    "c_unknown": {"status": "unknown"},
}


def test_gaps_are_ordered_by_gap_times_weights_then_id():
    result = scored(gap_definition(), VALUES)
    # priority values: r_half 50×2×1=100, r_low 20, r_tie 10×2=20, c_zero 100×0.5=50,
    # c_tie 20×0.5=10, c_unknown 100×0.5=50.
    assert [(g.question, g.gap, g.priority_value) for g in result.gaps] == [
        ("r_half", Decimal(50), 100),
        ("c_unknown", Decimal(100), 50),
        ("c_zero", Decimal(100), 50),
        ("r_low", Decimal(20), 20),
        ("r_tie", Decimal(10), 20),
        ("c_tie", Decimal(20), 10),
    ]


def test_gap_uses_the_validated_score():
    result = scored(
        gap_definition(),
        VALUES,
        {
            "r_half": {"score": 100, "justification": "Verified"},
            "r_full": {"score": 70, "justification": "Partial"},
        },
    )
    gaps = {gap.question: gap for gap in result.gaps}
    assert "r_half" not in gaps
    assert (gaps["r_full"].status, gaps["r_full"].score, gaps["r_full"].gap) == (
        "overridden",
        70,
        30,
    )


def test_recommendations_grouped_by_domain_then_priority_then_gap_order():
    result = scored(gap_definition(), VALUES)
    assert [hit.id for hit in result.recommendations] == [
        "rec_r_low",
        "rec_c_high",
        "rec_c_tie",
        "rec_c_medium",
        "rec_c_low",
    ]
    first = result.recommendations[0]
    assert (first.question, first.domain, first.priority, first.gap) == (
        "r_low",
        "rights",
        "low",
        Decimal(20),
    )


def test_recommendation_fires_only_strictly_below_its_threshold():
    result = scored(gap_definition(), VALUES, {"c_zero": {"score": 1, "justification": "Some"}})
    assert "rec_c_low" not in [hit.id for hit in result.recommendations]
    assert "rec_c_tie" in [hit.id for hit in result.recommendations]


def test_domain_below_its_target_band():
    result = scored(gap_definition(), VALUES)
    rights, crisis = result.domains
    # rights: mean(100, 50, 80, 90) = 80 → meets, its target; crisis: mean(0, 80, 0) = 26.67.
    assert (rights.score, rights.target_band, rights.below_target) == (Decimal(80), "meets", False)
    assert (crisis.score, crisis.target_band, crisis.below_target) == (
        Decimal("26.67"),
        "partially_meets",
        True,
    )


def test_no_gaps_when_everything_scores_100():
    defn = definition(domain("d", area("a", scale("q", 100, recommendations=[rec("r", "high")]))))
    result = scored(defn, {"q": "s0"})
    assert result.gaps == () and result.recommendations == ()
