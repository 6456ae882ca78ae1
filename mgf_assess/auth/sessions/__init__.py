"""Browser sessions: kept in the database (``UserSession``), so every worker honours them and
signing out ends them; the signed cookie carries the session's key and non-auth state
(language, flashes, CSRF token). Token-authenticated API calls have no session (``cookies``).

``operations`` starts and ends sessions, ``queries`` finds the session of a request (Flask-Login's
user loader) and lists a user's sessions, ``clients`` names the browser a session signed in from.
"""

from mgf_assess.auth.sessions.cookies import SessionInterface, TokenCallSession, bearer_token

__all__ = ["SessionInterface", "TokenCallSession", "bearer_token"]
