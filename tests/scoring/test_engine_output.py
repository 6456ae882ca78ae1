"""JSON output: the documented shape and key order of DESIGN §4, number formatting, determinism."""

import json
from decimal import Decimal

from scoring.answers.documents import load_answers
from scoring.definition.loader import load_definition
from scoring.engine.output import result_dict, result_json
from scoring.engine.score import score
from tests.scoring.fixtures.builders import area, definition, domain, fixture, scale, scored

DESIGN_EXAMPLE = {
    "questionnaire": "mgf",
    "version": "2026.1",
    "overall": {"score": 50.0, "band": "partially_meets", "completeness": 1.0},
    "domains": [
        {
            "id": "rights",
            "score": 50.0,
            "band": "partially_meets",
            "completeness": 1.0,
            "confidence": 0.0,
            "areas": [
                {
                    "id": "rights_services",
                    "score": 50.0,
                    "band": "partially_meets",
                    "questions": [
                        {
                            "id": "rights_health_access",
                            "score": 50.0,
                            "status": "answered",
                            "self_score": 50.0,
                        }
                    ],
                }
            ],
        }
    ],
    "gaps": [{"question": "rights_health_access", "domain": "rights", "score": 50.0, "gap": 50.0}],
    "recommendations": [
        {
            "id": "rec_health_access",
            "question": "rights_health_access",
            "domain": "rights",
            "priority": "high",
        }
    ],
}


def design_example():
    defn = load_definition(fixture("mgf/2026.1.yaml"))
    return result_dict(score(defn, load_answers(defn, fixture("answers/mgf-2026.1.yaml"))))


def project(actual, expected):
    """``actual`` cut down to the keys of ``expected``, keeping actual's key order."""
    if isinstance(expected, dict):
        return {key: project(actual[key], expected[key]) for key in actual if key in expected}
    if isinstance(expected, list):
        return [project(a, e) for a, e in zip(actual, expected, strict=True)]
    return actual


def assert_documented_keys_first(actual, expected):
    if isinstance(expected, dict):
        assert list(actual)[: len(expected)] == list(expected)
        for key, value in expected.items():
            assert_documented_keys_first(actual[key], value)
    elif isinstance(expected, list):
        for a, e in zip(actual, expected, strict=True):
            assert_documented_keys_first(a, e)


def test_design_example_numbers():
    assert project(design_example(), DESIGN_EXAMPLE) == DESIGN_EXAMPLE


def test_documented_keys_come_first_in_documented_order():
    assert_documented_keys_first(design_example(), DESIGN_EXAMPLE)


def test_extra_keys_are_present():
    result = design_example()
    assert result["overall"]["self_score"] == 50.0 and result["overall"]["confidence"] == 0.0
    domain_ = result["domains"][0]
    assert (domain_["self_band"], domain_["target_band"], domain_["below_target"]) == (
        "partially_meets",
        "meets",
        True,
    )
    question = domain_["areas"][0]["questions"][0]
    assert (question["weight"], question["flags"], question["self_status"]) == (1.0, [], "answered")


def test_scores_are_json_numbers_with_two_decimals_at_most():
    defn = definition(
        domain(
            "d",
            area(
                "a",
                scale("q1", 80, weight=3),
                scale("q2", Decimal("79.979996")),
                method="weighted_mean",
            ),
        )
    )
    text = result_json(scored(defn, {"q1": "s0", "q2": "s0"}), indent=None)
    assert '"id": "a", "score": 79.99, "band": "partially_meets"' in text
    assert '"score": 79.98,' in text  # q2 reported half-up: 79.979996 → 79.98
    defn80 = definition(domain("d", area("a", scale("q1", 80))))
    assert '"score": 80.0, "band": "meets"' in result_json(
        scored(defn80, {"q1": "s0"}), indent=None
    )


def test_completeness_and_confidence_have_four_decimals():
    defn = definition(domain("d", area("a", scale("q1", 50), scale("q2", 50), scale("q3", 50))))
    result = result_dict(scored(defn, {"q1": {"value": "s0", "evidence": ["Act"]}, "q2": "s0"}))
    assert result["overall"]["completeness"] == 0.6667
    assert result["domains"][0]["confidence"] == 0.5


def test_output_is_byte_identical_for_equal_inputs():
    first = result_json(
        score(
            load_definition(fixture("demo/1.0.yaml")),
            load_answers(
                load_definition(fixture("demo/1.0.yaml")), fixture("answers/demo-1.0.json")
            ),
        )
    )
    defn = load_definition(fixture("demo/1.0.yaml"))
    second = result_json(score(defn, load_answers(defn, fixture("answers/demo-1.0.json"))))
    assert first.encode() == second.encode()
    assert json.loads(first)["overall"] == {
        "score": 73.96,
        "band": "partially_meets",
        "completeness": 1.0,
        "self_score": 65.63,
        "self_band": "partially_meets",
        "confidence": 0.1667,
        "method": "weighted_mean",
    }


def test_null_scores_are_json_null():
    defn = definition(domain("d", area("a", scale("q", 50, allow_na=True))))
    result = result_dict(scored(defn, {"q": {"status": "na", "justification": "n/a"}}))
    assert result["overall"]["score"] is None and result["overall"]["band"] is None
    assert result["domains"][0]["below_target"] is None
    assert result["domains"][0]["areas"][0]["questions"][0]["status"] == "na"
