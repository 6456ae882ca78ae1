"""Carrying answers forward to a newer version through a mapping."""

import json
from decimal import Decimal

import pytest
import yaml

from scoring.cli.main import main
from scoring.definition.model import VersionMapping
from scoring.engine.carry import MappingMismatchError, carry_forward
from tests.scoring.fixtures.builders import answers, choice, fixture, one_area, options, question

OLD = one_area(
    choice("health", ("none", 0), ("regular_only", 50), ("all", 100)),
    question("schools", allow_na=True),
    question(
        "laws", "multi_choice", options=options(("labour", 40), ("housing", 30), ("family", 30))
    ),
    question("deaths", "number", scoring={"method": "linear", "best": 0, "worst": 10}),
    question(
        "share",
        "percent",
        allow_unknown=True,
        scoring={"method": "linear", "best": 100, "worst": 0},
    ),
    question("notes", "text", required=False),
    question("budget", "number", scoring={"method": "linear", "best": 100, "worst": 0}),
)
NEW = one_area(
    choice("health_services", ("none", 0), ("partial", 50), ("all", 100)),
    question("schools", allow_na=True),
    question("laws", "multi_choice", options=options(("labour", 50), ("housing_family", 50))),
    question("deaths", "number", scoring={"method": "linear", "best": 0, "worst": 5}),
    question("share", "percent", scoring={"method": "linear", "best": 100, "worst": 0}),
    question("notes", "text", required=False),
    question("response", "number", scoring={"method": "linear", "best": 0, "worst": 30}),
    question("budget", "percent", scoring={"method": "linear", "best": 100, "worst": 0}),
    question("brand_new"),
    version="2.0",
)
MAPPING = VersionMapping.model_validate(
    {
        "format_version": 1,
        "questionnaire": "demo",
        "from_version": "1.0",
        "to_version": "2.0",
        "questions": {
            "health_services": {
                "from": "health",
                "comparability": "direct",
                "options": {"regular_only": "partial"},
            },
            "schools": {"comparability": "direct"},
            "laws": {
                "comparability": "indirect",
                "options": {"housing": "housing_family", "family": "housing_family"},
            },
            "deaths": {"comparability": "none"},
            "share": {"from": "share", "comparability": "direct"},
            "notes": {"comparability": "direct"},
            "response": {"from": "response_time", "comparability": "direct"},
            "budget": {"comparability": "direct"},
        },
    }
)
OLD_ANSWERS = answers(
    OLD,
    {
        "health": {"value": "regular_only", "evidence": ["Health Act"], "evidence_accepted": False},
        "schools": {"status": "na", "justification": "No migrant children"},
        "laws": ["labour", "housing", "family"],
        "deaths": 3,
        "share": {"status": "unknown"},
        "budget": 250,
    },
    {"health": {"score": 10, "justification": "Evaluator"}},
)


@pytest.fixture(scope="module")
def carried():
    return carry_forward(OLD, NEW, MAPPING, OLD_ANSWERS)


def test_carried_answers_are_translated(carried):
    result = carried.answers
    assert (result.questionnaire, result.version) == ("demo", "2.0")
    assert result.answers["health_services"].value == "partial"
    assert result.answers["health_services"].evidence == ("Health Act",)
    assert result.answers["health_services"].evidence_accepted is None
    assert result.answers["schools"].status == "na"
    assert result.answers["schools"].justification == "No migrant children"
    assert result.answers["laws"].value == ("labour", "housing_family")
    assert result.overrides == {}


def test_needs_confirmation_reasons(carried):
    assert [(c.question, c.reason, c.source, c.detail) for c in carried.needs_confirmation] == [
        ("health_services", "options_mapped", "health", None),
        ("laws", "indirect", "laws", None),
        ("laws", "options_mapped", "laws", None),
        ("deaths", "not_comparable", None, None),
        ("share", "invalid_value", "share", "unknown_not_allowed"),
        ("notes", "source_unanswered", "notes", None),
        ("response", "no_source", "response_time", None),
        ("budget", "invalid_value", "budget", "out_of_range"),
        ("brand_new", "not_mapped", None, None),
    ]
    assert set(carried.answers.answers) == {"health_services", "schools", "laws"}


def test_mapping_must_lead_between_the_two_versions():
    backwards = MAPPING.model_copy(update={"from_version": "2.0", "to_version": "1.0"})
    with pytest.raises(MappingMismatchError):
        carry_forward(OLD, NEW, backwards, OLD_ANSWERS)


def test_carry_forward_command(tmp_path, capsys):
    new = yaml.safe_load(fixture("mgf/2026.1.yaml").read_text())
    new["version"] = "2027.1"
    new_question = new["domains"][0]["areas"][0]["questions"][0]
    new_question["options"][1]["code"] = "regular"
    mapping = {
        "format_version": 1,
        "questionnaire": "mgf",
        "from_version": "2026.1",
        "to_version": "2027.1",
        "questions": {
            "rights_health_access": {
                "comparability": "direct",
                "options": {"regular_only": "regular"},
            }
        },
    }
    (tmp_path / "new.yaml").write_text(yaml.safe_dump(new))
    (tmp_path / "map.yaml").write_text(yaml.safe_dump(mapping))
    status = main(
        [
            "carry-forward",
            str(fixture("mgf/2026.1.yaml")),
            str(tmp_path / "new.yaml"),
            str(tmp_path / "map.yaml"),
            str(fixture("answers/mgf-2026.1.yaml")),
        ]
    )
    assert status == 0
    document = json.loads(capsys.readouterr().out)
    assert document == {
        "questionnaire": "mgf",
        "version": "2027.1",
        "answers": {"rights_health_access": "regular"},
        "from_version": "2026.1",
        "needs_confirmation": [
            {
                "question": "rights_health_access",
                "reason": "options_mapped",
                "source": "rights_health_access",
                "detail": None,
            }
        ],
    }


def test_carried_output_scores_against_the_new_version(carried):
    from scoring.engine.score import score

    result = score(NEW, carried.answers)
    assert result.node("health_services").score == Decimal(50)
    assert result.node("brand_new").status == "missing"
