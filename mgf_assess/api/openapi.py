"""The OpenAPI 3.1 document of the API, built from small path descriptions.

Request bodies are the JSON Schemas of the pydantic models the endpoints validate with
(``api.bodies``), so the document and the validation cannot drift apart.
"""

from __future__ import annotations

from mgf_assess.api.bodies import (
    AnswerSave,
    EvidenceReview,
    NewAssessment,
    NewComment,
    NewEvidence,
    NewEvidenceUpload,
    OverrideSet,
    RequestBody,
    TransitionRequest,
    WorkbookImportForm,
)
from mgf_assess.api.schemas import all_schemas, model_schemas, ref

ERROR = ref("Error")
REQUEST_BODIES = [NewAssessment, AnswerSave, TransitionRequest, NewEvidence, NewEvidenceUpload, WorkbookImportForm,
                  OverrideSet, EvidenceReview, NewComment]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ASSESSMENT_ID = {"name": "assessment_id", "in": "path", "required": True, "description": "assessment id",
                 "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}}
EVIDENCE_ID = {"name": "evidence_id", "in": "path", "required": True, "description": "evidence id",
               "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}}
COMMENT_ID = {"name": "comment_id", "in": "path", "required": True, "description": "the id of a thread's first message",
              "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}}
QUESTION_ID = {"name": "qid", "in": "path", "required": True, "description": "question id",
               "schema": {"type": "string", "pattern": "^[a-z0-9_]{1,64}$"}}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    texts = {400: "The body is not JSON, or a browser session sent no valid X-CSRFToken header",
             401: "Missing, invalid or revoked token, or a deactivated account",
             403: "The caller may see the assessment but not do this",
             404: "No such assessment (or not the caller's to see) or question",
             409: "Conflict: see the title", 413: "The body or upload is larger than the server accepts",
             415: "The body has the wrong media type", 422: "Invalid input: every problem is listed"}
    return {str(code): _json(ERROR, texts[code]) for code in (401, *codes)}


def _body(model: type[RequestBody]) -> dict:
    return {"required": True, "content": {"application/json": {"schema": ref(model.__name__)}}}


def _operation(operation_id: str, summary: str, responses: dict, **extra) -> dict:
    return {"operationId": operation_id, "summary": summary, "responses": responses, **extra}


def _assessment_paths() -> dict:
    return {
        "/assessments": {
            "get": _operation("listAssessments", "The assessments the caller may see, newest cycle first",
                              {"200": _json(ref("AssessmentList"), "Assessments (without answers)"), **_errors()}),
            "post": _operation(
                "createAssessment", "Open an assessment (admins; focal points for their country)",
                {"201": _json(ref("Assessment"), "The new assessment"),
                 **_errors(400, 403, 409, 422)},
                requestBody=_body(NewAssessment)),
        },
        "/assessments/{assessment_id}": {"get": _operation(
            "getAssessment", "One assessment with its answers and evidence",
            {"200": _json(ref("Assessment"), "The assessment"), **_errors(404)}, parameters=[ASSESSMENT_ID])},
        "/assessments/{assessment_id}/scores": {"get": _operation(
            "getScores", "Scores of the current answers (the scoring result document)",
            {"200": _json(ref("ScoreResult"), "The scores"), **_errors(403, 404)}, parameters=[ASSESSMENT_ID])},
        "/assessments/{assessment_id}/transitions": {"post": _operation(
            "postTransition", "Change the assessment's state",
            {"200": _json(ref("TransitionResult"), "The new state"), **_errors(400, 403, 404, 409, 422)},
            parameters=[ASSESSMENT_ID], requestBody=_body(TransitionRequest))},
    }


def _answer_paths() -> dict:
    conflict = _json({"anyOf": [ref("AnswerConflict"), ERROR]},
                     "Stale base_revision (with the current answer), or the state forbids changes")
    return {"/assessments/{assessment_id}/answers/{qid}": {"put": _operation(
        "putAnswer", "Save one answer, based on the revision the caller has seen",
        {"200": _json(ref("Answer"), "The saved answer with its new revision"),
         **_errors(400, 403, 404, 422), "409": conflict},
        parameters=[ASSESSMENT_ID, QUESTION_ID],
        requestBody=_body(AnswerSave))}}


def _evidence_paths() -> dict:
    created = {**_json(ref("EvidenceItem"), "The evidence, with its id"),
               "headers": {"Location": {"description": "the address of the new evidence",
                                        "schema": {"type": "string"}}}}
    upload = {"required": True, "content": {"application/json": {"schema": ref(NewEvidence.__name__)},
                                            "multipart/form-data": {"schema": ref(NewEvidenceUpload.__name__)}}}
    item = [ASSESSMENT_ID, EVIDENCE_ID]
    file = {"description": "The file, as an attachment (Content-Disposition) under its uploaded name",
            "content": {media: {} for media in ("application/*", "image/*", "text/plain")}}
    return {
        "/assessments/{assessment_id}/answers/{qid}/evidence": {"post": _operation(
            "postEvidence", "Attach evidence to an answer: JSON, or multipart/form-data with a file (checked "
            "by its content, as the pages check uploads)",
            {"201": created, **_errors(400, 403, 404, 409, 413, 422)},
            parameters=[ASSESSMENT_ID, QUESTION_ID], requestBody=upload)},
        "/assessments/{assessment_id}/evidence/{evidence_id}": {
            "get": _operation("getEvidence", "One piece of evidence",
                              {"200": _json(ref("EvidenceItem"), "The evidence"), **_errors(404)}, parameters=item),
            "delete": _operation("deleteEvidence", "Detach evidence from its answer",
                                 {"204": {"description": "Removed"}, **_errors(400, 403, 404, 409)},
                                 parameters=item)},
        "/assessments/{assessment_id}/evidence/{evidence_id}/file": {"get": _operation(
            "getEvidenceFile", "The evidence's file", {"200": file, **_errors(404)}, parameters=item)},
    }


def _review_paths() -> dict:
    question, evidence = [ASSESSMENT_ID, QUESTION_ID], [ASSESSMENT_ID, EVIDENCE_ID]
    done = {"204": {"description": "Done"}, **_errors(400, 403, 404, 409, 422)}
    since = {"name": "since", "in": "query", "required": False, "schema": {"type": "string"},
             "description": "return (the default): since the last return to the country; or an ISO 8601 date "
                            "and time such as 2026-03-01T09:30:00Z"}
    return {
        "/assessments/{assessment_id}/overrides": {"get": _operation(
            "listOverrides", "The evaluator's score overrides, each beside the self-assessed score",
            {"200": _json(ref("OverrideList"), "The overrides"), **_errors(403, 404)}, parameters=[ASSESSMENT_ID])},
        "/assessments/{assessment_id}/overrides/{qid}": {
            "put": _operation("putOverride", "Set the validated score of a scored question (in review; an evaluator "
                              "of the country or an admin)",
                              {"200": _json(ref("Override"), "The override"), **_errors(400, 403, 404, 409, 422)},
                              parameters=question, requestBody=_body(OverrideSet)),
            "delete": _operation("deleteOverride", "Remove the override of a question (404: it has none)",
                                 done, parameters=question)},
        "/assessments/{assessment_id}/evidence/{evidence_id}/review": {"put": _operation(
            "putEvidenceReview", "Accept or reject a piece of evidence (in review; a rejection needs a note)",
            {"200": _json(ref("EvidenceItem"), "The evidence with its verdict"), **_errors(400, 403, 404, 409, 422)},
            parameters=evidence, requestBody=_body(EvidenceReview))},
        "/assessments/{assessment_id}/marks/{qid}": {
            "put": _operation("putMark", "Mark a question as looked at (in review)", done, parameters=question),
            "delete": _operation("deleteMark", "Unmark a question", done, parameters=question)},
        "/assessments/{assessment_id}/review": {"get": _operation(
            "getReviewProgress", "The review's progress (the country's managers, the evaluators of the country, "
            "admins)", {"200": _json(ref("ReviewProgress"), "The counts"), **_errors(403, 404)},
            parameters=[ASSESSMENT_ID])},
        "/assessments/{assessment_id}/changes": {"get": _operation(
            "getChanges", "What changed since the assessment was returned: answers (before and after), evidence "
            "added or removed, replies to queries",
            {"200": _json(ref("Changes"), "The changes, oldest first"), **_errors(403, 404, 409, 422)},
            parameters=[ASSESSMENT_ID, since])},
    }


def _workbook_paths() -> dict:
    body = {"required": True, "content": {"multipart/form-data": {
        "schema": ref(WorkbookImportForm.__name__),
        "encoding": {"file": {"contentType": f"{XLSX}, application/octet-stream"}}}}}
    conflict = _json({"anyOf": [ref("AnswerConflict"), ERROR]},
                     "An answer changed while the workbook was being applied (with that answer), or the state "
                     "forbids changes; nothing was saved")
    return {"/assessments/{assessment_id}/answers:import": {"post": _operation(
        "importAnswers", "Preview an answers workbook (a dry run, the default) or apply it, all or nothing",
        {"200": _json(ref("WorkbookImport"), "The preview; with apply=true, also what was saved"),
         **_errors(400, 403, 404, 413, 415, 422), "409": conflict},
        parameters=[ASSESSMENT_ID], requestBody=body,
        description="Send the workbook downloaded from the assessment's page (or `mgf answers export`) as the "
                    "field `file`. Refused files (not a workbook, formulas, macros, too large, another "
                    "questionnaire or assessment) answer 413 or 422 and change nothing.")}}


def _comment_paths() -> dict:
    filters = [ASSESSMENT_ID, _query("question", "only the threads of this question"),
               _query("status", "only the queries open or resolved", {"type": "string", "enum": ["open", "resolved"]}),
               _query("kind", "only queries or only comments", {"type": "string", "enum": ["query", "comment"]})]
    status = {"200": _json(ref("Comment"), "The thread's first message, with its new status"),
              **_errors(400, 403, 404, 409, 422)}
    return {
        "/assessments/{assessment_id}/comments": {
            "get": _operation("listComments", "The threads of queries and comments the caller may read (internal "
                              "ones: evaluators and admins only), oldest first",
                              {"200": _json(ref("CommentList"), "Every message of the threads"),
                               **_errors(403, 404, 422)}, parameters=filters),
            "post": _operation("postComment", "Open a query or a comment on a question (the country's evaluators, "
                               "in review), or reply to a thread (also the question's authors, in review or returned)",
                               {"201": _json(ref("Comment"), "The new message"), **_errors(400, 403, 404, 409, 422)},
                               parameters=[ASSESSMENT_ID], requestBody=_body(NewComment))},
        "/assessments/{assessment_id}/comments/{comment_id}/resolve": {"post": _operation(
            "resolveComment", "Mark an open query resolved", status, parameters=[ASSESSMENT_ID, COMMENT_ID])},
        "/assessments/{assessment_id}/comments/{comment_id}/reopen": {"post": _operation(
            "reopenComment", "Open a resolved query again", status, parameters=[ASSESSMENT_ID, COMMENT_ID])},
    }


NOTIFICATION_ID = {"name": "notification_id", "in": "path", "required": True, "description": "notification id",
                   "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}}


def _notification_paths() -> dict:
    unread = _query("unread", "true: the unread ones only", {"type": "string", "enum": ["true", "false"]})
    return {
        "/notifications": {"get": _operation(
            "listNotifications", "The caller's notifications, newest first",
            {"200": _json(ref("NotificationList"), "Notifications"), **_errors(422)}, parameters=[unread])},
        "/notifications/{notification_id}/read": {"post": _operation(
            "readNotification", "Mark one of the caller's notifications read",
            {"200": _json(ref("NotificationItem"), "The notification"), **_errors(400, 404)},
            parameters=[NOTIFICATION_ID])},
    }


def _query(name: str, description: str, schema: dict | None = None, required: bool = False) -> dict:
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": schema or {"type": "string"}}


YEAR = {"type": "integer", "minimum": 2000, "maximum": 2100}
COMPARISON_PARAMETERS = [
    _query("questionnaire", "questionnaire family id, e.g. mgf", required=True),
    _query("cycle", "the cycle compared (a year)", YEAR, required=True),
    _query("baseline", "an earlier cycle: adds the change between cycles, like for like", YEAR),
    _query("countries", "ISO 3166 alpha-3 codes, comma-separated (at most 250); countries the caller may "
           "not see are absent"),
    _query("regions", "UN M49 region or sub-region codes, comma-separated, e.g. 002,019"),
    _query("corridor", "the name of a corridor"),
    _query("source", "validated (default), or latest (admins, and evaluators for their countries): "
           "PRELIMINARY", {"type": "string", "enum": ["validated", "latest"]}),
    _query("rank", "overall or a domain id: adds a ranking (MGI does not rank countries unless asked)"),
    _query("peer", "an ISO 3166 alpha-3 code: adds peer learning for that country (country users: their own)"),
]


def _comparison_paths() -> dict:
    return {"/comparisons": {"get": _operation(
        "getComparison", "Member-state comparison: profiles, distribution of states per band (global, M49 "
        "regions and sub-regions), change between cycles, optional ranking and peer learning; no scope: "
        "every country",
        {"200": _json(ref("Comparison"), "The comparison (aggregates of fewer than 3 states are "
                                         "{\"suppressed\": true} for callers who may not see every result)"),
         **_errors(403, 422)}, parameters=COMPARISON_PARAMETERS)}}


def _paths() -> dict:
    me = {"get": _operation("getMe", "The account behind the token",
                            {"200": _json(ref("Me"), "The account"), **_errors()})}
    document = {"get": _operation("getOpenApi", "This document", {"200": _json({"type": "object"}, "OpenAPI 3.1")},
                                  security=[])}
    return {"/me": me, "/openapi.json": document, **_assessment_paths(), **_answer_paths(), **_evidence_paths(),
            **_workbook_paths(), **_comparison_paths(), **_review_paths(), **_comment_paths(),
            **_notification_paths()}


def openapi_document() -> dict:
    """The whole document; paths are relative to the server URL /api/v1."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "mgf-assess API", "version": "1",
                 "description": "Self-assessments against IOM's Migration Governance Framework. "
                                "Authenticate with `Authorization: Bearer <token>` (see your account page)."},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                       "schemas": {**all_schemas(), **model_schemas(REQUEST_BODIES, "validation")}},
        "paths": _paths(),
    }
