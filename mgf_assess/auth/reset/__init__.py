"""Forgotten passwords: a request sends a single-use link valid for ``LINK_LIFETIME`` to the
address, if an account has it (the page says the same either way); the link sets a new
password under the policy and ends every session of the account. ``models`` holds the
requests (token digests), ``operations`` makes and uses them, ``queries`` finds a link's."""

from datetime import timedelta

LINK_LIFETIME = timedelta(hours=1)
