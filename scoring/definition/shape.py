"""Shape problems: pydantic's validation errors turned into located, fixable problems.

Which pydantic error becomes which of our codes is a table; the few codes that depend on
*where* the error is (a question's ``type``, the ``format_version``) are a second table.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence

from pydantic import BaseModel, ValidationError

from scoring.problems.problem import Problem, join_location, suggestion

# pydantic error type → (our code, fix)
_BY_TYPE = {
    "extra_forbidden": ("unknown_key", "remove the key or correct its spelling"),
    "missing": ("missing_key", "add the key"),
    "greater_than_equal": ("score_out_of_range", "use a value from 0 to 100"),
    "less_than_equal": ("score_out_of_range", "use a value from 0 to 100"),
    "greater_than": ("non_positive_weight", "use a weight greater than 0 (1 is the default)"),
    "string_pattern_mismatch": ("invalid_id", "use lowercase letters a-z, digits and _ only"),
    "string_too_short": ("invalid_id", "write at least one character"),
    "string_too_long": ("invalid_id", "shorten the value"),
    "literal_error": ("invalid_value", "use one of the allowed values"),
    "recursion_loop": ("recursive_alias", "remove the alias that refers to itself"),
}
# (model class name, field) → (our code, fix) for literal errors with a dedicated code
_LITERAL_BY_FIELD = {
    ("Question", "type"): ("unknown_question_type", "use one of the question types listed"),
    ("Definition", "format_version"): ("unknown_format_version", "write format_version: 1"),
    ("VersionMapping", "format_version"): ("unknown_format_version", "write format_version: 1"),
}
_VERSION_FIX = "use letters, digits, '.', '_' and '-' (at most 32), and quote it: version: \"2026.1\""
_TYPE_FIXES = {
    "dict": "write a mapping, e.g. {en: \"...\"} for a text",
    "tuple": "write a list, e.g. [a, b] or one '- item' per line",
    "list": "write a list, e.g. [a, b] or one '- item' per line",
    "model": "write a mapping with the keys this element takes",
    "string": "write text; quote it if YAML reads it as a number, a date or a boolean",
    "bool": "write true or false",
    "int": "write a whole number",
    "decimal": "write a number",
    "finite": "write a finite number",
}


def shape_problems(error: ValidationError, model: type[BaseModel]) -> list[Problem]:
    """One problem per pydantic error, located with our paths, in pydantic's order."""
    return [_problem(entry, model) for entry in error.errors(include_url=False)]


def _problem(entry: dict, model: type[BaseModel]) -> Problem:
    loc = tuple(entry["loc"])
    kind = entry["type"]
    owner = model_at(model, loc[:-1])
    code, fix = _code_and_fix(kind, loc, owner)
    message = _message(entry) if code != "invalid_version" else f"{_show(entry.get('input'))} is not a valid version"
    return Problem(code, join_location(*loc), message, _refine_fix(code, fix, entry, owner))


def _code_and_fix(kind: str, loc: tuple, owner: object) -> tuple[str, str]:
    field = loc[-1] if loc else ""
    if kind == "literal_error" and isinstance(owner, type):
        dedicated = _LITERAL_BY_FIELD.get((owner.__name__, field))
        if dedicated:
            return dedicated
    if field == "version" and kind.startswith("string_") and kind != "string_type":
        return "invalid_version", _VERSION_FIX
    if kind in _BY_TYPE:
        return _BY_TYPE[kind]
    prefix = kind.split("_")[0]
    if kind.endswith(("_type", "_parsing")) or prefix in ("finite", "decimal", "is"):
        return "wrong_type", _TYPE_FIXES.get(prefix, "write a value of the expected type")
    return "invalid_value", "correct the value"


_MESSAGES = {
    "extra_forbidden": "unknown key '{key}'",
    "missing": "the required key '{key}' is missing",
    "greater_than_equal": "{value} is below 0: scores and bounds go from 0 to 100",
    "less_than_equal": "{value} is above 100: scores and bounds go from 0 to 100",
    "greater_than": "the weight must be greater than 0, found {value}",
    "string_pattern_mismatch": "{value} is not a valid id or code",
    "string_too_short": "the value is empty",
    "string_too_long": "{value} is too long",
}


def _message(entry: dict) -> str:
    loc, value = entry["loc"], _show(entry.get("input"))
    template = _MESSAGES.get(entry["type"])
    if template:
        return template.format(key=loc[-1] if loc else "", value=value)
    return f"{_lower_first(entry['msg'])}, found {value}"


def _refine_fix(code: str, fix: str, entry: dict, owner: object) -> str:
    if code == "unknown_key":
        hint = suggestion(entry["loc"][-1], field_names(owner))
        return f"{fix}.{hint}" if hint else f"{fix}; allowed keys: {', '.join(field_names(owner))}"
    if code in ("invalid_value", "unknown_question_type"):
        expected = (entry.get("ctx") or {}).get("expected", "")
        hint = suggestion(entry.get("input"), [word.strip("' ") for word in expected.replace(" or ", ",").split(",")])
        return f"{fix}: {expected}.{hint}"
    return fix


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def field_names(owner: object) -> list[str]:
    """The keys a model class accepts (aliases where they exist), in declaration order."""
    if not (isinstance(owner, type) and issubclass(owner, BaseModel)):
        return []
    return [info.alias or name for name, info in owner.model_fields.items()]


def model_at(model: object, loc: Sequence) -> object:
    """The type found by following ``loc`` (keys and indexes) from ``model``; None if lost."""
    current = model
    for part in loc:
        current = _step(_unwrap(current), part)
        if current is None:
            return None
    return _unwrap(current)


def _step(current: object, part: object) -> object:
    if isinstance(current, type) and issubclass(current, BaseModel):
        return _field_type(current, part)
    origin, args = typing.get_origin(current), typing.get_args(current)
    if origin is tuple and args:
        return args[0]
    if origin in (list, dict) and args:
        return args[-1]
    return None


def _field_type(model: type[BaseModel], part: object) -> object:
    for name, info in model.model_fields.items():
        if part in (name, info.alias):
            return info.annotation
    return None


def _unwrap(annotation: object) -> object:
    """Strip Annotated[...] and Optional[...] so the container or model shows."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = members[0]
        else:
            return annotation
