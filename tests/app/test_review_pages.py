"""The evaluator's forms on the section pages (no JavaScript needed) and the review's progress
on the overview."""

import pytest
from review_support import actions, reviewable

from mgf_assess.assessments.models import Evidence
from mgf_assess.extensions import db
from mgf_assess.review.models import ReviewMark, ScoreOverride


@pytest.fixture
def evaluator(app, login_as):
    app.config["MFA_REQUIRED_ROLES"] = ()
    return login_as(role="evaluator", country=None, evaluated=("KEN",))


def _evidence_id(app):
    with app.app_context():
        return db.session.scalars(db.select(Evidence.id)).first()


def test_the_evaluator_overrides_reviews_and_marks_from_the_section_page(app, client, tmp_path, evaluator):
    assessment_id = reviewable(app, tmp_path / "q")
    page = client.get(f"/assessments/{assessment_id}/areas/services").get_data(as_text=True)
    assert f"/assessments/{assessment_id}/review/overrides/q_num" in page and "Mark as looked at" in page
    base = f"/assessments/{assessment_id}/review"
    saved = client.post(f"{base}/overrides/q_num", data={"score": "70", "justification": "Seen"}, follow_redirects=True)
    assert "The validated score was saved." in saved.get_data(as_text=True)
    refused = client.post(f"{base}/overrides/q_num", data={"score": "70", "justification": ""}, follow_redirects=True)
    assert "a justification is required" in refused.get_data(as_text=True)
    client.post(f"{base}/marks/q_yes", data={"looked_at": "1"})
    borders = client.post(f"{base}/evidence/{_evidence_id(app)}", data={"status": "rejected", "note": "Repealed"},
                          follow_redirects=True).get_data(as_text=True)
    assert "rejected by the evaluator" in borders and "Repealed" in borders
    overview = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert "Questions looked at: 1 of 5" in overview and "1 score override" in overview
    assert "Evidence reviewed: 1 of 1 (1 rejected)" in overview
    with app.app_context():
        assert db.session.scalars(db.select(ScoreOverride)).one().justification == "Seen"
        assert db.session.scalars(db.select(ReviewMark.question_id)).all() == ["q_yes"]
    assert actions(app, "override.") == ["override.set"] and actions(app, "evidence.review") == ["evidence.review"]


@pytest.mark.parametrize(("state", "message"), [("submitted", "only while it is in review"),
                                                ("validated", "validated and locked")])
def test_the_forms_say_why_they_are_refused(app, client, tmp_path, evaluator, state, message):
    assessment_id = reviewable(app, tmp_path / "q", state)
    response = client.post(f"/assessments/{assessment_id}/review/overrides/q_num",
                           data={"score": "70", "justification": "Seen"}, follow_redirects=True)
    assert message in response.get_data(as_text=True) and actions(app, "override.") == []


@pytest.mark.parametrize(("role", "country", "status"), [("focal_point", "KEN", 403), ("focal_point", "MEX", 404),
                                                         ("contributor", "KEN", 403)])
def test_others_may_not_use_the_forms(app, client, tmp_path, login_as, role, country, status):
    assessment_id = reviewable(app, tmp_path / "q")
    login_as(role=role, country=country)
    response = client.post(f"/assessments/{assessment_id}/review/marks/q_yes", data={"looked_at": "1"})
    assert response.status_code == status and actions(app, "review.") == []
    page = client.get(f"/assessments/{assessment_id}/areas/services")
    assert "Mark as looked at" not in page.get_data(as_text=True)


def test_the_override_form_shows_the_self_assessed_score(app, client, tmp_path, evaluator):
    assessment_id = reviewable(app, tmp_path / "q")  # q_num: 15 days, scored linearly from 30 (0) to 0 (100)
    page = client.get(f"/assessments/{assessment_id}/areas/services").get_data(as_text=True)
    assert '<p class="field__help" id="override-q_num-own">Self-assessed score: 50.' in page
    assert 'aria-describedby="override-q_num-own"' in page


@pytest.mark.parametrize(("state", "heading"), [
    ("submitted", None),
    ("in_review", "Validated score (review under way)"),
    ("reviewed", "Validated score (awaiting the government’s validation)"),
    ("validated", "Validated score")])
def test_the_overview_shows_validated_scores_beside_the_self_assessed_ones(app, client, tmp_path, evaluator,
                                                                            state, heading):
    assessment_id = reviewable(app, tmp_path / "q", state=state)
    with app.app_context():
        db.session.add(ScoreOverride(assessment_id=assessment_id, question_id="q_num", score=0, justification="No"))
        db.session.commit()
    page = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    if heading is None:  # before the review, the scores are the country's own
        assert 'data-stage=' not in page and "Preliminary — self-assessed, not validated" in page
        return
    assert f'data-stage="{ {"in_review": "under_review"}.get(state, state) }"' in page
    assert f"Overall — {heading}</span>" in page and "Self-assessed: " in page
