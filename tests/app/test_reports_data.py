"""The gap report's data builder: ordering, grouping, data gaps, flags and localized texts."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
import qrich

from mgf_assess.assessments import evidence, operations
from mgf_assess.extensions import db
from mgf_assess.reports.data import build_gap_report
from mgf_assess.results.models import ScoreSnapshot

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def rich(app, tmp_path):
    with app.app_context():
        qrich.load(app, tmp_path / "q")
    return app


def _report(assessment, language="en"):
    return build_gap_report(assessment, language, now=NOW)


def _section(report, domain_id):
    return next(section for section in report.domains if section.summary.id == domain_id)


def test_key_gaps_follow_gap_order_with_plain_sentences(rich):
    with rich.app_context():
        report = _report(qrich.open_assessment())
        gaps = report.summary.key_gaps
        assert [g.question_id for g in gaps] == ["r_health", "r_share", "c_fund", "c_plan", "r_justice"]
        assert gaps[0].sentence == "Label r_health? [en]: 50 points short of full marks (score 50 of 100)."
        assert "no information given" in gaps[1].sentence and gaps[1].score == 0


def test_domain_sections_split_well_developed_and_potential(rich):
    with rich.app_context():
        report = _report(qrich.open_assessment())
        rights, crisis = _section(report, "rights"), _section(report, "crisis")
        assert [row.id for row in rights.well_developed] == ["r_school"]
        assert [g.question_id for g in rights.potential] == ["r_health", "r_share", "r_justice", "r_days"]
        values = [g.priority_value for g in rights.potential]
        assert values == sorted(values, reverse=True)
        assert [g.question_id for g in crisis.potential] == ["c_fund", "c_plan"]
        assert not crisis.well_developed
        assert [row.id for row in rights.questions] == ["r_health", "r_school", "r_justice", "r_days",
                                                        "r_share", "r_note", "r_extra"]


def test_recommendations_by_domain_then_priority_then_gap(rich):
    with rich.app_context():
        report = _report(qrich.open_assessment())
        rights, crisis = _section(report, "rights"), _section(report, "crisis")
        assert [r.id for r in rights.recommendations] == ["rec_r_health", "rec_r_share", "rec_r_justice",
                                                          "rec_r_days"]
        assert [r.id for r in crisis.recommendations] == ["rec_c_plan", "rec_c_fund"]
        assert [r.id for r in report.recommendations] == [r.id for r in rights.recommendations + crisis.recommendations]
        health = report.recommendations[0]
        assert health.text == "Recommendation r_health [en]" and health.gcm == (15,)
        assert health.priority == "high" and health.priority_label == "High"
        assert health.domain_title == "Rights [en]" and health.question_label == "Label r_health? [en]"


def test_data_gaps_group_unknown_and_missing_by_domain(rich):
    with rich.app_context():
        report = _report(qrich.open_assessment())
        groups = {g.domain_id: [(i.question_id, i.status) for i in g.items] for g in report.data_gaps}
        # r_extra (optional text) is no data gap; c_drill is not relevant
        assert groups == {"rights": [("r_share", "unknown")], "crisis": [("c_fund", "missing")]}
        assert report.data_gaps[0].domain_title == "Rights [en]"


def test_required_unscored_question_left_empty_is_a_data_gap(rich):
    with rich.app_context():
        answers = {k: v for k, v in qrich.ANSWERS.items() if k != "r_note"}
        report = _report(qrich.open_assessment(answers=answers))
        rights = next(g for g in report.data_gaps if g.domain_id == "rights")
        assert ("r_note", "missing") in [(i.question_id, i.status) for i in rights.items]


def test_answer_texts_and_rows(rich):
    with rich.app_context():
        assessment = qrich.open_assessment(answers={**qrich.ANSWERS, "r_share": {
            "status": "na", "justification": "No statistics office"}})
        evidence.add_evidence(None, assessment, "r_health", kind="law", citation="Health Act 2020")
        db.session.commit()
        rows = {row.id: row for row in _section(_report(assessment), "rights").questions}
        assert rows["r_health"].answer_text == "Option some [en]"
        assert rows["r_health"].evidence[0].citation == "Health Act 2020"
        assert rows["r_health"].evidence[0].kind_label == "Law or regulation"
        assert rows["r_school"].answer_text == "Yes"
        assert rows["r_justice"].answer_text == "Option x [en]; Option y [en]"
        assert rows["r_days"].answer_text == "6 days [en]" and rows["r_days"].score == Decimal("80.00")
        assert rows["r_share"].answer_text == "Not applicable — No statistics office"
        assert rows["r_share"].score is None and rows["r_share"].status == "na"
        assert rows["r_extra"].answer_text == "No answer"


def test_summary_figures_radar_and_bands(rich):
    with rich.app_context():
        report = _report(qrich.open_assessment())
        summary = report.summary
        assert [d.id for d in summary.domains] == ["rights", "crisis"]
        assert summary.radar.axes == ("Rights [en]", "Crisis [en]")
        assert [s.key for s in summary.radar.series] == ["self"]
        crisis = summary.domains[1]
        assert crisis.figures.score == Decimal("0.00") and crisis.target_band == "full"
        assert crisis.figures.completeness == Decimal("0.5") and crisis.below_target
        assert sum(count for _, _, count in summary.band_counts) == 7
        assert summary.previous is None


def test_preliminary_until_validated_and_snapshot_source(rich):
    with rich.app_context():
        assessment = qrich.open_assessment(answers={**qrich.ANSWERS, "c_fund": {"value": "no"}})
        report = _report(assessment)
        assert report.cover.preliminary and report.cover.snapshot_id is None
        assert "current answers" in report.cover.source_text and report.cover.as_of == NOW
        snapshot = operations.submit(None, assessment)
        db.session.commit()
        report = _report(assessment)
        assert report.cover.snapshot_id == snapshot.id and report.cover.snapshot_kind == "submitted"
        assert report.cover.preliminary and str(snapshot.id) in report.cover.source_text
        assessment.state = "validated"
        db.session.commit()
        assert not _report(assessment).cover.preliminary


def test_validated_series_from_reviewed_snapshot_with_overrides(rich):
    with rich.app_context():
        assessment = qrich.open_assessment(answers={**qrich.ANSWERS, "c_fund": {"value": "no"}})
        submitted = operations.submit(None, assessment)
        document = {**submitted.answers, "overrides": {"c_plan": {"score": 100, "justification": "Plan seen"}}}
        from mgf_assess.assessments.scoring_bridge import definition_for
        from scoring.api import parse_answers, result_dict, score

        result = result_dict(score(definition_for(assessment), parse_answers(definition_for(assessment), document)))
        db.session.add(ScoreSnapshot(assessment_id=assessment.id, kind="reviewed", answers=document, result=result,
                                     definition_hash=submitted.definition_hash, engine_version="1.0.0"))
        db.session.commit()
        report = _report(assessment)
        series = {s.key: s.values for s in report.summary.radar.series}
        assert series["validated"][1] > series["self"][1]
        row = next(r for r in _section(report, "crisis").questions if r.id == "c_plan")
        assert row.status == "overridden" and row.self_score == 0 and row.score == 100
        assert row.override_justification == "Plan seen"


def test_previous_cycle_series_same_version(rich):
    with rich.app_context():
        qrich.open_assessment(cycle=2022, answers={"r_health": {"value": "all"}})
        report = _report(qrich.open_assessment(cycle=2026))
        previous = report.summary.previous
        assert previous.cycle == 2022 and previous.comparability == {"rights": "direct", "crisis": "direct"}
        series = {s.key: s for s in report.summary.radar.series}
        assert series["previous"].label == "Cycle 2022" and series["previous"].values[0] is not None


def test_localized_texts_in_french_and_arabic(rich):
    with rich.app_context():
        assessment = qrich.open_assessment(country="MEX")
        french = _report(assessment, "fr")
        assert french.cover.country_name == "Mexique" and french.direction == "ltr"
        assert french.cover.questionnaire_title == "Rich questionnaire [fr]"
        rights = _section(french, "rights")
        assert rights.summary.title == "Rights [fr]" and rights.areas[0].title == "Services [fr]"
        assert rights.questions[0].answer_text == "Option some [fr]"
        assert rights.questions[0].band_label == "Partial [fr]"
        assert french.recommendations[0].text == "Recommendation r_health [fr]"
        arabic = _report(assessment, "ar")
        assert arabic.direction == "rtl" and arabic.cover.country_name == "المكسيك"
        assert arabic.methodology.bands[0].label == "Low [ar]"


def test_methodology_comes_from_the_definition(rich):
    with rich.app_context():
        assessment = qrich.open_assessment()
        method = _report(assessment).methodology
        assert [(b.code, b.min) for b in method.bands] == [("low", 0), ("partial", 40), ("meets", 80),
                                                          ("full", 100)]
        assert method.target_band == "meets" and method.version == "1.0"
        assert method.definition_hash == assessment.questionnaire.content_hash
        levels = [(m.level, m.id, m.method) for m in method.methods]
        assert levels[:3] == [("overall", "overall", "weighted_mean"), ("domain", "rights", "weighted_mean"),
                              ("area", "r_services", "weighted_mean")]
        assert ("area", "r_data", "min") in levels
        assert [(w.question_id, w.weight) for w in method.weights] == [("r_health", 2)]
        assert [r.status for r in method.status_rules] == ["answered", "na", "not_relevant", "unknown",
                                                           "missing", "overridden"]
