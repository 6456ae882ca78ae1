"""Two-step verification: a time-based code (TOTP, RFC 6238) from an authenticator app after the
password, or one of ten one-time recovery codes.

``totp`` (secrets, codes, time steps, the QR code) and ``recovery`` (recovery codes) are plain
functions; ``enrolment`` carries a new secret through the set-up form; ``pending`` keeps the
half-done sign-in between the password and the code; ``operations`` turns it on, off, resets
it and checks codes; ``guard`` keeps a user whose role requires it on the set-up page until
it is on.
"""
