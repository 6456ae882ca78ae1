"""Request bodies: one JSON object, checked field by field, with every problem listed.

The checks mirror the request schemas of the OpenAPI document (``api.schemas``), so that what
the document calls invalid is refused with 422 before anything is looked up or stored.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import request

Check = Callable[[Any], "str | None"]


class BodyError(Exception):
    """The body cannot be used: 400 when it is not JSON, 422 with ``problems`` otherwise."""

    def __init__(self, status: int, title: str, problems: list[dict] | None = None):
        super().__init__(title)
        self.status, self.title, self.problems = status, title, problems


@dataclass(frozen=True)
class Field:
    """One property of a request body: its JSON types (none: any value) and further checks."""

    name: str
    types: tuple[type, ...] = ()
    required: bool = False
    nullable: bool = False
    check: Check | None = None
    description: str = ""


def item(location: str, code: str, message: str) -> dict:
    """One entry of an error's ``problems`` list."""
    return {"location": location, "code": code, "message": message}


def read_body(fields: list[Field]) -> dict:
    """The request's JSON object after checking it against ``fields``; raises BodyError."""
    data = request.get_json(silent=True)
    if data is None:
        raise BodyError(400, "The request body must be a JSON object, sent with Content-Type: application/json.")
    if not isinstance(data, dict):
        raise BodyError(422, "Invalid request body",
                        [item("", "not_an_object", "The request body must be a JSON object.")])
    problems = _unknown_fields(data, fields)
    for spec in fields:
        problems.extend(_check_field(data, spec))
    if problems:
        raise BodyError(422, "Invalid request body", problems)
    return data


def _unknown_fields(data: dict, fields: list[Field]) -> list[dict]:
    known = {spec.name for spec in fields}
    expected = ", ".join(sorted(known))
    return [item(key, "unknown_field", f"Unknown field {key!r}: the fields are {expected}.")
            for key in sorted(data) if key not in known]


def _check_field(data: dict, spec: Field) -> list[dict]:
    if spec.name not in data:
        return [item(spec.name, "required", f"{spec.name} is required.")] if spec.required else []
    value = data[spec.name]
    if value is None:
        return [] if spec.nullable else [item(spec.name, "wrong_type", f"{spec.name} cannot be null.")]
    unusable = _unusable(value)
    if unusable:
        return [item(spec.name, "invalid_text", unusable)]
    if spec.types and not _has_type(value, spec.types):
        return [item(spec.name, "wrong_type", f"{spec.name} must be {_type_names(spec.types)}.")]
    message = spec.check(value) if spec.check else None
    return [item(spec.name, "invalid", message)] if message else []


def _has_type(value: Any, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool):  # JSON true/false are not integers, although Python says so
        return bool in types
    return isinstance(value, types)


def _type_names(types: tuple[type, ...]) -> str:
    names = {str: "text", int: "an integer", bool: "true or false", float: "a number"}
    return " or ".join(names.get(kind, kind.__name__) for kind in types)


def _unusable(value: Any) -> str | None:
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
        return next(filter(None, map(_unusable, [*keys, *children])), None)
    return None


# ---- reusable checks, each carrying the JSON Schema keywords that say the same -------------

def _with_schema(check: Check, **schema) -> Check:
    check.schema = schema
    return check


def one_of(choices) -> Check:
    listed = ", ".join(choices)
    return _with_schema(lambda value: None if value in choices else f"{value!r} is not one of: {listed}.",
                        enum=list(choices))


def between(low: int, high: int) -> Check:
    return _with_schema(lambda value: None if low <= value <= high else f"must be between {low} and {high}.",
                        minimum=low, maximum=high)


def matches(pattern: str, description: str) -> Check:
    compiled = re.compile(pattern)
    return _with_schema(lambda value: None if compiled.fullmatch(value) else f"must be {description}.",
                        pattern=f"^{pattern}$")


# ---- the same rules as JSON Schema, for the OpenAPI document -------------------------------

JSON_TYPES = {str: "string", int: "integer", bool: "boolean", float: "number"}


def body_schema(fields: list[Field], description: str) -> dict:
    """The JSON Schema of a request body checked by ``read_body(fields)``."""
    return {"type": "object", "description": description, "additionalProperties": False,
            "required": [spec.name for spec in fields if spec.required],
            "properties": {spec.name: _field_schema(spec) for spec in fields}}


def _field_schema(spec: Field) -> dict:
    schema: dict = {"description": spec.description} if spec.description else {}
    if spec.types:
        names = [JSON_TYPES[kind] for kind in spec.types] + (["null"] if spec.nullable else [])
        schema["type"] = names[0] if len(names) == 1 else names
    schema.update(getattr(spec.check, "schema", {}))
    if spec.nullable and "enum" in schema:
        schema["enum"] = [*schema["enum"], None]
    return schema
