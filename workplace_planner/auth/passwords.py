"""Password hashing (argon2id) and the password rules."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 10
# Passwords that appear at the top of every leaked list, in Dutch and English. Compared without
# case, digits and punctuation, so "Welkom2026!" is caught as "welkom".
COMMON_WORDS = frozenset({
    "welkom", "wachtwoord", "password", "passw", "qwerty", "qwertyuiop", "azerty", "geheim",
    "letmein", "admin", "gemeente", "voorjaar", "zomer", "herfst", "winter", "lente",
    "iloveyou", "monkey", "dragon", "football", "voetbal", "abcdef", "abcdefghij",
})
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


# Spent on unknown e-mail addresses, so that the answer time does not reveal who has an account.
DUMMY_HASH = hash_password("not-a-real-password")


def weakness(password: str, email: str | None = None) -> str | None:
    """Why a password is too weak ("short", "common", "email"), or None."""
    if len(password) < MIN_LENGTH:
        return "short"
    letters = "".join(c for c in password.lower() if c.isalpha())
    if not letters or letters in COMMON_WORDS or len(set(password)) < 4:
        return "common"
    if email:
        local = email.split("@", 1)[0].lower()
        if len(local) >= 4 and local in password.lower():
            return "email"
    return None
