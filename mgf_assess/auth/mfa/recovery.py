"""Recovery codes: ten one-time codes that stand in for the authenticator app (a lost phone).

Each is 80 random bits written as 16 base32 letters and digits in four groups
(``abcd-efgh-ijkl-mnop``): too many to guess, so a SHA-256 digest is safe storage.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets

COUNT = 10
_CODE = re.compile(r"[a-z2-7]{16}")


def new_codes() -> list[str]:
    return [_new_code() for _ in range(COUNT)]


def _new_code() -> str:
    text = base64.b32encode(secrets.token_bytes(10)).decode().lower()
    return "-".join(text[index:index + 4] for index in range(0, 16, 4))


def normalise(text: str) -> str | None:
    """The code as stored (no dashes or spaces, lower case), or None if it cannot be one."""
    code = re.sub(r"[\s-]", "", text or "").lower()
    return code if _CODE.fullmatch(code) else None


def digest(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()
