"""Invitations: an admin (anyone, any role) or a focal point (contributors of their own country)
invites a person by e-mail; the single-use link, valid for ``LIFETIME``, lets them choose a
password and signs them in (then through two-step set-up where their role requires it).
``models`` holds invitations (token digests), ``operations`` makes, resends, withdraws and
accepts them, ``queries`` lists and finds them; who may do what is the access policy's."""

from datetime import timedelta

LIFETIME = timedelta(days=7)
