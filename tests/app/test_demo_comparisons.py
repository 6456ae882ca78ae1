"""The demo's comparison step: two corridors, and publishing whatever is validated (most of
2019, about half of 2026) and nothing in another state of the review, never again what
someone unpublished; idempotent."""

import compare_support as cs
import pytest

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.comparisons.models import Corridor
from mgf_assess.demo import comparisons
from mgf_assess.extensions import db

# Every state but validated, with the last snapshot an assessment in it has.
NOT_VALIDATED = {"submitted": "submitted", "in_review": "submitted", "returned": "submitted", "reviewed": "reviewed"}


@pytest.fixture
def validated(app, tmp_path, monkeypatch):
    """Validated results of 2019 and 2026 for every country of the comparison tests, and a
    2026 assessment in each other state of the review."""
    monkeypatch.setattr(comparisons, "FAMILY", cs.FAMILY)
    cs.load(app, tmp_path / "q")
    with app.app_context():
        for code in cs.RESULTS_2026:
            cs.result(code, 2019, {"r1": 50})
            cs.result(code, 2026, {"r1": 100})
        for code, (state, kind) in zip(("GHA", "MAR", "CMR", "TUN"), NOT_VALIDATED.items(), strict=True):
            cs.result(code, 2026, {"r1": 100}, state=state, kind=kind)
    return app


def _published() -> dict[int, int]:
    rows = db.session.execute(db.select(Assessment.cycle, db.func.count()).filter(
        Assessment.published_at.is_not(None)).group_by(Assessment.cycle)).all()
    return dict(rows)


def test_the_step_adds_corridors_and_publishes_what_is_validated(validated, capsys):
    with validated.app_context():
        comparisons.seed_comparisons({})
        db.session.commit()
        first = _published()
        assert db.session.scalar(db.select(db.func.count(Corridor.id))) == 2
        assert first.get(2019, 0) >= first.get(2026, 0) > 0
        others = db.session.scalars(db.select(Assessment).filter(Assessment.state.in_(NOT_VALIDATED)))
        assert sorted(a.state for a in others if a.published_at is None) == sorted(NOT_VALIDATED)
        comparisons.seed_comparisons({})  # a second run adds nothing
        db.session.commit()
        assert _published() == first and db.session.scalar(db.select(db.func.count(Corridor.id))) == 2
    assert "2 corridors added" in capsys.readouterr().out


def test_an_unpublished_assessment_stays_unpublished(validated):
    with validated.app_context():
        comparisons.seed_comparisons({})
        published = db.session.scalars(db.select(Assessment).filter(Assessment.published_at.is_not(None))).first()
        operations.run_transition(None, published, "unpublish", comment="Not yet")
        db.session.commit()
        comparisons.seed_comparisons({})
        assert db.session.get(Assessment, published.id).published_at is None
