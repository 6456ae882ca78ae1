"""Property-based API testing: schemathesis generates requests from the OpenAPI document and
checks that no request causes a server error and that every response matches the document."""

import pytest
import schemathesis
from api_support import bearer, open_assessment, publish, token_for
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from mgf_assess import create_app
from mgf_assess.assessments import evidence
from mgf_assess.assessments.models import Assessment
from mgf_assess.extensions import db

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]
NEGATIVE_CHECKS = [*CHECKS, negative_data_rejection]  # with cases built by the test, validity is not tracked
# Derandomized: every run tries the same cases, so a run fails only when the application changed.
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
BOTH_MEDIA_TYPES = {"POST /assessments/{assessment_id}/answers/{qid}/evidence"}  # JSON or multipart
QUESTIONS = ["q_yes", "q_na", "q_num", "q_border", "q_note", "q_nope"]

# The document is read from an application of its own at collection time (serving it needs
# no database); each generated request then goes to the test's application.
_document_app = create_app({"TESTING": True, "SECRET_KEY": "document-only", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", _document_app)


@pytest.fixture
def api_token(app, tmp_path, make_user):
    """A Kenyan focal point's token, with a published questionnaire and a Kenyan draft (id 1)
    whose q_yes has a file as evidence (id 1)."""
    publish(app, tmp_path / "q")
    assessment_id = open_assessment(app, "KEN")
    with app.app_context():
        evidence.add_evidence(None, db.session.get(Assessment, assessment_id), "q_yes", kind="law", citation="Act",
                              upload=("act.pdf", b"%PDF-1.4 act"))
        db.session.commit()
    return token_for(app, make_user(role="focal_point", country="KEN"))


def _served(app):
    """``app`` as a WSGI server runs it: the response body is read, then closed (a file
    download holds its file open until then; schemathesis's test client never closes it)."""
    def serve(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            getattr(body, "close", lambda: None)()

    return serve


@schema.parametrize()
@SETTINGS
def test_api_conforms_to_its_document(case, app, api_token):
    """Every operation, positive and negative data, random ids (mostly unknown: 404)."""
    case.call_and_validate(app=_served(app), headers=bearer(api_token), checks=NEGATIVE_CHECKS)


def _on_the_assessment(operation, mode):
    """Cases aimed at the existing assessment (id 1) and, for answers, at its questions."""
    def fixed(qid):
        path = {"assessment_id": 1, "qid": qid, "evidence_id": 1}
        return operation.as_strategy(mode, path_parameters={name: value for name, value in path.items()
                                                            if f"{{{name}}}" in operation.path})

    return st.sampled_from(QUESTIONS).flatmap(fixed)


@pytest.mark.parametrize(("label", "mode"), [
    ("GET /assessments/{assessment_id}", GenerationMode.POSITIVE),
    ("GET /assessments/{assessment_id}/scores", GenerationMode.POSITIVE),
    ("PUT /assessments/{assessment_id}/answers/{qid}", GenerationMode.POSITIVE),
    ("PUT /assessments/{assessment_id}/answers/{qid}", GenerationMode.NEGATIVE),
    ("POST /assessments/{assessment_id}/transitions", GenerationMode.POSITIVE),
    ("POST /assessments/{assessment_id}/transitions", GenerationMode.NEGATIVE),
    ("POST /assessments/{assessment_id}/answers/{qid}/evidence", GenerationMode.POSITIVE),
    ("POST /assessments/{assessment_id}/answers/{qid}/evidence", GenerationMode.NEGATIVE),
    ("GET /assessments/{assessment_id}/evidence/{evidence_id}", GenerationMode.POSITIVE),
    ("GET /assessments/{assessment_id}/evidence/{evidence_id}/file", GenerationMode.POSITIVE),
    ("DELETE /assessments/{assessment_id}/evidence/{evidence_id}", GenerationMode.POSITIVE),
    ("POST /assessments/{assessment_id}/answers:import", GenerationMode.POSITIVE),
    ("POST /assessments/{assessment_id}/answers:import", GenerationMode.NEGATIVE)])
def test_operations_on_an_existing_assessment(app, api_token, label, mode):
    """Generated bodies against real objects: saves, conflicts, scores, transitions, evidence."""
    operation = schema.find_operation_by_label(label)

    @given(case=_on_the_assessment(operation, mode))
    @SETTINGS
    def run(case):
        # A multipart form carries only text and files: a value of the wrong JSON type (null,
        # a number, an object) reaches the server as text or not at all, so it cannot be a
        # negative case there. Where the operation also takes JSON, negative bodies are JSON.
        assume(mode is GenerationMode.POSITIVE or label not in BOTH_MEDIA_TYPES
               or not (case.media_type or "").startswith("multipart/"))
        case.call_and_validate(app=_served(app), headers=bearer(api_token), checks=NEGATIVE_CHECKS)

    run()


ANSWERS = st.fixed_dictionaries(
    {"base_revision": st.integers(0, 2),
     "value": st.sampled_from(["yes", "no", 12.5, 3]) | st.sampled_from(["", ["yes"], None]) | st.text(max_size=20)},
    optional={"status": st.sampled_from(["answered", "na", "unknown"]), "justification": st.text(max_size=20)})


def test_generated_answers_on_real_questions(app, api_token):
    """Plausible answers and revisions, so that saves succeed, conflict and are refused in turn."""
    operation = schema.find_operation_by_label("PUT /assessments/{assessment_id}/answers/{qid}")

    @given(qid=st.sampled_from(QUESTIONS), body=ANSWERS)
    @settings(SETTINGS, max_examples=60)
    def run(qid, body):
        case = operation.Case(path_parameters={"assessment_id": 1, "qid": qid}, body=body,
                              media_type="application/json")
        case.call_and_validate(app=_served(app), headers=bearer(api_token), checks=CHECKS)

    run()
