"""``na: exclude | zero``: how a justified not-applicable answer counts (SDG 10.7.2 style)."""

from decimal import Decimal

import pytest

from scoring.definition.validate import validate_definition
from scoring.explain.nodes import explain
from tests.scoring.fixtures.builders import (
    area,
    definition,
    domain,
    one_area,
    question,
    scale,
    scored,
)

NA = {"status": "na", "justification": "No land border"}


def _four(**extra):
    """q1 100, q2 50, q3 not applicable, q4 100: a mean of three or of four."""
    questions = (scale("q1", 100), scale("q2", 50), scale("q3", 100, allow_na=True), scale("q4", 100))
    return one_area(*questions, **extra)


ANSWERS = {"q1": "s0", "q2": "s0", "q3": NA, "q4": "s0"}


def test_exclude_is_the_default_and_leaves_na_out_of_the_denominator():
    result = scored(_four(), ANSWERS)
    # (100 + 50 + 100) / 3 = 83.333…
    assert result.node("a").score == Decimal("83.33")
    assert result.node("q3").score is None


def test_zero_counts_na_as_zero_and_keeps_the_denominator():
    result = scored(_four(na="zero"), ANSWERS)
    # (100 + 50 + 0 + 100) / 4 = 62.5
    assert result.node("a").score == Decimal("62.50")
    assert (result.node("q3").status, result.node("q3").score) == ("na", Decimal(0))
    assert result.overall.band == "partially_meets"


def test_a_domain_rule_wins_over_the_questionnaire_rule():
    zero = domain("z", area("za", scale("z1", 100), scale("z2", 100, allow_na=True)), na="zero")
    exclude = domain("x", area("xa", scale("x1", 100), scale("x2", 100, allow_na=True)), na="exclude")
    inherit = domain("i", area("ia", scale("i1", 100), scale("i2", 100, allow_na=True)))
    defn = definition(zero, exclude, inherit, na="zero")
    result = scored(defn, {"z1": "s0", "z2": NA, "x1": "s0", "x2": NA, "i1": "s0", "i2": NA})
    # zero: (100 + 0) / 2; exclude: 100 / 1; inherited zero: (100 + 0) / 2
    assert [result.node(d).score for d in ("z", "x", "i")] == [Decimal(50), Decimal(100), Decimal(50)]


def test_weights_apply_to_a_zero_counted_na():
    defn = one_area(scale("q1", 100, weight=1), scale("q2", 100, weight=3, allow_na=True),
                    method="weighted_mean", na="zero")
    # (1 × 100 + 3 × 0) / (1 + 3) = 25
    assert scored(defn, {"q1": "s0", "q2": NA}).node("a").score == Decimal(25)


def test_na_stays_complete_and_outside_confidence_under_zero():
    result = scored(_four(na="zero"), ANSWERS)
    tally = result.node("a").tally
    assert (tally.relevant, tally.complete) == (4, 4)
    assert tally.evidence_base == 3  # the three answered questions; na has no evidence to weigh


def test_a_zero_counted_na_is_no_gap_and_fires_no_recommendation():
    rec = {"id": "r3", "below": 100, "text": {"en": "Do it"}}
    defn = one_area(scale("q1", 100), scale("q3", 100, allow_na=True, recommendations=[rec]), na="zero")
    result = scored(defn, {"q1": "s0", "q3": NA})
    assert [gap.question for gap in result.gaps] == []
    assert result.recommendations == ()


def test_not_relevant_stays_excluded_under_zero():
    gate = scale("gate", 100)
    hidden = scale("hidden", 100, allow_na=True, relevant="${gate} = 'nope'")
    defn = one_area(gate, hidden, na="zero")
    result = scored(defn, {"gate": "s0"})
    assert result.node("hidden").status == "not_relevant"
    assert result.node("a").score == Decimal(100)


def test_an_override_replaces_a_zero_counted_na():
    defn = _four(na="zero")
    result = scored(defn, ANSWERS, {"q3": {"score": 80, "justification": "Checked on site"}})
    # validated (100 + 50 + 80 + 100) / 4 = 82.5; self-assessed stays 62.5
    assert result.node("a").score == Decimal("82.50")
    assert result.node("a").self_score == Decimal("62.50")


def test_explain_names_the_rule_and_how_the_na_counted():
    result = scored(_four(na="zero"), ANSWERS)
    area_text = explain(result, "a")
    assert "na: zero (a not-applicable answer counts as 0 and stays in the denominator)" in area_text
    assert "included [na: counts as 0]" in area_text
    assert "(100 + 50 + 0 + 100) / 4 = 62.5" in area_text
    assert "counts as 0 and stays in its area's denominator" in explain(result, "q3")
    assert "na: exclude" in explain(scored(_four(), ANSWERS), "d")


@pytest.mark.parametrize(("extra", "domain_na", "locations"), [
    ({"na": "zero"}, None, ["na"]),
    ({}, "zero", ["domains[0].na"]),
    ({"na": "zero"}, "zero", ["domains[0].na", "na"]),
    ({"na": "zero"}, "exclude", ["na"]),
])
def test_na_zero_without_any_na_question_is_a_warning(extra, domain_na, locations):
    rules = {"na": domain_na} if domain_na else {}
    defn = definition(domain("d", area("a", question("q")), **rules), **extra)
    problems = [p for p in validate_definition(defn) if p.code == "na_rule_unused"]
    assert [p.location for p in problems] == locations
    assert all(p.severity == "warning" for p in problems)


def test_na_zero_where_a_question_allows_na_is_fine():
    defn = _four(na="zero")
    assert [p for p in validate_definition(defn) if p.code == "na_rule_unused"] == []


def test_an_unknown_na_rule_is_a_located_error(tmp_path):
    from scoring.api import check_definition_file

    text = (tmp_path / "bad.yaml")
    text.write_text("format_version: 1\nid: demo\nversion: '1.0'\nstatus: draft\ntitle: {en: D}\n"
                    "bands: [{code: b, min: 0, label: {en: B}}]\ntarget_band: b\nna: nil\n"
                    "domains: [{id: d, title: {en: D}, areas: [{id: a, title: {en: A}, "
                    "questions: [{id: q, type: yes_no, label: {en: Q}}]}]}]\n", encoding="utf-8")
    report = check_definition_file(text)
    (problem,) = [p for p in report.issues if p.location == "na"]
    assert problem.code == "invalid_value" and "zero" in problem.fix
