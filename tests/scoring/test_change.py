"""Subset scoring and the change between two cycles, like for like (computed by hand)."""

from decimal import Decimal

import pytest

from scoring.definition.model import VersionMapping
from scoring.engine.carry import MappingMismatchError
from scoring.engine.change import band_movement, comparable_questions, compare_cycles
from scoring.engine.subset import score_subset
from tests.scoring.fixtures.builders import answers, area, choice, definition, domain, scale

# Version 1.0: one domain. Version 2.0 keeps "same" (direct), renames "old_scale" to "scale"
# with new option codes (indirect), drops "gone", adds "fresh" (none) and a new domain.
OLD = definition(domain("d", area("a", scale("same", 0, 100), choice("old_scale", ("lo", 0), ("hi", 100)),
                                  scale("gone", 100))))
NEW = definition(
    domain("d", area("a", scale("same", 0, 100), choice("scale", ("low", 0), ("mid", 50), ("high", 100)),
                     scale("fresh", 0, 100))),
    domain("n", area("na", scale("only_new", 0, 100))),
    version="2.0")
MAPPING = VersionMapping.model_validate({
    "format_version": 1, "questionnaire": "demo", "from_version": "1.0", "to_version": "2.0",
    "questions": {"same": {"from": "same", "comparability": "direct"},
                  "scale": {"from": "old_scale", "comparability": "indirect", "options": {"lo": "low", "hi": "high"}},
                  "fresh": {"from": None, "comparability": "none"},
                  "only_new": {"from": None, "comparability": "none"}}})


def _change(old_values, new_values, mapping=MAPPING, old_overrides=None):
    changes = compare_cycles(OLD, NEW, answers(OLD, old_values, old_overrides), answers(NEW, new_values), mapping)
    return {change.domain: change for change in changes}


def test_subset_scoring_counts_only_the_given_questions():
    result = score_subset(NEW, answers(NEW, {"same": "s1", "scale": "low", "fresh": "s0"}), {"same", "scale"})
    # mean(100, 0) over the subset; "fresh" (0) is left out; domain n has no question left
    assert result.node("a").score == Decimal(50)
    assert result.node("n") is None and result.node("na") is None
    assert result.overall.score == Decimal(50)
    assert [gap.question for gap in result.gaps] == ["scale"]


def test_subset_scoring_refuses_unknown_ids():
    with pytest.raises(ValueError, match="no question nope"):
        score_subset(NEW, answers(NEW, {}), {"same", "nope"})


def test_like_for_like_across_versions_by_hand():
    old = {"same": "s0", "old_scale": "hi", "gone": "s0"}  # full score 1.0: (0 + 100 + 100) / 3
    new = {"same": "s1", "scale": "mid", "fresh": "s0", "only_new": "s1"}
    change = _change(old, new)["d"]
    # baseline carried: same 0, scale high 100 → 50; current: same 100, scale mid 50 → 75
    assert (change.baseline, change.current, change.delta) == (Decimal(50), Decimal(75), Decimal(25))
    assert (change.baseline_band, change.current_band, change.movement) == (
        "partially_meets", "partially_meets", "same")
    assert change.comparability == "indirect"  # "scale" maps indirectly
    assert (change.questions, change.total) == (2, 3)  # coverage: 2 of the domain's 3


def test_a_domain_without_comparable_question_has_no_number():
    change = _change({"same": "s0"}, {"only_new": "s1"})["n"]
    assert change.comparability == "none"
    assert (change.baseline, change.current, change.delta, change.movement) == (None,) * 4
    assert (change.questions, change.total) == (0, 1)


def test_all_direct_questions_make_a_direct_change():
    mapping = MAPPING.model_copy(update={"questions": {
        **MAPPING.questions, "scale": MAPPING.questions["fresh"]}})
    change = _change({"same": "s0"}, {"same": "s1"}, mapping)["d"]
    # only "same" compares: 0 → 100
    assert (change.comparability, change.questions, change.total) == ("direct", 1, 3)
    assert (change.baseline, change.current, change.movement) == (Decimal(0), Decimal(100), "improved")


def test_baseline_overrides_travel_with_their_question():
    old = {"same": "s0", "old_scale": "lo"}
    overrides = {"old_scale": {"score": 80, "justification": "Reviewed"}}
    change = _change(old, {"same": "s0", "scale": "low"}, old_overrides=overrides)["d"]
    # baseline: same 0, scale overridden 80 → 40; current: 0, 0 → 0
    assert (change.baseline, change.current, change.delta) == (Decimal(40), Decimal(0), Decimal(-40))
    assert change.movement == "declined"


def test_same_version_changes_are_direct_on_every_scored_question():
    changes = {c.domain: c for c in compare_cycles(
        NEW, NEW, answers(NEW, {"same": "s0", "scale": "low", "fresh": "s0"}),
        answers(NEW, {"same": "s1", "scale": "high", "fresh": "s0", "only_new": "s1"}))}
    # d: mean(0, 0, 0) → mean(100, 100, 0) = 66.67; n: missing 0 → 100
    assert (changes["d"].comparability, changes["d"].questions, changes["d"].total) == ("direct", 3, 3)
    assert (changes["d"].baseline, changes["d"].current, changes["d"].delta) == (
        Decimal(0), Decimal("66.67"), Decimal("66.67"))
    assert changes["n"].movement == "improved"


def test_without_a_mapping_nothing_compares_across_versions():
    changes = _change({"same": "s0"}, {"same": "s1"}, mapping=None)
    assert {c.comparability for c in changes.values()} == {"none"}


def test_a_mapping_between_other_versions_is_refused():
    wrong = MAPPING.model_copy(update={"from_version": "0.9"})
    with pytest.raises(MappingMismatchError):
        _change({}, {}, wrong)


def test_comparable_questions_and_band_movement():
    assert comparable_questions(NEW, MAPPING) == {"same": "direct", "scale": "indirect"}
    assert band_movement(NEW, "meets", "partially_meets") == "declined"
    assert band_movement(NEW, None, "meets") is None


def test_direct_change_from_two_stored_results():
    from scoring.engine.change import direct_change

    change = direct_change(NEW, "d", (Decimal("40.00"), "partially_meets"), (Decimal("85.50"), "meets"))
    assert (change.comparability, change.questions, change.total) == ("direct", 3, 3)
    assert (change.delta, change.movement) == (Decimal("45.50"), "improved")
    empty = direct_change(NEW, "n", (None, None), (Decimal(100), "fully_meets"))
    assert (empty.delta, empty.movement, empty.comparability) == (None, None, "direct")
