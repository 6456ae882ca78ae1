"""Answer statuses, relevance, overrides, completeness and confidence (DESIGN §4)."""

from decimal import Decimal

from scoring.engine.score import score
from tests.scoring.fixtures.builders import (
    answers,
    area,
    choice,
    definition,
    domain,
    one_area,
    question,
    scale,
    scored,
)


def test_na_is_excluded_from_numerator_and_denominator():
    defn = one_area(scale("q1", 100), scale("q2", 0, allow_na=True))
    result = scored(defn, {"q1": "s0", "q2": {"status": "na", "justification": "No borders"}})
    assert result.node("q2").status == "na"
    assert result.node("q2").score is None
    assert result.node("a").score == Decimal(100)


def test_all_na_area_and_domain_have_null_score_and_band():
    defn = definition(
        domain("d1", area("a1", scale("q1", 50, allow_na=True))),
        domain("d2", area("a2", scale("q2", 90))),
    )
    result = scored(defn, {"q1": {"status": "na", "justification": "n/a"}, "q2": "s0"})
    for node in ("a1", "d1"):
        assert result.node(node).score is None and result.node(node).band is None
    assert result.node("d1").below_target is None
    assert result.overall.score == Decimal(90)


def test_overall_is_null_when_nothing_is_included():
    defn = one_area(scale("q", 50, allow_na=True))
    result = scored(defn, {"q": {"status": "na", "justification": "n/a"}})
    assert result.overall.score is None and result.overall.band is None


def test_unknown_and_missing_score_zero_and_are_flagged():
    defn = one_area(scale("q1", 100, allow_unknown=True), scale("q2", 100), scale("q3", 100))
    result = scored(defn, {"q1": {"status": "unknown"}, "q3": "s0"})
    assert (result.node("q1").status, result.node("q1").score, result.node("q1").flags) == (
        "unknown",
        Decimal(0),
        ("unknown",),
    )
    assert (result.node("q2").status, result.node("q2").score, result.node("q2").flags) == (
        "missing",
        Decimal(0),
        ("missing",),
    )
    assert result.node("a").score == Decimal("33.33")


def test_not_relevant_question_is_excluded():
    role = question(
        "role",
        "single_choice",
        options=[{"code": "origin", "label": {"en": "o"}}, {"code": "host", "label": {"en": "h"}}],
    )
    defn = one_area(role, scale("q", 0, relevant="${role} = 'host'"), scale("r", 60))
    result = scored(defn, {"role": "origin", "r": "s0"})
    assert result.node("q").status == "not_relevant"
    assert result.node("q").score is None
    assert result.node("a").score == Decimal(60)
    assert scored(defn, {"role": "host", "r": "s0"}).node("a").score == Decimal(30)


def test_a_hidden_question_reads_as_unanswered_for_its_dependants():
    defn = one_area(
        question("gate"),
        question("middle", relevant="${gate} = 'yes'"),
        # Declared before the question it reads: evaluation follows dependencies, not file order.
        scale("late", 100, relevant="${middle} = ''"),
        question("first", relevant="${late} != ''"),
    )
    result = scored(defn, {"gate": "no", "middle": "yes", "late": "s0", "first": "yes"})
    assert result.node("middle").status == "not_relevant"
    assert result.node("late").status == "answered"
    assert result.node("first").status == "answered"


def test_relevance_cycle_does_not_hang_or_crash():
    defn = one_area(
        question("a1", relevant="${a2} = 'yes'"), question("a2", relevant="${a1} = 'yes'")
    )
    result = scored(defn, {"a1": "yes", "a2": "yes"})
    assert {result.node("a1").status, result.node("a2").status} <= {"answered", "not_relevant"}


def test_override_replaces_validated_score_and_keeps_self_score():
    defn = one_area(scale("q1", 50), scale("q2", 100))
    result = scored(
        defn, {"q1": "s0", "q2": "s0"}, {"q1": {"score": 90, "justification": "Verified"}}
    )
    q1 = result.node("q1")
    assert (q1.status, q1.self_status, q1.score, q1.self_score) == (
        "overridden",
        "answered",
        Decimal(90),
        Decimal(50),
    )
    assert (result.node("a").score, result.node("a").self_score) == (Decimal(95), Decimal(75))
    assert (result.overall.band, result.overall.self_band) == ("meets", "partially_meets")


def test_override_applies_to_na_unknown_and_missing_answers():
    defn = one_area(
        scale("q1", 50, allow_na=True), scale("q2", 50, allow_unknown=True), scale("q3", 50)
    )
    overrides = {q: {"score": 20, "justification": "Reviewed"} for q in ("q1", "q2", "q3")}
    result = scored(
        defn, {"q1": {"status": "na", "justification": "x"}, "q2": {"status": "unknown"}}, overrides
    )
    assert [q.score for q in result.questions()] == [Decimal(20)] * 3
    assert [q.self_score for q in result.questions()] == [None, Decimal(0), Decimal(0)]
    assert result.node("a").self_score == Decimal(0)


def test_override_on_not_relevant_question_is_ignored():
    defn = one_area(question("gate"), scale("q", 50, relevant="${gate} = 'yes'"), scale("r", 80))
    result = scored(defn, {"gate": "no", "r": "s0"}, {"q": {"score": 0, "justification": "x"}})
    assert result.node("q").status == "not_relevant"
    assert result.node("q").flags == ("override_ignored",)
    assert result.node("a").score == Decimal(40)  # gate 0 and r 80; q stays out


def test_completeness_counts_answered_na_and_overridden_over_relevant():
    defn = one_area(
        question("gate", required=False),
        scale("hidden", 10, relevant="${gate} = 'yes'"),
        scale("done", 10),
        scale("na", 10, allow_na=True),
        scale("dunno", 10, allow_unknown=True),
        scale("absent", 10),
        scale("reviewed", 10),
        question("note", "text", required=False),
    )
    values = {
        "gate": "no",
        "done": "s0",
        "na": {"status": "na", "justification": "x"},
        "dunno": {"status": "unknown"},
    }
    result = scored(defn, values, {"reviewed": {"score": 50, "justification": "x"}})
    tally = result.node("a").tally
    # Relevant: gate, done, na, dunno, absent, reviewed, note = 7; complete: gate, done, na, reviewed.
    assert (tally.complete, tally.relevant) == (4, 7)
    assert float(result.overall.tally.completeness) == 4 / 7


def test_confidence_counts_accepted_evidence_of_included_answers():
    defn = one_area(
        scale("a1", 50),
        scale("a2", 50),
        scale("a3", 50),
        scale("a4", 50, allow_unknown=True),
        question("text", "text"),
    )
    values = {
        "a1": {"value": "s0", "evidence": ["Law 12/2020"]},
        "a2": {"value": "s0", "evidence": ["Decree"], "evidence_accepted": False},
        "a3": "s0",
        "a4": {"status": "unknown", "evidence": ["ignored: not an answered question"]},
        "text": {"value": "x", "evidence": ["not scored"]},
    }
    result = scored(defn, values)
    assert (result.node("a").tally.evidenced, result.node("a").tally.evidence_base) == (1, 3)
    assert result.node("a2").flags == ("evidence_rejected",)


def test_confidence_and_completeness_are_null_without_questions_to_count():
    defn = one_area(scale("q", 50, allow_na=True, relevant="1 = 2"))
    result = scored(defn, {})
    assert result.node("a").tally.completeness is None
    assert result.node("a").tally.confidence is None


def test_required_evidence_missing_is_flagged():
    defn = one_area(scale("q", 50, evidence="required"))
    assert scored(defn, {"q": "s0"}).node("q").flags == ("evidence_missing",)


def test_score_does_not_change_the_answer_set():
    defn = one_area(choice("q", ("x", 40)))
    answer_set = answers(defn, {"q": "x"})
    assert score(defn, answer_set) == score(defn, answer_set)
