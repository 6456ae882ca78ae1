"""Password hashing with argon2id (argon2-cffi's recommended parameters). What a new password
must be like is ``password_policy``'s concern."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified against when the account does not exist, so both paths cost the same time.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def configure_hashing(fast: bool) -> None:
    """Use argon2's recommended parameters, or cheap ones when a test suite asks for speed."""
    global _hasher, _DUMMY_HASH
    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1) if fast else PasswordHasher()
    if (hasher.time_cost, hasher.memory_cost) != (_hasher.time_cost, _hasher.memory_cost):
        _hasher, _DUMMY_HASH = hasher, hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Check a password; always spends one argon2 verification, even without an account."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False

