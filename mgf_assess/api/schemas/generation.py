"""Turning the API's pydantic models into the document's ``components.schemas``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from pydantic.json_schema import GenerateJsonSchema

REF_TEMPLATE = "#/components/schemas/{model}"


def ref(name: str) -> dict:
    """A reference to the component schema ``name``."""
    return {"$ref": REF_TEMPLATE.format(model=name)}


class _SchemaGenerator(GenerateJsonSchema):
    """pydantic's JSON Schemas, except that a choice of one value stays an ``enum`` list
    (pydantic writes ``const``): a client sees the same shape when more choices come; and
    properties get no title ("Base Revision" says nothing that ``base_revision`` does not)."""

    def field_title_should_be_set(self, schema) -> bool:
        return False

    def literal_schema(self, schema):
        generated = super().literal_schema(schema)
        if "const" in generated:
            generated["enum"] = [generated.pop("const")]
        return generated


def model_schemas(models: list[type[BaseModel]], mode: str = "serialization") -> dict:
    """``components.schemas`` entries: each model's JSON Schema under its name, and the models
    it refers to (pydantic's ``$defs``) hoisted beside it. ``mode``: "validation" for request
    bodies, "serialization" for responses."""
    schemas: dict = {}
    for model in models:
        schema = model.model_json_schema(ref_template=REF_TEMPLATE, schema_generator=_SchemaGenerator, mode=mode)
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    return schemas


def _optional(**details) -> Any:
    """A property a response may leave out: not ``required``. These models describe responses
    and are never filled in, so the factory never runs; unlike a default, it adds nothing to
    the schema."""
    return Field(default_factory=lambda: None, **details)

