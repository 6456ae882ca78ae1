"""Shape problems: pydantic's validation errors turned into located, fixable problems.

Which pydantic error becomes which catalog entry is a table; the few entries that depend on
*where* the error is (a question's ``type``, the ``format_version``) are a second table, and
the fix of a type error, which depends on the type expected, a third.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence

from pydantic import BaseModel, ValidationError

from scoring.definition.model import ID_PATTERN, OPTION_PATTERN
from scoring.problems.catalog import Catalog
from scoring.problems.problem import Problem, join_location, suggestion

# pydantic error type → entry
_BY_TYPE = {
    "extra_forbidden": Catalog.UNKNOWN_KEY,
    "missing": Catalog.MISSING_KEY,
    "greater_than_equal": Catalog.SCORE_OUT_OF_RANGE__BELOW,
    "less_than_equal": Catalog.SCORE_OUT_OF_RANGE__ABOVE,
    "greater_than": Catalog.NON_POSITIVE_WEIGHT,
    "string_pattern_mismatch": Catalog.INVALID_ID,
    "string_too_short": Catalog.INVALID_ID__EMPTY,
    "string_too_long": Catalog.INVALID_ID__TOO_LONG,
    "literal_error": Catalog.INVALID_VALUE,
    "recursion_loop": Catalog.RECURSIVE_ALIAS__SHAPE,
}
# pattern of the model → entry of a value that does not match it (the fix says what is allowed)
_BY_PATTERN = {ID_PATTERN: Catalog.INVALID_ID__NAME, OPTION_PATTERN: Catalog.INVALID_ID__OPTION}
# (model class name, field) → entry for literal errors with a dedicated code
_LITERAL_BY_FIELD = {
    ("Question", "type"): Catalog.UNKNOWN_QUESTION_TYPE,
    ("Definition", "format_version"): Catalog.UNKNOWN_FORMAT_VERSION,
    ("VersionMapping", "format_version"): Catalog.UNKNOWN_FORMAT_VERSION,
}
# first word of a pydantic type error → entry whose fix says what to write
_TYPE_ERRORS = {
    "dict": Catalog.WRONG_TYPE__MAPPING,
    "tuple": Catalog.WRONG_TYPE__LIST,
    "list": Catalog.WRONG_TYPE__LIST,
    "model": Catalog.WRONG_TYPE__MODEL,
    "string": Catalog.WRONG_TYPE__STRING,
    "bool": Catalog.WRONG_TYPE__BOOL,
    "int": Catalog.WRONG_TYPE__INT,
    "decimal": Catalog.WRONG_TYPE__DECIMAL,
    "finite": Catalog.WRONG_TYPE__FINITE,
}


def shape_problems(error: ValidationError, model: type[BaseModel]) -> list[Problem]:
    """One problem per pydantic error, located with our paths, in pydantic's order."""
    return [_problem(entry, model) for entry in error.errors(include_url=False)]


def _problem(entry: dict, model: type[BaseModel]) -> Problem:
    loc = tuple(entry["loc"])
    owner = model_at(model, loc[:-1])
    found = _catalog_entry(entry["type"], loc, owner, entry.get("ctx"))
    values = {name: _VALUES[name](entry, owner) for name in found.placeholders}
    return found.at(join_location(*loc), **values)


def _catalog_entry(kind: str, loc: tuple, owner: object, entry_ctx: dict | None = None) -> Catalog:
    field = loc[-1] if loc else ""
    if kind == "literal_error" and isinstance(owner, type):
        dedicated = _LITERAL_BY_FIELD.get((owner.__name__, field))
        if dedicated:
            return dedicated
    if field == "version" and kind.startswith("string_") and kind != "string_type":
        return Catalog.INVALID_VERSION
    if kind == "string_pattern_mismatch":
        return _BY_PATTERN.get((entry_ctx or {}).get("pattern"), Catalog.INVALID_ID)
    if kind in _BY_TYPE:
        return _BY_TYPE[kind]
    prefix = kind.split("_")[0]
    if kind.endswith(("_type", "_parsing")) or prefix in ("finite", "decimal", "is"):
        return _TYPE_ERRORS.get(prefix, Catalog.WRONG_TYPE)
    return Catalog.INVALID_VALUE__OTHER


def _key(entry: dict, owner: object) -> object:
    return entry["loc"][-1] if entry["loc"] else ""


def _expected(entry: dict, owner: object) -> str:
    return (entry.get("ctx") or {}).get("expected", "")


def _value_suggestion(entry: dict, owner: object) -> str:
    # The closest of the allowed values (a literal error's ``expected``: "'a', 'b' or 'c'").
    expected = _expected(entry, owner)
    return suggestion(entry.get("input"), [word.strip("' ") for word in expected.replace(" or ", ",").split(",")])


def _key_hint(entry: dict, owner: object) -> str:
    close = suggestion(entry["loc"][-1], field_names(owner))
    return f".{close}" if close else f"; allowed keys: {', '.join(field_names(owner))}"


# placeholder → how its value is read from a pydantic error entry and the model class it is in
_VALUES = {
    "key": _key,
    "value": lambda entry, owner: _show(entry.get("input")),
    "detail": lambda entry, owner: _lower_first(entry["msg"]),
    "expected": _expected,
    "suggestion": _value_suggestion,
    "hint": _key_hint,
}


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
