"""The OpenAPI 3.1 document of the API, built from small path descriptions."""

from __future__ import annotations

ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _paths() -> dict:
    return {
        "/me": {"get": {
            "operationId": "getMe", "summary": "The account behind the token",
            "responses": {"200": _json({"$ref": "#/components/schemas/Me"}, "The account"),
                          "401": _json(ERROR, "Missing or invalid token")}}},
    }


def _schemas() -> dict:
    return {
        "Error": {"type": "object", "required": ["error"], "properties": {"error": {
            "type": "object", "required": ["status", "title"],
            "properties": {"status": {"type": "integer"}, "title": {"type": "string"}}}}},
        "Me": {"type": "object", "required": ["id", "email", "role"], "properties": {
            "id": {"type": "integer"}, "email": {"type": "string"}, "name": {"type": "string"},
            "role": {"type": "string", "enum": ["admin", "focal_point", "contributor", "evaluator", "analyst"]},
            "country": {"type": ["string", "null"]}, "language": {"type": ["string", "null"]},
            "countries": {"type": "array", "items": {"type": "string"}}}},
    }


def openapi_document() -> dict:
    """The whole document; paths are relative to the server URL /api/v1."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "mgf-assess API", "version": "1"},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                       "schemas": _schemas()},
        "paths": _paths(),
    }
