"""``explain``: how a score was obtained, in plain text."""

from decimal import Decimal

import pytest

from scoring.answers.documents import load_answers
from scoring.cli.main import main
from scoring.definition.loader import load_definition
from scoring.engine.score import score
from scoring.explain.nodes import UnknownNodeError, explain
from scoring.explain.question import show_number
from tests.scoring.fixtures.builders import fixture


@pytest.fixture(scope="module")
def result():
    defn = load_definition(fixture("demo/1.0.yaml"))
    return score(defn, load_answers(defn, fixture("answers/demo-1.0.json")))


def test_overall_shows_method_children_formula_rounding_and_band(result):
    text = explain(result, "overall")
    assert "method: weighted_mean" in text
    assert "rights" in text and "crisis" in text
    assert "validated: (2 × 87.5 + 1 × 46.875) / (2 + 1) = 73.9583333333…" in text
    assert "reported 73.96 (half-up to 2 decimals) → band partially_meets (min 40)" in text
    assert "self-assessed: (2 × 75 + 1 × 46.875) / (2 + 1) = 65.625" in text


def test_area_lists_included_and_excluded_children(result):
    text = explain(result, "rights_services")
    assert "method: min" in text
    assert "validated: min(75, 100) = 75" in text
    lines = {line.split()[0]: line for line in text.splitlines() if line.startswith("  ")}
    assert lines["country_role"].endswith("excluded: not scored")
    assert "included [overridden]" in lines["health_access"]
    assert "(self-assessed 50)" in lines["health_access"]


def test_domain_shows_target_and_tallies(result):
    text = explain(result, "crisis")
    assert "target band: partially_meets; meets its target" in text
    assert "self-assessed: same as validated" in text
    assert "completeness: 3 of 3" in text
    assert "confidence: 0 of 3" in text


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        ("deaths_rate", "clamp(100 × (2.5 − 10) / (0 − 10), 0, 100) = 75"),
        ("response_days", "no threshold met: the score is 0"),
        ("plans_share", "min 25 → 50: met: this one"),
        ("law_protections", "labour 40 + housing 40 + family 40 = 120 capped at 100 → 100"),
        ("health_access", "override: 75 (justification: Partial coverage verified)"),
        ("law_notes", "not scored"),
    ],
)
def test_question_shows_the_rule_with_its_numbers(result, node, expected):
    assert expected in explain(result, node)


def test_excluded_children_say_why():
    from tests.scoring.fixtures.builders import area, definition, domain, question, scale, scored

    defn = definition(
        domain(
            "d",
            area(
                "a",
                question("gate"),
                scale("na", 0, allow_na=True),
                scale("hidden", 0, relevant="${gate} = 'yes'"),
            ),
        ),
        domain("empty", area("e", scale("only", 0, allow_na=True))),
    )
    na = {"status": "na", "justification": "n/a"}
    result = scored(defn, {"gate": "no", "na": na, "only": na})
    text = explain(result, "a")
    assert "excluded: not applicable" in text and "excluded: not relevant" in text
    assert "excluded: no score (no included child)" in explain(result, "overall")
    assert "no included child: score null, band null" in explain(result, "empty")
    assert "relevant when: ${gate} = 'yes' → false" in explain(result, "hidden")


def test_unknown_node_suggests_an_id(result):
    with pytest.raises(UnknownNodeError) as caught:
        explain(result, "crisis_deth")
    assert caught.value.suggestion == "crisis_deaths"


def test_explain_command(capsys):
    args = ["explain", str(fixture("demo/1.0.yaml")), str(fixture("answers/demo-1.0.json"))]
    assert main([*args, "overall"]) == 0
    assert "method: weighted_mean" in capsys.readouterr().out
    assert main([*args, "rigths"]) == 2
    assert "did you mean 'rights'?" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("100"), "100"), (Decimal("2.50"), "2.5"), (Decimal(1) / Decimal(8), "0.125")],
)
def test_show_number_is_plain_decimal(value, text):
    assert show_number(value) == text


def test_show_number_marks_repeating_decimals():
    from fractions import Fraction

    assert show_number(Fraction(200, 3)) == "66.6666666666…"
