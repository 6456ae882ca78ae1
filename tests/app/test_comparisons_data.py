"""The comparison data builder on hand-made validated snapshots (figures computed by hand).

2026 (version 2.0), rights = mean(r1, r2, r_new) (one area); bands low 0, mid 40, meets 80,
full 100; target meets. Rights scores: KEN 100, ETH 33.33, UGA 83.33, NGA 0, SEN 66.67,
MEX 83.33, DEU 100. DEU and MEX are published; the others are not.
"""

from decimal import Decimal

import compare_support as cs
import pytest
from compare_support import ADMIN, ANALYST, FOCAL_KEN, Viewer

from mgf_assess.auth.models import User
from mgf_assess.comparisons.data import RequestProblems, build_comparison, read_request
from mgf_assess.extensions import db


def build(user, language="en", **params):
    request = read_request({"questionnaire": "cmp", "cycle": "2026", **params})
    return build_comparison(user, request, language)


def test_profiles_are_sorted_by_region_then_name_with_stored_figures(seeded):
    with seeded.app_context():
        found = build(ADMIN)
    # Africa (Ethiopia, Kenya, Nigeria, Senegal, Uganda), Americas (Mexico), Europe (Germany)
    assert [p.country for p in found.profiles] == ["ETH", "KEN", "NGA", "SEN", "UGA", "MEX", "DEU"]
    ken = next(p for p in found.profiles if p.country == "KEN")
    assert ken.cells["rights"].score == Decimal("100.00") and ken.cells["crisis"].band == "mid"
    assert ken.cells["overall"].score == Decimal("83.33") and ken.cells["rights"].completeness == 1
    assert [n.id for n in found.nodes] == ["overall", "rights", "crisis", "whole"]
    assert found.profiles[0].region_name == "Africa" and found.population == 7 and found.hidden == 0


def test_band_counts_shares_and_median_globally(seeded):
    with seeded.app_context():
        rights = build(ADMIN).distribution[0].aggregates["rights"]
    assert dict(rights.bands) == {"low": 2, "mid": 1, "meets": 2, "full": 2}
    assert (rights.n, rights.meeting, rights.share_meeting) == (7, 4, Decimal("0.5714"))
    assert rights.share("low") == Decimal("0.2857")
    # sorted 0, 33.33, 66.67, 83.33, 83.33, 100, 100: median 83.33; quartiles at ranks 1.5 and 4.5
    assert (rights.median, rights.q1, rights.q3) == (Decimal("83.33"), Decimal("50.00"), Decimal("91.67"))


def test_the_region_pools_its_sub_regions(seeded):
    with seeded.app_context():
        groups = {g.code: g for g in build(ADMIN).distribution}
    africa, east, west = groups["002"], groups["014"], groups["011"]
    assert (east.parent, west.parent, africa.level) == ("002", "002", "region")
    for code in ("low", "mid", "meets", "full"):
        assert dict(africa.aggregates["rights"].bands)[code] == (
            dict(east.aggregates["rights"].bands)[code] + dict(west.aggregates["rights"].bands)[code])
    assert (africa.aggregates["rights"].n, africa.aggregates["rights"].share_meeting) == (5, Decimal("0.4000"))
    assert africa.aggregates["rights"].median == Decimal("66.67")
    assert [g.code for g in build_codes(groups)] == ["global", "002", "014", "011", "019", "013", "150", "155"]


def build_codes(groups: dict):
    return list(groups.values())


def test_ranking_only_when_asked_and_ties_share_a_rank(seeded):
    with seeded.app_context():
        assert build(ADMIN).ranking is None
        found = build(ADMIN, rank="rights")
    assert [(r.country, r.rank) for r in found.ranking.rows] == [
        ("DEU", 1), ("KEN", 1), ("MEX", 3), ("UGA", 3), ("SEN", 5), ("ETH", 6), ("NGA", 7)]
    assert [p.country for p in found.profiles][:2] == ["DEU", "KEN"]


def test_an_unknown_rank_node_is_refused(seeded):
    with seeded.app_context(), pytest.raises(RequestProblems) as refused:
        build(ADMIN, rank="nowhere")
    assert "rights" in refused.value.problems["rank"]


def test_like_for_like_change_across_versions(seeded):
    with seeded.app_context():
        found = build(ADMIN, baseline="2019")
    rows = {(r.country, r.domain): r for r in found.change}
    rights = rows[("KEN", "rights")]
    # baseline carried: r1 50, r2 no → s0 (0): 25; current on r1, r2 only: 100
    assert (rights.baseline, rights.current, rights.delta) == (Decimal("25.00"), Decimal("100.00"), Decimal("75.00"))
    assert (rights.comparability, rights.questions, rights.total, rights.movement) == ("indirect", 2, 3, "improved")
    crisis = rows[("KEN", "crisis")]
    assert (crisis.comparability, crisis.questions, crisis.total, crisis.delta) == ("direct", 1, 2, Decimal(0))
    whole = rows[("KEN", "whole")]
    assert (whole.comparability, whole.questions, whole.total, whole.baseline, whole.delta) == (
        "none", 0, 1, None, None)
    assert any("1.0 → 2.0 (cmp/mappings/1.0-to-2.0.yaml)" in m for m in found.method.mappings)


def test_same_version_change_is_direct_from_the_stored_results(seeded):
    with seeded.app_context():
        found = build(ADMIN, baseline="2023")
    rows = {r.domain: r for r in found.change if r.country == "ETH"}
    # 2023: rights (50 + 0 + 0) / 3 = 16.67 → 2026: 33.33
    assert (rows["rights"].baseline, rows["rights"].current, rows["rights"].delta) == (
        Decimal("16.67"), Decimal("33.33"), Decimal("16.66"))
    assert (rows["rights"].comparability, rows["rights"].questions, rows["rights"].total) == ("direct", 3, 3)
    assert rows["crisis"].movement == "improved"  # 0 (low) → 100 (full)


@pytest.fixture
def seeded(app, tmp_path):
    return cs.seed(app, tmp_path)


def test_small_groups_are_suppressed_for_a_country_user(seeded):
    with seeded.app_context():
        found = build(FOCAL_KEN)
    assert [p.country for p in found.profiles] == ["KEN", "MEX", "DEU"]  # own and published
    assert (found.population, found.hidden) == (7, 4)
    groups = {g.code: g.aggregates["rights"] for g in found.distribution}
    assert not groups["global"].suppressed and groups["global"].n == 7
    assert not groups["002"].suppressed  # five states, four hidden: nothing to subtract
    assert groups["014"].suppressed  # three states, two hidden from this user
    assert groups["011"].suppressed and groups["019"].suppressed  # fewer than 3 states
    assert groups["014"].bands == () and groups["014"].median is None
    with seeded.app_context():
        admin = {g.code: g.aggregates["rights"] for g in build(ADMIN).distribution}
    assert not any(a.suppressed for a in admin.values())


def test_named_countries_the_user_may_not_see_are_absent(seeded):
    with seeded.app_context():
        found = build(FOCAL_KEN, countries="NGA,ETH")
    assert found.profiles == () and found.population == 0
    assert found.distribution[0].aggregates["rights"].suppressed


def test_a_latest_comparison_is_preliminary(seeded):
    with seeded.app_context():
        cs.result("GHA", 2026, {"r1": 100}, state="submitted", kind="submitted")
        found = build(ADMIN, source="latest")
        validated = build(ADMIN)
    assert found.preliminary and not validated.preliminary
    assert "GHA" in {p.country for p in found.profiles} and "GHA" not in {p.country for p in validated.profiles}
    assert any("PRELIMINARY" in sentence for sentence in found.method.sentences)


def test_latest_is_refused_to_analysts_and_limited_to_an_evaluators_countries(seeded):
    with seeded.app_context():
        with pytest.raises(RequestProblems) as refused:
            build(ANALYST, source="latest")
        assert refused.value.status == 403
        found = build(Viewer("evaluator", countries=("KEN", "ETH")), source="latest")
    assert [p.country for p in found.profiles] == ["ETH", "KEN"] and found.hidden == 0


def test_peers_meet_the_target_where_the_chosen_country_does_not(seeded):
    with seeded.app_context():
        found = build(ADMIN, peer="ETH")
    nodes = {n.id: n for n in found.peers.nodes}
    assert set(nodes) == {"rights", "rights_a", "whole", "whole_a"}  # ETH: rights 33.33, whole 0
    assert [(p.country, p.proximity) for p in nodes["rights"].peers] == [
        ("KEN", "subregion"), ("UGA", "subregion"), ("DEU", "other"), ("MEX", "other")]
    assert [r.id for r in nodes["rights"].recommendations] == ["rec_r1"]


def test_country_users_see_only_visible_peers_of_their_own_country(seeded):
    with seeded.app_context():
        found = build(FOCAL_KEN, peer="KEN")
        other = build(FOCAL_KEN, peer="MEX")
    crisis = next(n for n in found.peers.nodes if n.id == "crisis")
    assert [p.country for p in crisis.peers] == ["DEU"]  # ETH and SEN meet it, but are not visible
    assert other.peers is None


def test_every_text_is_in_the_requested_language(seeded):
    with seeded.app_context():
        found = build(ADMIN, language="fr")
    assert found.nodes[1].title == "Rights [fr]" and found.profiles[0].region_name == "Afrique"


def test_nothing_yet_gives_an_empty_comparison(app, tmp_path):
    cs.load(app, tmp_path / "q")
    with app.app_context():
        found = build(ADMIN)
    assert found.profiles == () and found.distribution[0].aggregates["rights"].n == 0


def test_users_of_the_database_work_too(seeded, make_user):
    email = make_user(role="analyst", country=None)
    with seeded.app_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        assert len(build(user).profiles) == 7
