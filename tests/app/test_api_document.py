"""The OpenAPI document: request bodies and component schemas generated from the models."""

import pytest

from mgf_assess.api.bodies import AnswerSave, NewAssessment, TransitionRequest
from mgf_assess.api.openapi import openapi_document
from mgf_assess.api.schemas import model_schemas
from mgf_assess.api.transitions import TRANSITIONS
from mgf_assess.assessments.models import ANSWER_STATUSES

PREFIX = "#/components/schemas/"


@pytest.fixture(scope="module")
def document():
    return openapi_document()


def _request_schema(document, path, method) -> dict:
    reference = document["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return document["components"]["schemas"][reference.removeprefix(PREFIX)]


def _references(node):
    if isinstance(node, dict):
        yield from ([node["$ref"]] if "$ref" in node else [])
        for child in node.values():
            yield from _references(child)
    elif isinstance(node, list):
        for child in node:
            yield from _references(child)


@pytest.mark.parametrize(("path", "method", "model"), [
    ("/assessments", "post", NewAssessment),
    ("/assessments/{assessment_id}/answers/{qid}", "put", AnswerSave),
    ("/assessments/{assessment_id}/transitions", "post", TransitionRequest)])
def test_request_bodies_are_the_models_schemas(document, path, method, model):
    schema = _request_schema(document, path, method)
    assert schema == model_schemas([model], "validation")[model.__name__]
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(model.model_fields)


def test_enums_of_request_bodies_come_from_the_code(document):
    transition = _request_schema(document, "/assessments/{assessment_id}/transitions", "post")
    assert transition["properties"]["action"]["enum"] == sorted(TRANSITIONS)
    assert transition["required"] == ["action"]
    answer = _request_schema(document, "/assessments/{assessment_id}/answers/{qid}", "put")
    assert answer["properties"]["status"]["enum"] == list(ANSWER_STATUSES)
    assert answer["properties"]["base_revision"] == {**answer["properties"]["base_revision"], "type": "integer",
                                                     "minimum": 0, "maximum": 2**31 - 1}
    assert answer["required"] == ["base_revision"]


def test_limits_of_a_new_assessment(document):
    properties = _request_schema(document, "/assessments", "post")["properties"]
    assert properties["cycle"] == {**properties["cycle"], "type": "integer", "minimum": 2000, "maximum": 2100}
    assert properties["country"]["pattern"] == "^[A-Z]{3}$"
    assert properties["questionnaire"]["pattern"] == "^[a-z0-9_]{1,64}$"
    assert properties["version"]["pattern"] == "^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$"


def test_every_reference_resolves_and_no_defs_are_left(document):
    schemas = document["components"]["schemas"]
    references = set(_references(document))
    assert references and all(reference.startswith(PREFIX) for reference in references)
    assert {reference.removeprefix(PREFIX) for reference in references} <= set(schemas)
    assert "$defs" not in str(document)
