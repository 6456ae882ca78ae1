"""Corridors: defined by analysts and admins (checked, audited), compared like a region, with
each country's role and the weakest link per domain."""

from decimal import Decimal

import compare_support as cs
import pytest
from compare_support import ADMIN, FOCAL_KEN
from conftest import login

from mgf_assess.comparisons import operations
from mgf_assess.comparisons.data import build_comparison, read_request
from mgf_assess.comparisons.models import Corridor
from mgf_assess.core.errors import OperationError
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db


@pytest.fixture
def seeded(app, tmp_path):
    return cs.seed(app, tmp_path)


ROUTE = "ETH origin\nKEN transit\nDEU destination\nMEX, destination"


def _corridor(app, name="Horn to Europe", lines=ROUTE):
    with app.app_context():
        operations.save_corridor(None, None, name, operations.parse_members(lines))
        db.session.commit()


def test_a_corridor_is_a_scope_with_roles_and_weakest_links(seeded):
    _corridor(seeded)
    with seeded.app_context():
        found = build_comparison(ADMIN, read_request({"questionnaire": "cmp", "cycle": "2026",
                                                      "corridor": "Horn to Europe"}), "en")
    assert {p.country: p.role for p in found.profiles} == {"ETH": "origin", "KEN": "transit",
                                                           "DEU": "destination", "MEX": "destination"}
    weakest = {w.node: w for w in found.corridor.weakest}
    # rights: ETH 33.33 (low) is the weakest; crisis: KEN and MEX at 50 (mid)
    assert (weakest["rights"].band, weakest["rights"].holders) == ("low", (("ETH", "Ethiopia"),))
    assert weakest["crisis"].score == Decimal("50.00") and {c for c, _ in weakest["crisis"].holders} == {"KEN", "MEX"}
    assert [m[0] for m in found.corridor.members] == ["ETH", "KEN", "DEU", "MEX"]
    assert found.population == 4


def test_hidden_countries_of_a_corridor_are_no_weakest_link(seeded):
    _corridor(seeded)
    with seeded.app_context():
        found = build_comparison(FOCAL_KEN, read_request({"questionnaire": "cmp", "cycle": "2026",
                                                          "corridor": "Horn to Europe"}), "en")
    weakest = {w.node: w for w in found.corridor.weakest}
    assert "ETH" not in {c for c, _ in weakest["rights"].holders}  # not the focal point's to see
    assert found.distribution[0].aggregates["rights"].suppressed  # four states, one hidden


@pytest.mark.parametrize(("name", "lines", "field"), [
    ("", ROUTE, "name"),
    ("x" * 101, ROUTE, "name"),
    ("One", "KEN origin", "members"),
    ("Long", "\n".join(f"{code} transit" for code in
                       ["KEN", "ETH", "UGA", "NGA", "SEN", "MEX", "DEU", "FRA", "ITA", "ESP", "PRT", "MAR", "TUN",
                        "EGY", "LBY", "SDN", "SSD", "TCD", "NER", "MLI", "BFA", "GHA", "CIV", "GIN", "SLE", "LBR",
                        "TGO", "BEN", "CMR", "GAB", "COG"]), "members"),
    ("Unknown", "KEN origin\nZZZ destination", "members"),
    ("Twice", "KEN origin\nKEN destination", "members"),
    ("Role", "KEN origin\nDEU arrival", "members"),
])
def test_a_bad_corridor_is_refused_with_a_located_reason(seeded, name, lines, field):
    with seeded.app_context(), pytest.raises(OperationError) as refused:
        operations.save_corridor(None, None, name, operations.parse_members(lines))
    assert field in refused.value.problems


def test_names_are_unique_and_changes_are_audited(seeded):
    _corridor(seeded)
    with seeded.app_context():
        corridor = db.session.scalar(db.select(Corridor))
        with pytest.raises(OperationError):
            operations.save_corridor(None, None, "Horn to Europe", [("KEN", "origin"), ("DEU", "destination")])
        operations.save_corridor(None, corridor, "Horn to Europe", [("KEN", "origin"), ("DEU", "destination")])
        db.session.commit()
        assert [(m.country_code, m.role) for m in corridor.members] == [("KEN", "origin"), ("DEU", "destination")]
        operations.delete_corridor(None, corridor)
        db.session.commit()
        actions = db.session.scalars(db.select(AuditEvent.action).filter(AuditEvent.object_type == "corridor")
                                     .order_by(AuditEvent.id)).all()
    assert actions == ["corridor.create", "corridor.update", "corridor.delete"]


def test_analysts_define_corridors_on_their_page(seeded, client, make_user):
    login(client, make_user(role="analyst", country=None))
    assert client.get("/comparisons/corridors").status_code == 200
    created = client.post("/comparisons/corridors", data={"name": "Sahel route", "members": "NGA origin\nSEN transit"})
    assert created.status_code == 302
    refused = client.post("/comparisons/corridors", data={"name": "Bad", "members": "NGA origin\nSEN nowhere"})
    assert refused.status_code == 422 and "not understood" in refused.get_data(as_text=True)
    page = client.get("/comparisons?questionnaire=cmp&cycle=2026&corridor=Sahel+route").get_data(as_text=True)
    assert 'id="corridor"' in page and "Transit" in page


def test_country_users_may_not_define_corridors(seeded, client, make_user):
    login(client, make_user(role="focal_point", country="KEN"))
    assert client.get("/comparisons/corridors").status_code == 403
    assert client.post("/comparisons/corridors", data={"name": "X", "members": "KEN origin\nDEU transit"}).status_code == 403
    assert client.get("/comparisons/corridors/1").status_code == 403
