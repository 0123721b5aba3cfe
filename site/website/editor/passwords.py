"""Passwords: argon2 hashes and the OWASP rules (length and a blocklist, no composition rules)."""

from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 8
# Long passphrases are welcome; the cap only keeps hashing cheap for absurd input.
MAX_LENGTH = 256
_hasher = PasswordHasher()
# Verifying against this keeps a login for an unknown name as slow as one for a known name.
_DUMMY_HASH = _hasher.hash("not a password anyone has")


def hash_password(password: str) -> str:
    """Return an argon2id hash of the password."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Say whether the password matches the hash; spend the same effort when there is none."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


@cache
def common_passwords() -> frozenset[str]:
    """Return the blocklist of common passwords shipped with the package, lower case."""
    path = Path(__file__).with_name("common-passwords.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip())


# Why a password is refused, in English; the editor's forms show them translated.
PROBLEMS = {
    "short": "Use at least 8 characters; a sentence of a few words is easiest to remember.",
    "long": "Use at most 256 characters.",
    "common": "This password is too common or too easy to guess. Choose another one.",
}


def password_problem(password: str, account_name: str = "") -> str | None:
    """Return why a new password is not good enough (a key of PROBLEMS), or None if it is."""
    if len(password) < MIN_LENGTH:
        return "short"
    if len(password) > MAX_LENGTH:
        return "long"
    lowered = password.lower()
    if lowered in common_passwords() or (account_name and lowered == account_name.lower()):
        return "common"
    return None
