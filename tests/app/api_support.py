"""Helpers for API tests: a small published questionnaire, assessments, users with API tokens."""

from __future__ import annotations

from pathlib import Path

import qfiles

FAMILY, VERSION = "api", "1.0"


def _question(qid: str, qtype: str, **extra) -> dict:
    return {"id": qid, "type": qtype, "label": qfiles._t(f"Question {qid}"), **extra}


def definition(text_questions: int = 0) -> dict:
    """Two domains, each with one area (q_border requires evidence); ``text_questions`` extra unscored text questions
    (``t_0`` … and ``t_shared``) for tests that need many independent questions."""
    services = [_question("q_yes", "yes_no", allow_unknown=True),
                _question("q_na", "yes_no", allow_na=True),
                _question("q_num", "number", scoring={"method": "linear", "best": 0, "worst": 30})]
    borders = [_question("q_border", "yes_no", evidence="required"), _question("q_note", "text", required=False)]
    texts = [f"t_{n}" for n in range(text_questions)] + (["t_shared"] if text_questions else [])
    borders += [_question(qid, "text", required=False) for qid in texts]
    bands = [{"code": "low", "min": 0, "label": qfiles._t("Low")}, {"code": "high", "min": 50, "label": qfiles._t("High")}]
    return {"format_version": 1, "id": FAMILY, "version": VERSION, "status": "published",
            "languages": qfiles.LANGS, "title": qfiles._t("API questionnaire"), "bands": bands,
            "target_band": "high", "domains": [
                {"id": "rights", "title": qfiles._t("Rights"), "areas": [
                    {"id": "services", "title": qfiles._t("Services"), "questions": services}]},
                {"id": "mobility", "title": qfiles._t("Mobility"), "areas": [
                    {"id": "borders", "title": qfiles._t("Borders"), "questions": borders}]}]}


def publish(app, folder: Path, text_questions: int = 0) -> None:
    """Write and register the questionnaire (published) in the application's database."""
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires import operations as qops

    qfiles.write(folder, definition(text_questions))
    with app.app_context():
        qops.load_folder(folder)
        db.session.commit()


def open_assessment(app, country: str = "KEN", cycle: int = 2026) -> int:
    """Create a draft assessment directly (not through the API) and return its id."""
    from mgf_assess.assessments import operations
    from mgf_assess.extensions import db

    with app.app_context():
        assessment = operations.create_assessment(None, country=country, family=FAMILY, version=VERSION, cycle=cycle)
        db.session.commit()
        return assessment.id


def token_for(app, email: str) -> str:
    """A new API token of the user with ``email``."""
    from mgf_assess.auth import operations, queries
    from mgf_assess.extensions import db

    with app.app_context():
        _token, plaintext = operations.create_token(None, queries.user_by_email(email), "tests")
        db.session.commit()
        return plaintext


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def add_evidence(client, assessment_id: int, qid: str, headers: dict, citation: str = "Immigration Act 2011"):
    """POST a citation as evidence of a question through the API; returns the response."""
    return client.post(f"/api/v1/assessments/{assessment_id}/answers/{qid}/evidence", headers=headers,
                       json={"kind": "law", "citation": citation})
