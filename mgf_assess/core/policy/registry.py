"""The policy's registry: rules by action name, and the questions every page asks of it
(``can``, ``require``, ``can_see_country``)."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort

Rule = Callable[[object, object], bool]
RULES: dict[str, Rule] = {}
ALL_COUNTRIES_ROLES = ("admin", "analyst")
COUNTRY_ROLES = ("focal_point", "contributor")


def rule(action: str) -> Callable[[Rule], Rule]:
    def register(function: Rule) -> Rule:
        RULES[action] = function
        return function

    return register


def can_see_country(user, country_code: str | None) -> bool:
    """Whether the user may see data of a country at all."""
    if not signed_in(user) or country_code is None:
        return False
    if user.role in ALL_COUNTRIES_ROLES:
        return True
    return country_code in user.country_codes


def can(user, action: str, obj: object = None) -> bool:
    """True when ``user`` may do ``action`` to ``obj``; unknown actions are refused."""
    check = RULES.get(action)
    return bool(signed_in(user) and check and check(user, obj))


def require(user, action: str, obj: object = None) -> None:
    """Abort with 404 when the object is outside the user's countries, 403 when merely not allowed."""
    country = getattr(obj, "country_code", None) if obj is not None else None
    if country is not None and not can_see_country(user, country):
        abort(404)
    if not can(user, action, obj):
        abort(403)


def signed_in(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def is_admin(user, _obj=None) -> bool:
    return user.role == "admin"
