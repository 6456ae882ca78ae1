"""The password policy: the one check every new password passes, wherever it is set (account
page, user administration, ``mgf users create``, invitations and resets).

A password needs at least ``MIN_LENGTH`` characters and an estimated strength of at least
``MIN_SCORE`` on zxcvbn's scale of 0 to 4 (an offline estimator: common passwords, words,
names, keyboard patterns, repeats, sequences and dates count for little). The person's e-mail
address and name, and the application's own words, count as guessable too.
"""

from __future__ import annotations

import re

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from zxcvbn import zxcvbn

MIN_LENGTH = 12
MAX_LENGTH = 1000  # the forms' limit too: argon2 hashes any length, but nobody types more
MIN_SCORE = 3  # zxcvbn: 3 = "safely unguessable: moderate protection from offline attacks"
# A password built on the person's name or e-mail address is guessed first by anyone who knows
# them (zxcvbn still rates "wanjiru.kamau!" 3): it needs zxcvbn's top score.
PERSONAL_MIN_SCORE = 4
# zxcvbn's run time grows quickly with length and it refuses more than 72 characters: a
# longer password is judged by its first 72 (whose strength is a lower bound of the whole).
ESTIMATED_LENGTH = 72
APPLICATION_WORDS = ("mgf", "assess", "migration", "governance", "iom", "migof", "demo")

ADVICE = _l("Choose a longer one that others could not guess, for example three or four unrelated words.")
REASONS = {
    "common": _l("This password is a commonly used one, or close to one."),
    "keyboard": _l("Keyboard patterns such as qwerty are easy to guess."),
    "repeat": _l("Repeated characters or words such as aaa are easy to guess."),
    "sequence": _l("Sequences such as abc or 6543 are easy to guess."),
    "date": _l("Dates and years are easy to guess."),
    "word": _l("A single word is easy to guess."),
    "name": _l("Names and surnames are easy to guess."),
    "personal": _l("It contains your name, your e-mail address or the name of this application."),
    "weak": _l("This password is too easy to guess."),
}
# zxcvbn's (English) warnings, by the start of their text, and the reason each one gives.
_WARNINGS = (("Straight rows", "keyboard"), ("Short keyboard", "keyboard"), ("Repeats", "repeat"),
             ("Sequences", "sequence"), ("Recent years", "date"), ("Dates", "date"),
             ("This is a top", "common"), ("This is a very common", "common"),
             ("This is similar to a commonly", "common"), ("A word by itself", "word"),
             ("Names and surnames", "name"), ("Common names", "name"))


def problem(password: str, *, email: str = "", name: str = "") -> LazyString | None:
    """Why ``password`` is not acceptable (a message translated when shown), or None."""
    if len(password) < MIN_LENGTH:
        return _l("The password must have at least %(n)d characters.", n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return _l("The password must have at most %(n)d characters.", n=MAX_LENGTH)
    if password.strip() != password:
        return _l("The password must not start or end with a space.")
    reason = weakness(password, context_words(email, name))
    return None if reason is None else LazyString(lambda: f"{REASONS[reason]} {ADVICE}")


def weakness(password: str, words: list[str]) -> str | None:
    """The code of the reason zxcvbn finds the password guessable (a key of REASONS), or None."""
    result = zxcvbn(password[:ESTIMATED_LENGTH], user_inputs=words)
    personal = any(match.get("dictionary_name") == "user_inputs" for match in result["sequence"])
    if result["score"] >= (PERSONAL_MIN_SCORE if personal else MIN_SCORE):
        return None
    if personal:
        return "personal"
    warning = result["feedback"]["warning"] or ""
    return next((code for start, code in _WARNINGS if warning.startswith(start)), "weak")


def context_words(email: str, name: str) -> list[str]:
    """Words a guesser would try first: the e-mail address and its parts, the name and its
    parts, and the application's own words."""
    email, name = email.lower(), name.lower()
    parts = re.split(r"[^\w]+", f"{email} {name}")
    return [email, email.partition("@")[0], name, *(part for part in parts if len(part) >= 3),
            *APPLICATION_WORDS]
