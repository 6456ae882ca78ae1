"""The OpenAPI document: request bodies and component schemas generated from the models."""

import pytest
from api_support import bearer, open_assessment, publish, token_for

from mgf_assess.api.bodies import (
    AnswerSave,
    NewAssessment,
    NewEvidence,
    NewEvidenceUpload,
    TransitionRequest,
)
from mgf_assess.api.openapi import openapi_document
from mgf_assess.api.schemas import (
    RESPONSES,
    Answer,
    AnswerConflict,
    Assessment,
    AssessmentList,
    Error,
    EvidenceItem,
    Me,
    model_schemas,
)
from mgf_assess.assessments.models import ANSWER_STATUSES, EVIDENCE_KINDS
from mgf_assess.assessments.workflow import STATES, TRANSITIONS
from mgf_assess.auth.models import ROLES

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
    ("/assessments/{assessment_id}/transitions", "post", TransitionRequest),
    ("/assessments/{assessment_id}/answers/{qid}/evidence", "post", NewEvidence)])
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


def test_evidence_is_described_as_json_and_as_a_form_with_a_file(document):
    content = document["paths"]["/assessments/{assessment_id}/answers/{qid}/evidence"]["post"]["requestBody"]["content"]
    form = document["components"]["schemas"][content["multipart/form-data"]["schema"]["$ref"].removeprefix(PREFIX)]
    assert form == model_schemas([NewEvidenceUpload], "validation")["NewEvidenceUpload"]
    assert form["required"] == ["kind", "citation", "file"] and form["properties"]["file"]["format"] == "binary"
    json_body = _request_schema(document, "/assessments/{assessment_id}/answers/{qid}/evidence", "post")
    assert json_body["properties"]["kind"]["enum"] == list(EVIDENCE_KINDS)
    assert json_body["properties"]["citation"]["maxLength"] == 2000 and json_body["required"] == ["kind", "citation"]
    created = document["paths"]["/assessments/{assessment_id}/answers/{qid}/evidence"]["post"]["responses"]["201"]
    assert "Location" in created["headers"]


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


# ---- responses -------------------------------------------------------------------------------

def test_response_schemas_are_the_models_schemas(document):
    schemas = document["components"]["schemas"]
    for model in RESPONSES:
        generated = model_schemas([model])
        assert {name: schemas[name] for name in generated} == generated
    assert "ScoreResult" in schemas  # hand-written: the scoring library's own document


def test_enums_of_responses_come_from_the_code(document):
    schemas = document["components"]["schemas"]
    for name in ("AssessmentSummary", "Assessment", "TransitionResult"):
        assert schemas[name]["properties"]["state"]["enum"] == list(STATES)
    assert schemas["Evidence"]["properties"]["kind"]["enum"] == list(EVIDENCE_KINDS)
    assert schemas["Me"]["properties"]["role"]["enum"] == list(ROLES)
    status = schemas["Answer"]["properties"]["status"]["anyOf"]
    assert {"enum": list(ANSWER_STATUSES), "type": "string"} in status and {"type": "null"} in status


def test_properties_a_response_may_leave_out(document):
    schemas = document["components"]["schemas"]
    assert schemas["ErrorDetail"]["required"] == ["status", "title"]
    assert schemas["Me"]["required"] == ["id", "email", "role"]
    assert schemas["Answer"]["required"] == list(Answer.model_fields)
    assert "default" not in str({name: schemas[name] for name in model_schemas(RESPONSES)})


def test_component_schemas_are_valid_json_schemas(document):
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    for name, schema in document["components"]["schemas"].items():
        assert jsonschema_rs.meta.is_valid(schema), name


def test_responses_validate_as_their_models(app, client, make_user, tmp_path):
    """What the representations and error handlers build is what the models describe."""
    publish(app, tmp_path / "q")
    assessment_id = open_assessment(app)
    headers = bearer(token_for(app, make_user(role="focal_point", country="KEN")))
    base = f"/api/v1/assessments/{assessment_id}"
    saved = client.put(f"{base}/answers/q_yes", json={"value": "yes", "base_revision": 0}, headers=headers)
    stale = client.put(f"{base}/answers/q_yes", json={"value": "no", "base_revision": 0}, headers=headers)
    invalid = client.put(f"{base}/answers/q_yes", json={"base_revision": -1}, headers=headers)
    missing = client.post(f"{base}/transitions", json={"action": "submit"}, headers=headers)
    added = client.post(f"{base}/answers/q_yes/evidence", json={"kind": "law", "citation": "Act"}, headers=headers)
    for response, model in [(saved, Answer), (stale, AnswerConflict), (invalid, Error), (missing, Error),
                            (added, EvidenceItem),
                            (client.get(added.headers["Location"], headers=headers), EvidenceItem),
                            (client.get(base, headers=headers), Assessment),
                            (client.get("/api/v1/assessments", headers=headers), AssessmentList),
                            (client.get("/api/v1/me", headers=headers), Me)]:
        model.model_validate(response.get_json())
    refusal = Error.model_validate(missing.get_json()).error
    assert refusal.missing and refusal.unconfirmed == [] and refusal.evidence_missing == []
