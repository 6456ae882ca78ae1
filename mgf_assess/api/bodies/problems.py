"""Why a request body cannot be used, in the API's problem format (``location``, ``code``,
``message``): pydantic's errors turned into located, plain-worded problems."""

from __future__ import annotations

import math
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo


class BodyError(Exception):
    """The body cannot be used: 400 when it is not JSON, 422 with ``problems`` otherwise."""

    def __init__(self, status: int, title: str, problems: list[dict] | None = None):
        super().__init__(title)
        self.status, self.title, self.problems = status, title, problems


def item(location: str, code: str, message: str) -> dict:
    """One entry of an error's ``problems`` list."""
    return {"location": location, "code": code, "message": message}


@dataclass(frozen=True)
class Expected:
    """What a pattern-checked field must be, in words: the message when the pattern fails."""

    text: str


# ---- pydantic's errors as the API's problems ------------------------------------------------

_TYPE_NAMES = {"string_type": "text", "int_type": "an integer",
               "float_type": "a number", "bool_type": "true or false"}


def unknown_field(name: str, model: type[BaseModel]) -> dict:
    known = ", ".join(sorted(model.model_fields))
    return item(name, "unknown_field", f"Unknown field {name!r}: the fields are {known}.")


def problem_of(entry: dict, model: type[BaseModel]) -> dict:
    name, kind = ".".join(map(str, entry["loc"])), entry["type"]
    if kind == "missing":
        return item(name, "required", f"{name} is required.")
    if kind == "extra_forbidden":
        return unknown_field(name, model)
    if entry["input"] is None:  # nullable fields accept null: this one does not
        return item(name, "wrong_type", f"{name} cannot be null.")
    return _value_problem(name, entry, model.model_fields[str(entry["loc"][0])])  # an item: its list's field


def _value_problem(name: str, entry: dict, field: FieldInfo) -> dict:
    """A value that cannot be stored, has the wrong type, or is outside the field's limits."""
    kind = entry["type"]
    if kind == "literal_error" and not isinstance(entry["input"], str):
        kind = "string_type"  # every enum here is a set of texts: a number or a list is the wrong type
    if kind == "invalid_text":
        return item(name, "invalid_text", entry["msg"])
    if kind in _TYPE_NAMES:
        return item(name, "wrong_type", f"{name} must be {_TYPE_NAMES[kind]}.")
    if kind == "string_too_long":
        limit = entry["ctx"]["max_length"]
        return item(name, "too_long", f"{name} is too long: at most {limit:,} characters "
                                      f"(it has {len(entry['input']):,}). Shorten it.")
    return item(name, "invalid", _invalid(name, entry, field))


def _invalid(name: str, entry: dict, field: FieldInfo) -> str:
    """What is wrong with a value of the right type, and what to send instead."""
    kind = entry["type"]
    if kind in ("greater_than_equal", "less_than_equal"):
        return _out_of_range(name, _bound(field, "ge"), _bound(field, "le"))
    if kind == "literal_error":
        listed = ", ".join(typing.get_args(field.annotation))
        return f"{name} must be one of: {listed} (not {entry['input']!r})."
    expected = next((mark.text for mark in field.metadata if isinstance(mark, Expected)), None)
    if kind == "string_pattern_mismatch" and expected:
        return f"{name} must be {expected}."
    return f"{name} is not valid: {entry['msg']}."


def _out_of_range(name: str, low: object, high: object) -> str:
    if low is None:
        return f"{name} must be at most {high}."
    if high is None:
        return f"{name} must be at least {low}."
    return f"{name} must be between {low} and {high}."


def _bound(field: FieldInfo, name: str) -> object:
    """The field's ``ge`` or ``le`` limit, None if it has none."""
    return next((getattr(mark, name) for mark in field.metadata if hasattr(mark, name)), None)


def unusable(value: Any) -> str | None:
    """Values that no database column can hold: NUL characters, lone surrogates, NaN/Infinity."""
    if isinstance(value, str):
        if "\x00" in value:
            return "Text cannot contain the NUL character."
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "Text must be valid Unicode (no lone surrogates)."
    elif isinstance(value, float) and not math.isfinite(value):
        return "Numbers must be finite."
    elif isinstance(value, (list, dict)):
        children = value.values() if isinstance(value, dict) else value
        keys = list(value) if isinstance(value, dict) else []
        return next(filter(None, map(unusable, [*keys, *children])), None)
    return None
