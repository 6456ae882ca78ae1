"""Reading a request's JSON object or multipart form as one of the models."""

from __future__ import annotations

import typing

from flask import current_app, request
from pydantic import ValidationError

from mgf_assess.api.bodies.models import Body
from mgf_assess.api.bodies.problems import BodyError, item, problem_of, unknown_field, unusable


def read_body(model: type[Body]) -> Body:
    """The request's JSON object validated as ``model``; raises BodyError (400 when the body
    is not JSON, 422 listing every problem when it is not a valid ``model``)."""
    request.max_content_length = current_app.config["MAX_JSON_KB"] * 1024  # larger: 413
    try:
        data = request.get_json(silent=True)
    except RecursionError:
        data = _TOO_DEEP
    if data is _TOO_DEEP or nesting_depth(data) > MAX_JSON_DEPTH:
        raise BodyError(400, f"The request body is nested more than {MAX_JSON_DEPTH} levels deep; "
                             "send a flat JSON object as the API document describes.")
    if data is None:
        raise BodyError(400, "The request body must be a JSON object, sent with Content-Type: application/json.")
    if not isinstance(data, dict):
        raise BodyError(422, "Invalid request body",
                        [item("", "not_an_object", "The request body must be a JSON object.")])
    return validated(model, data)


def read_form(model: type[Body], max_bytes: int) -> Body:
    """The request's multipart/form-data fields and files validated as ``model``: 415 when the
    body is not multipart, 413 (by the server) when it is larger than ``max_bytes``, 422 listing
    every problem. A field sent several times is a list (only list fields accept that)."""
    request.max_content_length = max_bytes
    if request.mimetype != "multipart/form-data":
        raise BodyError(415, "Send the workbook as multipart/form-data, in the field file.")
    data: dict = {key: _one_or_list(request.form.getlist(key)) for key in request.form}
    data |= {key: _one_or_list([item.read() for item in request.files.getlist(key)]) for key in request.files}
    for name, info in model.model_fields.items():
        if name in data and typing.get_origin(info.annotation) is list and not isinstance(data[name], list):
            data[name] = [data[name]]
    return validated(model, data)


def _one_or_list(values: list):
    return values[0] if len(values) == 1 else values


MAX_JSON_DEPTH = 64  # no body the API accepts comes near it
_TOO_DEEP = object()


def nesting_depth(value) -> int:
    """How many arrays and objects deep ``value`` goes (0 for a plain value), without recursion."""
    deepest, pending = 0, [(value, 0)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is not None:
            deepest = max(deepest, depth + 1)
            pending.extend((child, depth + 1) for child in children)
    return deepest


def validated(model: type[Body], data: dict) -> Body:
    """``data`` as a ``model``; raises BodyError 422 with every problem, one per field at fault:
    unknown fields first (by name), then the model's fields in their order."""
    unreadable = [key for key in data if unusable(key)]  # pydantic stops at the first such key
    problems = [unknown_field(key, model) for key in unreadable]
    try:
        body = model.model_validate({key: value for key, value in data.items() if key not in unreadable})
    except ValidationError as error:
        problems += [problem_of(entry, model) for entry in error.errors(include_url=False)]
    if problems:
        rank = {name: index for index, name in enumerate(model.model_fields)}
        problems.sort(key=lambda found: (found["location"] in rank, rank.get(found["location"], 0),
                                         found["location"]))
        raise BodyError(422, "Invalid request body", problems)
    return body

