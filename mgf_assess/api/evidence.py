"""API endpoints of evidence: add (JSON, or multipart/form-data with a file), read, remove,
and download its file.

They call the operations the pages call (``assessments.evidence``), under the same access
rule (``answer.edit``: the answer's authors, while the country may still edit), so evidence
is checked the same way wherever it comes from: kind, citation, link, and a file's size and
content. A caller who may write the answer but not now (the state) gets 409, others 403.
"""

from __future__ import annotations

from flask import request, url_for
from flask_login import current_user

from mgf_assess.api import access
from mgf_assess.api.blueprint import bp, no_content, problem, respond, token_required
from mgf_assess.api.bodies import BodyError, NewEvidence, item, read_body, validated
from mgf_assess.api.representations import evidence_item_json
from mgf_assess.assessments import evidence, files
from mgf_assess.extensions import db

FILE_PART = "file"
NOT_A_BODY = ("The request body must be a JSON object sent with Content-Type: application/json, or a "
              "multipart/form-data form with a file.")


def _require_author(found, qid: str) -> None:
    refusal = str(evidence.EVIDENCE_FROZEN) % {"state": found.state}
    access.require_state_or_role("answer.edit", "answer.author", access.question(found, qid), refusal)


@bp.post("/assessments/<int:assessment_id>/answers/<qid>/evidence")
@token_required
def post_evidence(assessment_id: int, qid: str):
    """Attach evidence to a question's answer: JSON, or a multipart form with a file."""
    found = access.assessment(assessment_id)
    _require_author(found, qid)
    body, upload = _read_evidence()
    added = evidence.add_evidence(current_user, found, qid, kind=body.kind, citation=body.citation,
                                  url=body.url or None, upload=upload)
    location = url_for("api.get_evidence", assessment_id=found.id, evidence_id=added.id)
    return respond(evidence_item_json(added), 201, Location=location)


@bp.get("/assessments/<int:assessment_id>/evidence/<int:evidence_id>")
@token_required
def get_evidence(assessment_id: int, evidence_id: int):
    """One piece of evidence."""
    return respond(evidence_item_json(access.evidence(access.assessment(assessment_id), evidence_id)))


@bp.delete("/assessments/<int:assessment_id>/evidence/<int:evidence_id>")
@token_required
def delete_evidence(assessment_id: int, evidence_id: int):
    """Detach evidence from its answer."""
    found = access.assessment(assessment_id)
    found_item = access.evidence(found, evidence_id)
    _require_author(found, found_item.question_id)
    evidence.remove_evidence(current_user, found, found_item)
    return no_content()


@bp.get("/assessments/<int:assessment_id>/evidence/<int:evidence_id>/file")
@token_required
def get_evidence_file(assessment_id: int, evidence_id: int):
    """The evidence's file, as an attachment under its uploaded name."""
    found_item = access.evidence(access.assessment(assessment_id), evidence_id)
    db.session.commit()  # keeps the token's last-used time
    if not found_item.stored_name:
        return problem(404, f"Evidence {evidence_id} has no file: it is a citation or a link.")
    return files.send(found_item)


def _read_evidence() -> tuple[NewEvidence, tuple[str, bytes] | None]:
    """The fields, and the upload of a multipart request (None for JSON)."""
    if request.mimetype != "multipart/form-data":
        try:
            return read_body(NewEvidence), None
        except BodyError as error:
            if error.status == 400:
                raise BodyError(400, NOT_A_BODY) from None
            raise
    fields = request.form.to_dict()
    problems = _file_problems(fields)
    try:
        body = validated(NewEvidence, fields)
    except BodyError as error:
        raise BodyError(422, error.title, error.problems + problems) from None
    if problems:
        raise BodyError(422, "Invalid request body", problems)
    name, data = files.read_upload(request.files[FILE_PART])
    return body, (name or "evidence", data)


def _file_problems(fields: dict) -> list[dict]:
    """The file part is required, and it must be a file; no other file parts."""
    problems = [item(name, "unknown_field", f"Unknown file part {name!r}: send one file, in the part {FILE_PART!r}.")
                for name in sorted(set(request.files) - {FILE_PART})]
    if FILE_PART not in request.files:
        fields.pop(FILE_PART, None)  # a plain field of that name: no file name, so not a file
        problems.append(item(FILE_PART, "required", f"{FILE_PART} is required in a multipart/form-data request: "
                             "a part with a filename. Send JSON for evidence without a file."))
    return problems
