"""Invitations: made on the page and on the command line, accepted once through a link valid
for 7 days that sets the password (and leads to two-step set-up where the role requires it),
listed, resent and withdrawn, every step audited."""

from datetime import timedelta

import pytest
from conftest import PASSWORD, login
from mail_support import link_in, outbox
from mfa_support import user_of

from mgf_assess.auth.invitations.models import Invitation
from mgf_assess.auth.models import User
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db

NEW_PASSWORD = "amber-harbour-quietly-violet"


def _invite(client, email="wanjiru@health.go.ke", name="Wanjiru Kamau", **fields):
    data = {"email": email, "name": name, "role": "contributor", "country": "KEN", "language": "en", **fields}
    return client.post("/invitations", data=data)


def _link(app, email="wanjiru@health.go.ke") -> str:
    return link_in([item for item in outbox(app) if item.recipient == email][-1].body_text)


def _accept(client, path, password=NEW_PASSWORD, name="Wanjiru Kamau"):
    return client.post(path, data={"name": name, "password": password, "confirm": password})


def _invitations(app) -> list[Invitation]:
    with app.app_context():
        return list(db.session.scalars(db.select(Invitation).order_by(Invitation.id)))


def _shift(app, delta):
    with app.app_context():
        for invitation in db.session.scalars(db.select(Invitation)):
            invitation.sent_at += delta
            invitation.expires_at += delta
        db.session.commit()


def test_a_focal_point_invites_a_contributor_of_their_country(app, client, login_as):
    login_as(role="focal_point", country="KEN")
    page = client.get("/invitations")
    assert page.status_code == 200 and "contributors of Kenya" in page.get_data(as_text=True)
    response = _invite(client)
    assert response.status_code == 302
    [invitation] = _invitations(app)
    assert (invitation.role, invitation.country_code, invitation.email) == ("contributor", "KEN", "wanjiru@health.go.ke")
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    [message] = outbox(app)
    assert message.recipient == "wanjiru@health.go.ke" and message.expires_at == invitation.expires_at
    assert "/invitation/" in message.body_text and "Kenya" in message.body_text
    assert "Wanjiru Kamau" in client.get("/invitations").get_data(as_text=True)


def test_accepting_sets_the_password_and_signs_in_once(app, client, login_as):
    login_as(role="focal_point", country="KEN")
    _invite(client, language="fr")
    path = _link(app)
    guest = app.test_client()
    assert guest.get(path).status_code == 200
    done = _accept(guest, path, name="Wanjiru W. Kamau")
    assert done.status_code == 302 and guest.get("/account").status_code == 200
    user = user_of(app, "wanjiru@health.go.ke")
    assert (user.role, user.country_code, user.language, user.name) == ("contributor", "KEN", "fr", "Wanjiru W. Kamau")
    assert _invitations(app)[0].accepted_at is not None and _invitations(app)[0].user_id == user.id
    assert login(app.test_client(), "wanjiru@health.go.ke", NEW_PASSWORD).status_code == 302
    again = app.test_client()
    assert again.get(path).status_code == 410 and _accept(again, path).status_code == 410
    assert "Wanjiru" not in client.get("/invitations").get_data(as_text=True)  # no longer waiting


def test_the_password_follows_the_policy(app, client, login_as):
    login_as(role="focal_point", country="KEN")
    _invite(client)
    path = _link(app)
    guest = app.test_client()
    refused = _accept(guest, path, password="wanjiru.kamau!")
    assert refused.status_code == 422 and "your name" in refused.get_data(as_text=True)
    assert user_of(app, "wanjiru@health.go.ke") is None and _invitations(app)[0].accepted_at is None
    assert _accept(guest, path).status_code == 302  # the link still works after a refusal


def test_a_role_that_requires_two_step_verification_is_sent_to_set_it_up(app, client, login_as):
    login_as(role="admin", country=None)
    app.config["MFA_REQUIRED_ROLES"] = ("evaluator",)  # the inviting admin is not enrolled here
    _invite(client, email="eva@iom.int", name="Eva Lind", role="evaluator", country="")
    assert "two-step verification" in outbox(app)[0].body_text
    guest = app.test_client()
    path = _link(app, "eva@iom.int")
    assert "you set it up next" in guest.get(path).get_data(as_text=True)
    assert _accept(guest, path, name="Eva Lind").status_code == 302
    assert guest.get("/").headers["Location"].endswith("/account/mfa")


def test_the_link_expires_after_7_days(app, client, login_as):
    login_as(role="focal_point", country="KEN")
    _invite(client)
    path = _link(app)
    _shift(app, -timedelta(days=6, hours=23))
    assert app.test_client().get(path).status_code == 200
    _shift(app, -timedelta(hours=1))
    assert app.test_client().get(path).status_code == 410 and _accept(app.test_client(), path).status_code == 410
    assert "expired" in client.get("/invitations").get_data(as_text=True)


def test_resending_makes_a_new_link_and_the_old_one_stops_working(app, client, login_as):
    login_as(role="focal_point", country="KEN")
    _invite(client)
    old = _link(app)
    _shift(app, -timedelta(days=8))  # expired: resending renews it
    [invitation] = _invitations(app)
    assert client.post(f"/invitations/{invitation.id}/resend").status_code == 302
    new = _link(app)
    assert new != old and len(outbox(app)) == 2
    assert app.test_client().get(old).status_code == 410 and app.test_client().get(new).status_code == 200
    assert _invitations(app)[0].expires_at > invitation.expires_at + timedelta(days=7)


def test_withdrawing_stops_the_link(app, client, login_as):
    login_as(role="focal_point", country="KEN")
    _invite(client)
    path = _link(app)
    [invitation] = _invitations(app)
    assert client.post(f"/invitations/{invitation.id}/withdraw").status_code == 302
    assert app.test_client().get(path).status_code == 410
    assert "Wanjiru" not in client.get("/invitations").get_data(as_text=True)
    client.post(f"/invitations/{invitation.id}/withdraw")  # twice: refused, nothing changes
    assert client.post(f"/invitations/{invitation.id}/resend").status_code == 302
    assert len(outbox(app)) == 1


def test_every_step_is_audited(app, client, login_as):
    focal = login_as(role="focal_point", country="KEN")
    _invite(client)
    [invitation] = _invitations(app)
    client.post(f"/invitations/{invitation.id}/resend")
    _accept(app.test_client(), _link(app))
    _invite(client, email="other@trade.go.ke", name="Otieno")
    client.post(f"/invitations/{_invitations(app)[1].id}/withdraw")
    with app.app_context():
        events = db.session.scalars(db.select(AuditEvent).filter_by(object_type="invitation")
                                    .order_by(AuditEvent.id)).all()
        actors = {event.action: event.actor_id for event in events}
    assert [event.action for event in events] == ["invitation.create", "invitation.resend", "invitation.accept",
                                                  "invitation.create", "invitation.withdraw"]
    assert actors["invitation.create"] == user_of(app, focal).id
    assert actors["invitation.accept"] == user_of(app, "wanjiru@health.go.ke").id
    assert all(event.country_code == "KEN" for event in events)


def test_an_address_with_an_account_or_a_waiting_invitation_is_refused(app, client, login_as, make_user):
    login_as(role="focal_point", country="KEN")
    existing = make_user(role="contributor")
    assert _invite(client, email=existing).status_code == 422
    assert _invite(client).status_code == 302
    again = _invite(client, email="Wanjiru@Health.go.ke ")
    assert again.status_code == 422 and "waiting already" in again.get_data(as_text=True)
    assert len(_invitations(app)) == 1


def test_an_account_opened_meanwhile_makes_the_link_refuse(app, client, login_as, make_user):
    login_as(role="focal_point", country="KEN")
    _invite(client)
    make_user(role="contributor", email="wanjiru@health.go.ke")  # an admin was quicker
    refused = _accept(app.test_client(), _link(app))
    assert refused.status_code == 422 and _invitations(app)[0].accepted_at is None


def test_a_signed_in_visitor_is_asked_to_sign_out_first(app, client, login_as):
    login_as(role="focal_point", country="KEN")
    _invite(client)
    page = client.get(_link(app))
    assert page.status_code == 200 and "Sign out first" in page.get_data(as_text=True)
    assert _accept(client, _link(app)).status_code == 200 and _invitations(app)[0].accepted_at is None


# ---- role and country rules over HTTP --------------------------------------------------------

@pytest.mark.parametrize(("fields", "status"), [
    ({"country": "MEX"}, 422),  # not one of the offered countries
    ({"role": "focal_point"}, 422),
    ({"role": "admin", "country": ""}, 422),
])
def test_a_focal_point_cannot_invite_outside_their_rules(app, client, login_as, fields, status):
    login_as(role="focal_point", country="KEN")
    assert _invite(client, **fields).status_code == status
    assert _invitations(app) == [] and outbox(app) == []


def test_an_admin_invites_anyone_to_any_role(app, client, login_as):
    login_as(role="admin", country=None)
    assert _invite(client, email="fp@interior.gob.mx", role="focal_point", country="MEX").status_code == 302
    assert _invite(client, email="an@iom.int", role="analyst", country="").status_code == 302
    assert _invite(client, email="no@country.org", role="contributor", country="").status_code == 422
    assert [(i.role, i.country_code) for i in _invitations(app)] == [("focal_point", "MEX"), ("analyst", None)]


# ---- the command line ------------------------------------------------------------------------

def test_the_command_line_invites_and_prints_the_link_last(app, runner):
    result = runner.invoke(args=["mgf", "users", "invite", "Amina@Example.org", "--name", "Amina Diallo",
                                 "--role", "focal_point", "--country", "sen", "--language", "fr"])
    assert result.exit_code == 0, result.output
    link = result.output.strip().splitlines()[-1]
    assert link.startswith("http://127.0.0.1:5000/invitation/")
    [invitation] = _invitations(app)
    assert (invitation.email, invitation.role, invitation.country_code, invitation.invited_by_id) == (
        "amina@example.org", "focal_point", "SEN", None)
    [message] = outbox(app)
    assert message.status == "logged" and message.language == "fr"  # no SMTP server: the log
    guest = app.test_client()
    assert _accept(guest, link.removeprefix("http://127.0.0.1:5000"), name="Amina Diallo").status_code == 302


def test_the_command_line_sends_through_smtp_and_survives_an_outage(app, runner):
    from mail_support import serving

    servers = serving(app)
    server = next(servers)
    try:
        sent = runner.invoke(args=["mgf", "users", "invite", "a@example.org", "--name", "A", "--role", "analyst"])
        assert sent.exit_code == 0 and "sent by mail" in sent.output and len(server.messages) == 1
        server.stop()
        down = runner.invoke(args=["mgf", "users", "invite", "b@example.org", "--name", "B", "--role", "analyst"])
        assert down.exit_code == 0 and "could not be sent now" in down.output
        assert down.output.strip().splitlines()[-1].startswith("http://127.0.0.1:5000/invitation/")
        assert outbox(app, recipient="b@example.org")[0].status == "pending"
    finally:
        next(servers, None)


def test_the_command_line_reports_problems(app, runner):
    result = runner.invoke(args=["mgf", "users", "invite", "x@example.org", "--name", "X", "--role", "contributor"])
    assert result.exit_code == 2 and "country" in result.output and _invitations(app) == []


def test_an_accepted_account_signs_in_with_its_password_not_the_old_one(app, client, login_as):
    login_as(role="focal_point", country="KEN")
    _invite(client)
    _accept(app.test_client(), _link(app))
    assert login(app.test_client(), "wanjiru@health.go.ke", PASSWORD).status_code == 200
    with app.app_context():
        assert db.session.scalar(db.select(User).filter_by(email="wanjiru@health.go.ke")).active


def test_resending_to_an_address_that_has_an_account_now_is_refused(app, client, login_as, make_user):
    login_as(role="focal_point", country="KEN")
    _invite(client)
    make_user(role="contributor", email="wanjiru@health.go.ke")
    [invitation] = _invitations(app)
    response = client.post(f"/invitations/{invitation.id}/resend", follow_redirects=True)
    assert "already uses this e-mail address" in response.get_data(as_text=True) and len(outbox(app)) == 1
