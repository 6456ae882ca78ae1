"""Token-authenticated API calls carry no cookie session; browser calls keep theirs."""

import pytest
from api_support import bearer, open_assessment, publish, token_for
from conftest import login
from flask import Flask

from mgf_assess.auth.sessions import TokenCallSession, bearer_token


@pytest.fixture
def setup(app, tmp_path, make_user):
    publish(app, tmp_path / "q")
    email = make_user(role="focal_point", country="KEN")
    return open_assessment(app), bearer(token_for(app, email)), email


def test_a_token_call_neither_reads_nor_sets_a_session_cookie(app, client, setup):
    assessment_id, headers, _email = setup
    response = client.put(f"/api/v1/assessments/{assessment_id}/answers/q_yes",
                          json={"value": "yes", "base_revision": 0}, headers=headers)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers and "Cookie" not in response.headers.get("Vary", "")


def test_a_browser_call_to_the_api_keeps_its_session(app, client, setup):
    _assessment_id, _headers, email = setup
    login(client, email)
    response = client.get("/api/v1/me")
    assert response.status_code == 200 and response.get_json()["email"] == email


def test_writing_to_a_token_call_session_says_why_it_cannot():
    with pytest.raises(RuntimeError, match="no session: keep per-call state in flask.g"):
        TokenCallSession()["key"] = "value"


@pytest.mark.parametrize(("path", "header", "token"), [
    ("/api/v1/me", "Bearer abc", "abc"),
    ("/api/v1/me", "Basic abc", None),
    ("/assessments", "Bearer abc", None),  # pages never authenticate with tokens
])
def test_bearer_tokens_are_read_only_from_api_calls(path, header, token):
    with Flask(__name__).test_request_context(path, headers={"Authorization": header}) as context:
        assert bearer_token(context.request) == token
