"""Who sees what: the policy's result rules for every role, publishing through the workflow,
and a representative set over HTTP (comparison page, downloads, API, public profiles)."""

from types import SimpleNamespace

import compare_support as cs
import pytest
from api_support import bearer, token_for
from conftest import login

from mgf_assess.assessments import operations, steps
from mgf_assess.assessments.errors import NotEditable
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db


@pytest.fixture
def seeded(app, tmp_path):
    return cs.seed(app, tmp_path)


def _user(role, country=None, evaluated=()):
    codes = set(evaluated) if role == "evaluator" else ({country} if country else set())
    return SimpleNamespace(is_authenticated=True, is_active=True, role=role, country_code=country,
                           country_codes=codes, id=None)


USERS = {"admin": _user("admin"), "analyst": _user("analyst"), "focal KEN": _user("focal_point", "KEN"),
         "contributor KEN": _user("contributor", "KEN"), "evaluator of KEN": _user("evaluator", None, ("KEN",)),
         "focal MEX": _user("focal_point", "MEX")}
RESULTS = {  # (country, state, published)
    "KEN validated": ("KEN", "validated", False), "KEN published": ("KEN", "validated", True),
    "NGA validated": ("NGA", "validated", False), "NGA published": ("NGA", "validated", True),
    "KEN submitted": ("KEN", "submitted", False)}
# Who may see which result on its own (not only inside an aggregate).
SEES = {
    "admin": set(RESULTS) - {"KEN submitted"}, "analyst": set(RESULTS) - {"KEN submitted"},
    "focal KEN": {"KEN validated", "KEN published", "NGA published"},
    "contributor KEN": {"KEN validated", "KEN published", "NGA published"},
    "evaluator of KEN": {"KEN validated", "KEN published", "NGA published"},
    "focal MEX": {"KEN published", "NGA published"},
}


def _assessment(key):
    country, state, published = RESULTS[key]
    return SimpleNamespace(country_code=country, state=state, published_at="2026-01-01" if published else None)


@pytest.mark.parametrize("who", sorted(USERS))
@pytest.mark.parametrize("result", sorted(RESULTS))
def test_who_sees_which_result(who, result):
    assert policy.can(USERS[who], "result.view", _assessment(result)) is (result in SEES[who])


@pytest.mark.parametrize("who", sorted(USERS))
def test_latest_results_are_for_admins_and_evaluators_of_the_country(who):
    latest = policy.can(USERS[who], "result.view_latest", _assessment("KEN submitted"))
    assert latest is (who in ("admin", "evaluator of KEN"))
    assert policy.can(USERS[who], "comparisons.latest") is (who in ("admin", "evaluator of KEN"))
    assert policy.can(USERS[who], "corridors.manage") is (who in ("admin", "analyst"))
    assert policy.can(USERS[who], "comparisons.view")


@pytest.mark.parametrize("result", sorted(RESULTS))
def test_only_validated_published_results_are_public(result):
    assert policy.is_public(_assessment(result)) is (result in ("KEN published", "NGA published"))


@pytest.mark.parametrize("who", sorted(USERS))
def test_who_may_publish_and_unpublish(who):
    validated, published = _assessment("KEN validated"), _assessment("KEN published")
    may_publish = who in ("admin", "focal KEN")
    assert policy.can(USERS[who], "transition.publish", validated) is may_publish
    assert not policy.can(USERS[who], "transition.publish", published)  # already published
    assert not policy.can(USERS[who], "transition.publish", _assessment("KEN submitted"))
    assert policy.can(USERS[who], "transition.unpublish", published) is (who == "admin")
    assert not policy.can(USERS[who], "transition.unpublish", validated)


# ---- publishing through the workflow ------------------------------------------------------

def test_publish_and_unpublish_keep_the_state_and_are_audited(seeded):
    with seeded.app_context():
        assessment = cs.assessment(db.session.scalar(db.select(AuditEvent.object_id).filter_by(
            action="assessment.create", country_code="KEN").order_by(AuditEvent.id)))
        done = operations.run_transition(None, assessment, "publish")
        assert (done.previous_state, done.state, assessment.state) == ("validated", "validated", "validated")
        assert assessment.published_at is not None
        with pytest.raises(NotEditable):
            operations.run_transition(None, assessment, "publish")
        with pytest.raises(OperationError):
            operations.run_transition(None, assessment, "unpublish")  # a reason is required
        operations.run_transition(None, assessment, "unpublish", comment="Published by mistake")
        assert assessment.published_at is None
        events = db.session.scalars(db.select(AuditEvent).filter(AuditEvent.action.in_(
            ["assessment.publish", "assessment.unpublish"])).order_by(AuditEvent.id)).all()
        assert [e.action for e in events] == ["assessment.publish", "assessment.unpublish"]
        assert events[0].new_value["published_at"] and events[1].new_value["published_at"] is None
        assert events[1].reason == "Published by mistake"


def test_a_reopen_unpublishes_and_says_so(seeded):
    with seeded.app_context():
        published = next(a for a in map(cs.assessment, range(1, 20)) if a is not None and a.published_at)
        assert steps.unpublish_on_reopen(None, published) is True
        assert published.published_at is None and steps.unpublish_on_reopen(None, published) is False
        event = db.session.scalar(db.select(AuditEvent).filter_by(action="assessment.unpublish"))
        assert event.reason == "reopened" and event.new_value == {"published_at": None}


def test_the_focal_point_publishes_from_the_overview_page(seeded, client, make_user):
    login(client, make_user(role="focal_point", country="KEN"))
    with seeded.app_context():
        ken = db.session.scalar(db.select(AuditEvent.object_id).filter_by(action="assessment.create",
                                                                          country_code="KEN"))
    page = client.get(f"/assessments/{ken}").get_data(as_text=True)
    assert 'value="publish"' in page and 'value="unpublish"' not in page
    response = client.post(f"/assessments/{ken}/transitions", data={"action": "publish"})
    assert response.status_code == 302
    assert client.get("/profiles/KEN").status_code == 200


def test_the_api_publishes_and_only_an_admin_unpublishes(seeded, make_user):
    client = seeded.test_client()
    focal = bearer(token_for(seeded, make_user(role="focal_point", country="KEN")))
    admin = bearer(token_for(seeded, make_user(role="admin", country=None)))
    with seeded.app_context():
        ken = int(db.session.scalar(db.select(AuditEvent.object_id).filter_by(action="assessment.create",
                                                                              country_code="KEN")))
    url = f"/api/v1/assessments/{ken}/transitions"
    assert client.post(url, json={"action": "publish"}, headers=focal).status_code == 200
    assert client.post(url, json={"action": "publish"}, headers=focal).status_code == 409
    assert client.post(url, json={"action": "unpublish", "comment": "no"}, headers=focal).status_code == 403
    assert client.post(url, json={"action": "unpublish"}, headers=admin).status_code == 422
    answer = client.post(url, json={"action": "unpublish", "comment": "Withdrawn"}, headers=admin)
    assert answer.status_code == 200 and answer.get_json()["state"] == "validated"


# ---- over HTTP -----------------------------------------------------------------------------

QUERY = "/comparisons?questionnaire=cmp&cycle=2026"


def _article(html: str) -> str:
    return html[html.index("<article"):]


def test_the_comparison_needs_a_sign_in(seeded):
    client = seeded.test_client()
    assert client.get(QUERY).status_code == 302
    assert client.get("/api/v1/comparisons?questionnaire=cmp&cycle=2026").status_code == 401


def test_a_focal_point_sees_own_and_published_countries_only(seeded, client, make_user):
    login(client, make_user(role="focal_point", country="KEN"))
    html = _article(client.get(QUERY + "&baseline=2019").get_data(as_text=True))
    assert "Kenya" in html and "Mexico" in html and "Germany" in html
    assert "Ethiopia" not in html and "Nigeria" not in html and "Uganda" not in html
    assert "fewer than 3 states" in html
    csv = client.get("/comparisons/export.csv?questionnaire=cmp&cycle=2026").get_data(as_text=True)
    assert "NGA" not in csv and "KEN" in csv


def test_latest_is_forbidden_to_analysts_and_marked_for_evaluators(seeded, client, make_user):
    login(client, make_user(role="analyst", country=None))
    assert client.get(QUERY + "&source=latest").status_code == 403
    assert client.get("/comparisons/export.pdf?questionnaire=cmp&cycle=2026&source=latest").status_code == 403
    client.post("/logout")
    login(client, make_user(role="evaluator", country=None, evaluated=("KEN",)))
    html = client.get(QUERY + "&source=latest").get_data(as_text=True)
    assert "PRELIMINARY" in html


def test_bad_parameters_show_the_form_with_every_problem(seeded, client, make_user):
    login(client, make_user(role="analyst", country=None))
    response = client.get("/comparisons?questionnaire=cmp&cycle=1999&regions=9x9&countries=KEN,ZZZ&baseline=2030")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    for name in ("cycle", "regions"):
        assert f'href="#compare-{name}"' in html
    assert client.get("/comparisons/export.docx?questionnaire=cmp&cycle=2026").status_code == 404
    assert client.get("/comparisons/export.pdf?questionnaire=cmp&cycle=2026&lang=de").status_code == 404
    assert client.get("/comparisons?questionnaire=cmp&cycle=2026&countries=ZZZ").status_code == 422


def test_the_api_answers_as_documented(seeded, make_user):
    client = seeded.test_client()
    focal = bearer(token_for(seeded, make_user(role="focal_point", country="KEN")))
    analyst = bearer(token_for(seeded, make_user(role="analyst", country=None)))
    url = "/api/v1/comparisons?questionnaire=cmp&cycle=2026&baseline=2019&regions=002,019&rank=rights&peer=KEN"
    body = client.get(url, headers=analyst).get_json()
    assert {c["country"] for c in body["countries"]} == {"KEN", "ETH", "UGA", "NGA", "SEN", "MEX"}
    assert body["ranking"]["rows"][0]["rank"] == 1 and body["peers"]["country"] == "KEN"
    assert body["distribution"]["global"]["rights"]["bands"] == {"low": 2, "mid": 1, "meets": 2, "full": 1}
    ken = next(c for c in body["change"] if c["country"] == "KEN" and c["domain"] == "rights")
    assert ken["coverage"] == {"questions": 2, "total": 3} and ken["comparability"] == "indirect"
    mine = client.get(url, headers=focal).get_json()
    assert {c["country"] for c in mine["countries"]} == {"KEN", "MEX"}
    assert mine["distribution"]["regions"]["014"]["rights"] == {"suppressed": True}
    assert mine["peers"]["country"] == "KEN"
    hidden_only = client.get("/api/v1/comparisons?questionnaire=cmp&cycle=2026&countries=NGA,ETH", headers=focal)
    assert hidden_only.status_code == 200 and hidden_only.get_json()["countries"] == []


def test_the_api_refuses_bad_parameters_with_every_problem(seeded, make_user):
    client = seeded.test_client()
    analyst = bearer(token_for(seeded, make_user(role="analyst", country=None)))
    response = client.get("/api/v1/comparisons?questionnaire=cmp&regions=abc&source=latest", headers=analyst)
    assert response.status_code == 422
    assert {p["location"] for p in response.get_json()["error"]["problems"]} == {"cycle"}
    response = client.get("/api/v1/comparisons?questionnaire=cmp&cycle=2026&regions=abc&source=nope", headers=analyst)
    assert {p["location"] for p in response.get_json()["error"]["problems"]} == {"regions", "source"}
    latest = client.get("/api/v1/comparisons?questionnaire=cmp&cycle=2026&source=latest", headers=analyst)
    assert latest.status_code == 403
    many = ",".join(["KEN"] * 251)
    assert client.get(f"/api/v1/comparisons?questionnaire=cmp&cycle=2026&countries={many}",
                      headers=analyst).status_code == 200  # repeated codes count once


def test_public_profiles_show_only_published_results(seeded):
    client = seeded.test_client()  # nobody signed in
    listing = client.get("/profiles").get_data(as_text=True)
    assert "Germany" in listing and "Mexico" in listing and "Kenya" not in listing
    assert client.get("/profiles/DEU").status_code == 200
    for code in ("KEN", "NGA", "ZZZ", "deu", "D<E"):
        assert client.get(f"/profiles/{code}").status_code == 404, code
    assert client.get("/profiles/KEN/report.pdf").status_code == 404
    pdf = client.get("/profiles/DEU/report.pdf?lang=fr")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    page = client.get("/profiles/DEU").get_data(as_text=True)
    assert "Rights [en]" in page and "/profiles/DEU/report.pdf" in page and 'role="img"' in page


def test_nothing_published_gives_a_plain_empty_list(app):
    assert "No country profile is published yet." in app.test_client().get("/profiles").get_data(as_text=True)


def test_generated_comparison_requests_conform_to_the_document(seeded, make_user):
    """Schemathesis on real results: any mix of the parameters answers as documented."""
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from test_schemathesis import CHECKS, SETTINGS, schema

    operation = schema.find_operation_by_label("GET /comparisons")
    token = bearer(token_for(seeded, make_user(role="focal_point", country="KEN")))
    codes = st.lists(st.sampled_from(["KEN", "ETH", "MEX", "DEU", "ZZZ", "ken"]), max_size=3).map(",".join)
    query = st.fixed_dictionaries(
        {"questionnaire": st.just("cmp"), "cycle": st.sampled_from([2019, 2023, 2026])},
        optional={"baseline": st.sampled_from([2019, 2023, 2026]), "countries": codes,
                  "regions": st.sampled_from(["002", "014,019", "999", ""]), "rank": st.sampled_from(
                      ["overall", "rights", "nowhere"]), "peer": st.sampled_from(["KEN", "MEX", "ETH"]),
                  "source": st.sampled_from(["validated", "latest"])})

    @given(params=query)
    @settings(SETTINGS, max_examples=40)
    def run(params):
        operation.Case(query=params).call_and_validate(app=seeded, headers=token, checks=CHECKS)

    run()
